import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { meiliFilter, meiliSort, quote } from '../../search/meili-filter.js'
import type { PlekQuery } from '../../search/port.js'
import { niveaus, vaardigheden } from '../../server/domain/enums.js'

// Search filter values cannot change the meaning of a Meilisearch filter (issue 8, part 2).
//
// A small model of Meilisearch's filter parser (crates/filter-parser, v1.16: value.rs) for the
// part of the grammar that search/meili-filter.ts writes, and a property: for any strings and
// numbers in every filter value, each filter expression parses to exactly the structure the
// query asks for, and every quoted literal reads back as the original value. The unit tests with
// hand-picked hostile values are in meili-filter.test.ts.
//
// How Meilisearch reads a quoted value (value.rs `quoted_by` + `unescaper::unescape`):
// 1. scanning: a backslash takes the next character with it; the first quote without one ends
//    the value (a backslash at the very end is an error);
// 2. if an escaped quote was seen, every `\"` becomes `"` (a plain string replace);
// 3. then escape sequences are read: \\ \" \' \/ \b \f \n \r \t \v \u{…} \uXXXX \xHH and octal;
//    any other escape is an error.
// A bare word is a run of letters, digits, `_`, `-` and `.`; some words are keywords.

const keywords = new Set(['AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH', '_geoRadius', '_geoBoundingBox'])
const isWordChar = (c: string) => /^[\p{Alphabetic}\p{N}_.-]$/u.test(c)

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: 'kw'; v: string } | { t: 'op'; v: string }

/** unescaper::unescape (the strict one Meilisearch calls). */
function unescape(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out += s[i]
      continue
    }
    const c = s[++i]
    if (c === undefined) throw new Error('onvolledige escape')
    const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', "'": "'", '"': '"', '\\': '\\', '/': '/' }
    if (c in simple) out += simple[c]
    else if (c === 'u') {
      let hex: string
      if (s[i + 1] === '{') {
        const end = s.indexOf('}', i + 2)
        hex = s.slice(i + 2, end < 0 ? s.length : end)
        i = end < 0 ? s.length : end
      } else {
        hex = s.slice(i + 1, i + 5)
        i += 4
      }
      if (!/^[0-9a-f]+$/i.test(hex)) throw new Error(`ongeldige \\u: ${hex}`)
      out += String.fromCodePoint(parseInt(hex, 16))
    } else if (c === 'x') {
      const hex = s.slice(i + 1, i + 3)
      if (!/^[0-9a-f]{2}$/i.test(hex)) throw new Error(`ongeldige \\x: ${hex}`)
      out += String.fromCharCode(parseInt(hex, 16))
      i += 2
    } else if (/[0-7]/.test(c)) {
      let oct = c
      const extra = /[0-3]/.test(c) ? 2 : 1
      for (let k = 0; k < extra && /[0-7]/.test(s[i + 1] ?? ''); k++) oct += s[++i]
      out += String.fromCharCode(parseInt(oct, 8))
    } else throw new Error(`onbekende escape \\${c}`)
  }
  return out
}

/** Splits a filter expression into tokens the way Meilisearch's parser reads them. */
function tokenize(filter: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < filter.length) {
    const c = filter[i]!
    if (/\s/.test(c)) {
      i++
    } else if (c === '"' || c === "'") {
      let j = i + 1
      let escapedQuote = false
      for (;;) {
        if (j >= filter.length) throw new Error('geen sluitend aanhalingsteken')
        if (filter[j] === '\\') {
          if (j + 1 >= filter.length) throw new Error('backslash aan het eind')
          escapedQuote ||= filter[j + 1] === c
          j += 2
        } else if (filter[j] === c) break
        else j++
      }
      const raw = filter.slice(i + 1, j)
      tokens.push({ t: 'str', v: unescape(escapedQuote ? raw.replaceAll(`\\${c}`, c) : raw) })
      i = j + 1
    } else if (filter.startsWith('<=', i) || filter.startsWith('>=', i) || filter.startsWith('!=', i)) {
      tokens.push({ t: 'op', v: filter.slice(i, i + 2) })
      i += 2
    } else if ('=<>()[],'.includes(c)) {
      tokens.push({ t: 'op', v: c })
      i++
    } else if (isWordChar(c)) {
      let j = i
      while (j < filter.length && isWordChar(filter[j]!)) j++
      const w = filter.slice(i, j)
      tokens.push({ t: keywords.has(w) ? 'kw' : 'word', v: w })
      i = j
    } else throw new Error(`onverwacht teken ${JSON.stringify(c)} op ${i}`)
  }
  return tokens
}

type Part =
  | { kind: 'in'; field: string; values: string[] }
  | { kind: 'is'; field: string; value: string }
  | { kind: 'cmp'; field: string; op: string; value: number | boolean }
  | { kind: 'geoRadius'; args: number[] }

