import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eachWordSpan, fold } from '../../search/analyse/tekst.js'
import { fragmentOf } from '../../search/port.js'

// The snippet of a hit (fragmentOf): what a jobhunter reads under each result. Whatever the text,
// the snippet is a piece of it, holds the first matching word, and marks every matching word it
// shows, and nothing else.

const woorden = ['magazijn', 'medewerker', 'magazijnmedewerker', 'keuken', 'Keukenhulp', 'café', 'collega’s', 'klanten', 'de', 'en', 'werk', 'schoonmaak', 'ĳs', 'Zaandam']
const tekst = fc.array(fc.constantFrom(...woorden), { minLength: 1, maxLength: 120 }).chain((ws) =>
  fc.array(fc.constantFrom(' ', ', ', '. ', ' - '), { minLength: ws.length, maxLength: ws.length }).map((seps) => ws.map((w, i) => w + seps[i]).join('').trim()),
)
const vraag = fc.array(fc.constantFrom('magazijn', 'medewerker', 'keuken', 'cafe', 'klant', 'schoon'), { minLength: 1, maxLength: 3 })

const matches = (word: string, q: string[]) => {
  const w = fold(word)
  return q.map(fold).some((s) => s.length >= 3 && (w.startsWith(s.slice(0, Math.max(3, s.length - 2))) || (s.length >= 4 && w.includes(s))))
}

describe('the snippet of a hit', () => {
  it('shows the first matching word and marks exactly the matching words it shows', () => {
    fc.assert(
      fc.property(tekst, vraag, (t, q) => {
        const { tekst: snippet, markeringen } = fragmentOf(t, q)
        const inner = snippet.replace(/^…/, '').replace(/…$/, '')
        expect(t).toContain(inner)
        const shown = [...snippet.matchAll(/[\p{L}\p{M}\p{N}]+/gu)]
        const expected = shown.filter((m) => matches(m[0], q)).map((m) => [m.index!, m.index! + m[0].length])
        expect(markeringen).toEqual(expected)
        const first = [...t.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].find((m) => matches(m[0], q))
        if (first) {
          // the first mark is the text's first matching word (the snippet is found where it starts)
          expect(markeringen.length).toBeGreaterThan(0)
          const start = t.indexOf(inner)
          const shift = snippet.startsWith('…') ? 1 : 0
          expect(markeringen[0]![0] - shift + start).toBe(first.index)
        }
        expect(inner.length).toBeLessThanOrEqual(160)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the word scanner of snippets', () => {
  it('finds exactly the words /[\\p{L}\\p{M}\\p{N}]+/u finds, in any script', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('café', 'coördinator', 'ĳs', 'e\u0301', '٣٤', '𝔘𝔫𝔦', '😀', 'leerling-kok', "collega's"))
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join(' ')
        const spans: [number, number, boolean][] = []
        eachWordSpan(text, (s, e, ascii) => void spans.push([s, e, ascii]))
        const expected = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => [m.index!, m.index! + m[0].length, /^[a-zA-Z0-9]+$/.test(m[0])])
        expect(spans).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })
})
