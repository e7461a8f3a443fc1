import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import type { PlekDocument } from '../../search/port.js'
import { niveaus, vaardigheden } from '../../server/domain/enums.js'
import { standaardConfig } from '../../server/matching/config.js'
import { evaluate } from '../../server/matching/rank.js'
import type { CriteriumCode, MatchPlek } from '../../server/matching/types.js'
import { knockoutFilters } from '../../server/services/knockout-filters.js'
import { arbDeelnemer, arbPlek } from './arbitraries.js'

// Aanbodgericht asks the index only for plekken that can pass the knock-outs it can check
// (server/services/knockout-filters.ts). That is a speed-up only if it never drops a plek the
// matcher would keep: on random deelnemers, plekken and sets of knock-outs, every plek the matcher
// does not exclude is among the index's candidates.

const document = (p: MatchPlek, i: number): PlekDocument => ({
  id: `plek-${i}`,
  versie: 1,
  titel: p.titel,
  omschrijving: '',
  beroep: p.beroep ?? '',
  organisatieNaam: 'Test',
  plaats: 'Dordrecht',
  sector: p.sector,
  vorm: p.vorm,
  begeleiding: p.begeleiding,
  dagdelen: p.dagdelen,
  urenMin: p.urenPerWeek.min,
  urenMax: p.urenPerWeek.max,
  niveau: Object.fromEntries(vaardigheden.map((v) => [v, niveaus.indexOf(p.taalniveau[v])])) as PlekDocument['niveau'],
  taalrijkheidsscore: p.taalrijkheidsscore,
  taalrijkheid: 'laag',
  binnenSchooltijden: p.binnenSchooltijden,
  vergoeding: 'geen',
  lat: p.lat,
  lon: p.lon,
  gepubliceerdOp: 0,
})

const aanbod = standaardConfig.aanbodgericht
const knockoutSets = fc.subarray([...aanbod.knockouts] as CriteriumCode[])

describe('knock-outs as index filters (aanbodgericht)', () => {
  it('never leave out a plek the matcher keeps, whatever knock-outs are in force', async () => {
    await fc.assert(
      fc.asyncProperty(arbDeelnemer, fc.array(arbPlek, { minLength: 1, maxLength: 25 }), knockoutSets, async (d, plekken, knockouts) => {
        const config = { ...aanbod, knockouts }
        const index = new EmbeddedSearchIndex()
        await index.upsert(plekken.map(document))
        const geo = { lat: d.lat, lon: d.lon, straalKm: d.mobiliteit.maxReisafstandKm }
        const kandidaten = new Set((await index.kandidaten({ filters: knockoutFilters(d, config), geo }, 1000)).map((k) => k.id))
        plekken.forEach((p, i) => {
          const m = evaluate(d, p, 'aanbodgericht', config, 0, `plek-${i}`)
          if (!m.uitgesloten) expect(kandidaten, `plek-${i} past maar is geen kandidaat`).toContain(`plek-${i}`)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('leave out exactly the plekken the dagdelen knock-out excludes (the index counts them)', async () => {
    // the knock-out that excluded three in four candidates at 100,000 plekken (issue 13)
    const config = { ...aanbod, knockouts: ['dagdelen'] as CriteriumCode[] }
    await fc.assert(
      fc.asyncProperty(arbDeelnemer, fc.array(arbPlek, { minLength: 1, maxLength: 25 }), async (d, plekken) => {
        const index = new EmbeddedSearchIndex()
        await index.upsert(plekken.map(document))
        const kandidaten = new Set((await index.kandidaten({ filters: knockoutFilters(d, config) }, 1000)).map((k) => k.id))
        plekken.forEach((p, i) => {
          const past = !evaluate(d, p, 'aanbodgericht', config, 0, `plek-${i}`).uitgesloten
          expect(kandidaten.has(`plek-${i}`), `plek-${i}: ${p.dagdelen.join(' ')}, ${p.urenPerWeek.min} uur`).toBe(past)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('do leave out what a knock-out excludes anyway (the index does the work)', async () => {
    await fc.assert(
      fc.asyncProperty(arbDeelnemer, fc.array(arbPlek, { minLength: 5, maxLength: 25 }), async (d, plekken) => {
        const index = new EmbeddedSearchIndex()
        await index.upsert(plekken.map(document))
        const geo = { lat: d.lat, lon: d.lon, straalKm: d.mobiliteit.maxReisafstandKm }
        const kandidaten = new Set((await index.kandidaten({ filters: knockoutFilters(d, aanbod), geo }, 1000)).map((k) => k.id))
        plekken.forEach((p, i) => {
          // the plek's hours end below the deelnemer's: the uren knock-out, known to the index
          if (p.urenPerWeek.max < d.urenPerWeek.min) expect(kandidaten).not.toContain(`plek-${i}`)
        })
      }),
      { numRuns: 100 },
    )
  })
})