/** A bare word as a number, as Meilisearch reads one (Rust's f64 parser: no `+` in a word). */
function number(tok: Token | undefined): number {
  if (tok?.t !== 'word' || !/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(tok.v)) throw new Error(`geen getal: ${JSON.stringify(tok)}`)
  return Number(tok.v)
}

/** Parses one filter expression of the shapes meili-filter.ts writes; anything else throws. */
function parsePart(filter: string): Part {
  const ts = tokenize(filter)
  let i = 0
  const next = () => ts[i++]
  const expectOp = (v: string) => {
    const tok = next()
    if (tok?.t !== 'op' || tok.v !== v) throw new Error(`verwacht ${v}, kreeg ${JSON.stringify(tok)}`)
  }
  let part: Part
  const first = next()
  if (first?.t === 'kw' && first.v === '_geoRadius') {
    expectOp('(')
    const args = [number(next())]
    for (let k = 0; k < 2; k++) {
      expectOp(',')
      args.push(number(next()))
    }
    expectOp(')')
    part = { kind: 'geoRadius', args }
  } else if (first?.t === 'word') {
    const op = next()
    if (op?.t === 'kw' && op.v === 'IN') {
      expectOp('[')
      const values: string[] = []
      for (;;) {
        const tok = next()
        if (tok?.t === 'op' && tok.v === ']' && values.length === 0) break
        if (tok?.t !== 'str') throw new Error(`verwacht een waarde tussen aanhalingstekens, kreeg ${JSON.stringify(tok)}`)
        values.push(tok.v)
        const sep = next()
        if (sep?.t === 'op' && sep.v === ']') break
        if (sep?.t !== 'op' || sep.v !== ',') throw new Error(`verwacht , of ], kreeg ${JSON.stringify(sep)}`)
      }
      part = { kind: 'in', field: first.v, values }
    } else if (op?.t === 'op' && op.v === '=') {
      const v = next()
      if (v?.t === 'str') part = { kind: 'is', field: first.v, value: v.v }
      else if (v?.t === 'word' && (v.v === 'true' || v.v === 'false')) part = { kind: 'cmp', field: first.v, op: '=', value: v.v === 'true' }
      else throw new Error(`onverwachte waarde ${JSON.stringify(v)}`)
    } else if (op?.t === 'op' && (op.v === '<=' || op.v === '>=')) {
      part = { kind: 'cmp', field: first.v, op: op.v, value: number(next()) }
    } else throw new Error(`onverwachte operator ${JSON.stringify(op)}`)
  } else throw new Error(`onverwacht begin ${JSON.stringify(first)}`)
  if (i !== ts.length) throw new Error(`rest na de expressie: ${JSON.stringify(ts.slice(i))}`)
  return part
}

/** What the query means, written down from port.ts's PlekFilters, independently of meili-filter.ts. */
function intended(q: PlekQuery): Part[] {
  const f = q.filters
  const parts: Part[] = []
  for (const field of ['sector', 'vorm', 'dagdelen', 'plaats', 'vergoeding'] as const) {
    const values = f[field] as string[] | undefined
    if (values?.length) parts.push({ kind: 'in', field, values })
  }
  for (const b of f.begeleiding ?? []) parts.push({ kind: 'is', field: 'begeleiding', value: b })
  if (f.urenMax !== undefined) parts.push({ kind: 'cmp', field: 'urenMin', op: '<=', value: f.urenMax })
  if (f.urenMin !== undefined) parts.push({ kind: 'cmp', field: 'urenMax', op: '>=', value: f.urenMin })
  for (const v of vaardigheden) {
    const max = f.maxNiveau?.[v]
    if (max) parts.push({ kind: 'cmp', field: `niveau.${v}`, op: '<=', value: niveaus.indexOf(max) })
  }
  if (f.minTaalrijkheid !== undefined) parts.push({ kind: 'cmp', field: 'taalrijkheidsscore', op: '>=', value: f.minTaalrijkheid })
  if (f.binnenSchooltijden !== undefined) parts.push({ kind: 'cmp', field: 'binnenSchooltijden', op: '=', value: f.binnenSchooltijden })
  if (q.geo?.straalKm !== undefined) parts.push({ kind: 'geoRadius', args: [q.geo.lat, q.geo.lon, Math.round(q.geo.straalKm * 1000)] })
  return parts
}

const canonical = (parts: Part[]) => parts.map((p) => JSON.stringify(p, (_k, v) => (Object.is(v, -0) ? 0 : v))).sort()

// ---------------------------------------------------------------------------------------------

