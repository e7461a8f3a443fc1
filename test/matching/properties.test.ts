import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { evaluate, GROEN_VANAF, ORANJE_VANAF, sortResults } from '../../server/matching/rank.js'
import { samenvatting } from '../../client/src/lib/matches.js'
import { criteria, prepareHardChecks } from '../../server/matching/criteria.js'
import { criteriumCodes, standaardConfig } from '../../server/matching/config.js'
import { dagdelen, niveaus } from '../../server/domain/enums.js'
import type { MatchDeelnemer, MatchPlek, Richting } from '../../server/matching/types.js'
import { arbDeelnemer, arbPlek } from './arbitraries.js'

// Properties over random deelnemers and plekken, for both directions.

const richting = fc.constantFrom<Richting>('aanbodgericht', 'vraaggericht')
const afstand = fc.double({ min: 0, max: 80, noNaN: true })
const score = (d: MatchDeelnemer, p: MatchPlek, r: Richting, km: number) => evaluate(d, p, r, standaardConfig[r], km, p.id)
const hoger = (n: (typeof niveaus)[number]) => niveaus[Math.min(niveaus.length - 1, niveaus.indexOf(n) + 1)]!

describe('matcher properties', () => {
  it('a result is excluded exactly when a knock-out criterion of its direction fails', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, afstand, (d, p, r, km) => {
        const res = score(d, p, r, km)
        const knocked = res.criteria.filter((c) => c.knockout)
        expect(res.uitgesloten).toBe(knocked.length > 0)
        for (const c of knocked) expect(standaardConfig[r].knockouts).toContain(c.code)
      }),
    )
  })

  it('checking the knock-outs first (no excluded results wanted) gives the same verdict and, when not excluded, the same result', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, afstand, (d, p, r, km) => {
        const volledig = score(d, p, r, km)
        const snel = evaluate(d, p, r, standaardConfig[r], km, p.id, { alleenGeschikt: true })
        expect(snel.uitgesloten).toBe(volledig.uitgesloten)
        if (!volledig.uitgesloten) expect(snel).toEqual(volledig)
      }),
    )
  })

  it("each criterion's quick verdict (prepareHardChecks, used for the knock-outs) is its full verdict", () => {
    // wider than the plekken above: no dagdelen at all, a diploma, and distances exactly at the limit
    const plekVariant = fc.tuple(arbPlek, fc.boolean(), fc.option(fc.constant('mbo-2 logistiek'), { nil: undefined })).map(([p, geenDagdelen, diploma]) => ({
      ...p,
      dagdelen: geenDagdelen ? [] : p.dagdelen,
      vereisten: { ...p.vereisten, ...(diploma ? { diploma } : {}) },
    }))
    const deelnemerVariant = fc.tuple(arbDeelnemer, fc.option(fc.boolean(), { nil: undefined })).map(([d, vca]) => ({ ...d, vca }))
    fc.assert(
      fc.property(deelnemerVariant, plekVariant, richting, fc.oneof(afstand, fc.constant(-1)), (d, p, r, km) => {
        const input = { deelnemer: d, plek: p, richting: r, afstandKm: km < 0 ? d.mobiliteit.maxReisafstandKm : km }
        const checks = prepareHardChecks(d, r)
        for (const code of criteriumCodes) expect([code, checks[code](p, input.afstandKm)]).toEqual([code, criteria[code](input).hard])
      }),
      { numRuns: 2000 },
    )
  })

  it('every result explains every criterion, with a score in [0, 1] and a sentence', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, afstand, (d, p, r, km) => {
        const res = score(d, p, r, km)
        expect(res.criteria.map((c) => c.code)).toEqual(criteriumCodes)
        for (const c of res.criteria) {
          expect(c.score).toBeGreaterThanOrEqual(0)
          expect(c.score).toBeLessThanOrEqual(1)
          expect(c.uitleg).toMatch(/^[A-Z0-9].{4,}[.]$/s)
        }
        expect(res.score).toBeGreaterThanOrEqual(0)
        expect(res.score).toBeLessThanOrEqual(100)
      }),
    )
  })

  it('a better taalniveau never lowers the score and never adds a knock-out', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, afstand, fc.constantFrom('spreken', 'luisteren', 'lezen', 'schrijven' as const), (d, p, r, km, v) => {
        const before = score(d, p, r, km)
        const after = score({ ...d, taalniveau: { ...d.taalniveau, [v]: hoger(d.taalniveau[v]) } }, p, r, km)
        expect(after.score).toBeGreaterThanOrEqual(before.score)
        if (!before.uitgesloten) expect(after.uitgesloten).toBe(false)
      }),
    )
  })

  it('more free dagdelen never lower the score and never add a knock-out', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, afstand, fc.constantFrom(...dagdelen), (d, p, r, km, extra) => {
        const before = score(d, p, r, km)
        const after = score({ ...d, beschikbareDagdelen: [...new Set([...d.beschikbareDagdelen, extra])] }, p, r, km)
        expect(after.score).toBeGreaterThanOrEqual(before.score)
        if (!before.uitgesloten) expect(after.uitgesloten).toBe(false)
      }),
    )
  })

  it('results are sorted (excluded last, highest score first) and the order is stable', () => {
    fc.assert(
      fc.property(arbDeelnemer, fc.array(arbPlek, { maxLength: 25 }), richting, (d, plekken, r) => {
        const results = plekken.map((p, i) => evaluate(d, p, r, standaardConfig[r], i % 20, `${p.id}-${i}`))
        const sorted = sortResults(results)
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!
          const b = sorted[i]!
          expect(Number(a.uitgesloten) <= Number(b.uitgesloten)).toBe(true)
          if (a.uitgesloten === b.uitgesloten) expect(a.score).toBeGreaterThanOrEqual(b.score)
        }
        expect(sortResults([...results].reverse()).map((x) => x.id)).toEqual(sorted.map((x) => x.id))
      }),
    )
  })

  it('a taalles dagdeel is never counted as usable', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, (d, p, r) => {
        // a plek that only happens on the deelnemer's taalles dagdelen can never fit on dagdelen
        fc.pre(d.taallesDagdelen.length > 0)
        const onlyTaalles = { ...p, dagdelen: d.taallesDagdelen }
        const res = score({ ...d, beschikbareDagdelen: [...new Set([...d.beschikbareDagdelen, ...d.taallesDagdelen])] }, onlyTaalles, r, 1)
        expect(res.criteria.find((c) => c.code === 'dagdelen')!.score).toBe(0)
      }),
    )
  })
})