/** Text aimed at the grammar: quotes, backslashes, escapes, keywords, brackets. */
const pieces = ['"', "'", '\\', '\\"', '\\\\', '"]', '") OR (1=1', ' OR ', ' AND ', 'NOT ', ' TO ', ' EXISTS', ' IN [', ']', ',', '=', '<=', '_geoRadius(0, 0, 1)', '\\u0041', '\\u{1F600}', '\\x41', '\\0', '\\n', '\\q', '\u0000', '\ud800', '👩‍👩‍👧', 'e\u0301', '\u202e', ' ']
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
)
const list = fc.array(hostile, { maxLength: 4 })
const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
const niveau = fc.constantFrom(...niveaus)

const query: fc.Arbitrary<PlekQuery> = fc.record({
  filters: fc.record(
    {
      sector: list,
      vorm: list,
      begeleiding: list,
      dagdelen: list,
      plaats: list,
      vergoeding: list,
      urenMin: finite,
      urenMax: finite,
      maxNiveau: fc.record({ spreken: niveau, luisteren: niveau, lezen: niveau, schrijven: niveau }, { requiredKeys: [] }),
      minTaalrijkheid: finite,
      binnenSchooltijden: fc.boolean(),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<PlekQuery['filters']>,
  // a radius times 1000 (metres) must stay finite: a non-finite number is refused (meili-filter.test.ts)
  geo: fc.option(fc.record({ lat: finite, lon: finite, straalKm: fc.option(fc.double({ noNaN: true, min: -1e300, max: 1e300 }), { nil: undefined }) }), { nil: undefined }),
  sort: fc.constantFrom('relevantie', 'afstand', 'taalrijkheid', 'nieuwste'),
  page: fc.constant(1),
  perPage: fc.constant(20),
})

describe('the parser model agrees with Meilisearch', () => {
  it('reads the cases of filter-parser’s own tests (value.rs) as Meilisearch does', () => {
    const cases: [string, string][] = [
      ['"channel"', 'channel'],
      ["'cha\"nnel'", 'cha"nnel'],
      ['"cha\'nnel"', "cha'nnel"],
      ['"\\\\"', '\\'],
      ['"\\\\\\\\\\\\"', '\\\\\\'],
      ['"aa\\\\aa"', 'aa\\aa'],
      ['"Hello \\"world\\""', 'Hello "world"'],
      ['"Hello \\\\\\"world\\\\\\""', 'Hello \\"world\\"'],
      ["'Hello \\'world\\''", "Hello 'world'"],
      ['"\\"\\""', '""'],
    ]
    for (const [text, value] of cases) expect(tokenize(text)).toEqual([{ t: 'str', v: value }])
  })

  it('catches the injection a naive quoting would allow', () => {
    const naive = (v: string) => `plaats IN ["${v}"]`
    expect(() => parsePart(naive('Delft" OR plaats = "Gouda'))).toThrow()
    expect(parsePart(`plaats IN [${quote('Delft" OR plaats = "Gouda')}]`)).toEqual({ kind: 'in', field: 'plaats', values: ['Delft" OR plaats = "Gouda'] })
  })
})

describe('Meilisearch filter: values cannot change its meaning', () => {
  it('every expression parses to exactly the intended structure, every literal reads back as the value sent', () => {
    fc.assert(
      fc.property(query, (q) => {
        const parts = meiliFilter(q)
        const parsed = parts.map(parsePart)
        expect(canonical(parsed)).toEqual(canonical(intended(q)))
        // Meilisearch ANDs the array's expressions; within one, no logical keyword and one IN per list
        for (const p of parts) {
          const kws = tokenize(p).filter((tk) => tk.t === 'kw').map((tk) => tk.v)
          expect(kws.filter((k) => k !== 'IN' && k !== '_geoRadius')).toEqual([])
          expect(kws.filter((k) => k === 'IN').length).toBeLessThanOrEqual(1)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('a single quoted value reads back exactly, whatever its characters', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 200 })), (v) => {
        expect(tokenize(quote(v))).toEqual([{ t: 'str', v }])
      }),
      { numRuns: 1000 },
    )
  })

  it('sort expressions carry only numbers we wrote', () => {
    fc.assert(
      fc.property(query.filter((q) => q.geo !== undefined), (q) => {
        for (const s of meiliSort(q)) {
          const m = /^_geoPoint\(([^,]+), ([^)]+)\):asc$/.exec(s)
          if (!m) {
            expect(s).toMatch(/^[a-zA-Z]+:(asc|desc)$/)
            continue
          }
          expect(number({ t: 'word', v: m[1]! })).toBe(q.geo!.lat === 0 ? 0 : q.geo!.lat)
          expect(number({ t: 'word', v: m[2]! })).toBe(q.geo!.lon === 0 ? 0 : q.geo!.lon)
        }
      }),
      { numRuns: 200 },
    )
  })
})