// Issue 17, item 3: what a card says must follow the criterion scores and the weights table.
describe('explanations agree with the scores and the table', () => {
  const tel = (m: ReturnType<typeof score>, k: string) => m.criteria.filter((c) => c.kleur === k).length

  it('no card says all criteria fit unless every criterion is at its maximum', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, afstand, (d, p, r, km) => {
        const res = score(d, p, r, km)
        const kort = samenvatting(res)
        if (kort?.tekst.includes('Alle criteria passen')) for (const c of res.criteria) expect([c.code, c.score]).toEqual([c.code, 1])
        // and when every criterion is at its maximum, the card says so
        if (res.criteria.every((c) => c.score === 1)) expect(kort?.soort).toBe('volledig')
        // a summary without knelpunten names every criterion below 100 %
        if (kort?.soort === 'geen-knelpunten') for (const c of res.criteria.filter((x) => x.score < 1)) expect(kort.tekst).toContain(`${Math.round(c.score * 100)} %`)
      }),
      { numRuns: 2000 },
    )
  })

  it('no red criterion on an included result unless the table says it does not exclude', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, afstand, (d, p, r, km) => {
        const res = score(d, p, r, km)
        fc.pre(!res.uitgesloten)
        for (const c of res.criteria.filter((x) => x.kleur === 'rood')) expect(standaardConfig[r].knockouts).not.toContain(c.code)
      }),
      { numRuns: 2000 },
    )
  })

  it('the colours follow the stated thresholds; a knock-out is red; a relaxed knock-out is amber, "met ondersteuning"', () => {
    fc.assert(
      fc.property(arbDeelnemer, arbPlek, richting, afstand, (d, p, r, km) => {
        for (const c of score(d, p, r, km).criteria) {
          if (c.knockout) expect(c.kleur).toBe('rood')
          else if (c.metOndersteuning) expect(c.kleur).toBe('oranje')
          else if (c.score >= GROEN_VANAF) expect(c.kleur).toBe('groen')
          else if (c.score >= ORANJE_VANAF) expect(c.kleur).toBe('oranje')
          else expect(c.kleur).toBe(standaardConfig[r].knockouts.includes(c.code) ? 'oranje' : 'rood')
          if (c.kleur === 'groen') expect(c.score).toBeGreaterThanOrEqual(GROEN_VANAF)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('equal scores: fewer red, then fewer amber criteria first', () => {
    fc.assert(
      fc.property(arbDeelnemer, fc.array(arbPlek, { maxLength: 30 }), richting, (d, plekken, r) => {
        const sorted = sortResults(plekken.map((p, i) => evaluate(d, p, r, standaardConfig[r], i % 20, `${p.id}-${i}`)))
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!
          const b = sorted[i]!
          if (a.uitgesloten !== b.uitgesloten || a.score !== b.score) continue
          expect(tel(a, 'rood')).toBeLessThanOrEqual(tel(b, 'rood'))
          if (tel(a, 'rood') === tel(b, 'rood')) expect(tel(a, 'oranje')).toBeLessThanOrEqual(tel(b, 'oranje'))
        }
      }),
    )
  })
})
