import { fold, wordsOf } from './tekst.js'

// ESCO's occupations (search/data/esco-beroepen-nl.csv, ESCO – © European Union) and the curation
// that turns their labels into synonym groups. Used by the generator only; the result is
// search/data/synoniemen.tsv. The rules are in docs/search.md ("Synonyms from ESCO").

export interface EscoBeroep {
  iscoGroep: string
  voorkeursterm: string
  alternatieveTermen: string[]
}

/** Parses the CSV (iscoGroep, voorkeursterm, alternatieveTermen with `|`, escoUri; fields may be quoted). */
export function escoBeroepen(csv: string): EscoBeroep[] {
  const rows: string[][] = []
  let field = ''
  let row: string[] = []
  let quoted = false
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '')
    else if (c !== '\r') field += c
  }
  if (field || row.length) row.push(field), rows.push(row)
  return rows.slice(1).filter((r) => r.length >= 3).map(([iscoGroep, voorkeursterm, alt]) => ({
    iscoGroep: iscoGroep!,
    voorkeursterm: voorkeursterm!,
    alternatieveTermen: alt ? alt.split('|').filter(Boolean) : [],
  }))
}

/**
 * Labels that ESCO lists but that are no synonym of the occupation for a jobhunter: broader, narrower,
 * another job, or a word that says something else on its own (checked by hand on the generated file).
 */
export const uitgesloten = new Set([
  'chef', 'sous-chef', 'souschef', 'commandant', 'hulp', 'medewerker', 'medewerkster', 'werkster', 'werkman', 'knecht', 'arbeider', 'arbeidster',
  'bediende', 'assistent', 'assistente', 'operator', 'technicus', 'monteur', 'specialist', 'specialiste', 'begeleider', 'begeleidster',
  'adviseur', 'adviseuse', 'consulent', 'consulente', 'verkoper', 'verkoopster', 'inspecteur', 'inspectrice', 'beheerder', 'beheerster',
  'coordinator', 'coordinatrice', 'planner', 'controleur', 'controleuse', 'agent', 'leider', 'leidster', 'ploegleider', 'teamleider',
  'voorman', 'meester', 'gezel', 'leerling', 'stagiair', 'instructeur', 'instructrice', 'trainer', 'coach', 'docent', 'leraar',
  'syndicus', 'tournant', 'potager', 'poissonnier', 'saucier', 'entremetier', 'rotisseur', 'patissier', 'huisbewaarder',
  'magazijnbeheerder', 'magazijnmeester', 'magazijnchef', 'warehousemanager', 'parkwachter', 'tuinchef', 'tuinmanager',
])

/**
 * Related occupations: within these ISCO unit groups, the occupations (ESCO voorkeursterm) that a
 * jobhunter treats as the same kind of entry-level work. A plek of one is found by the others'
 * names, ranked below synonyms. Only these; the rest of each ISCO group is too far apart.
 */
export const verwanteBeroepen: Record<string, string[]> = {
  '9333': ['magazijnmedewerker', 'orderpicker', 'pakhuismedewerker', 'expeditiemedewerker'],
  '9112': ['schoonmaker gebouwen', 'schoonmaker treinen', 'toiletmedewerker'],
  '6113': ['hovenier', 'medewerker groenvoorziening/medewerkster groenvoorziening'],
  '5120': ['kok', 'dieetkok', 'industriële kok'],
  '9412': ['keukenhulp', 'medewerker keuken'],
  '5311': ['kinderverzorgster', 'oppas', 'medewerker kinderdagverblijf'],
  '5321': ['verpleeghulp', 'zorghulp'],
  '5223': ['winkelmedewerker', 'verkoopmedewerker'],
}

const MAX_GROEP = 14

/**
 * The synonym groups: per occupation its one-word labels (voorkeursterm and alternatieveTermen, a
 * hyphenated word counting as one), without the excluded ones and without words that name
 * occupations in more than two ISCO unit groups (ambiguous); multi-word labels are triggers only
 * (a plek whose titel or beroep holds the phrase gets the group). Plus the related occupations of the
 * curated ISCO groups. One line per group: `syn|isco <TAB> isco <TAB> words <TAB> phrases`.
 */
export function synoniemCuratie(beroepen: EscoBeroep[], lemmaOf: (w: string) => string): string {
  const labelsOf = (b: EscoBeroep) => [b.voorkeursterm, ...b.alternatieveTermen].flatMap((l) => l.split('/')).map((l) => l.trim()).filter(Boolean)
  const oneWord = (label: string) => {
    const w = wordsOf(label)
    return w.length === 1 || (w.length === 3 && w[0]!.includes('-')) ? fold(label).trim() : undefined
  }
  const groupsOfWord = new Map<string, Set<string>>()
  for (const b of beroepen) {
    for (const l of labelsOf(b)) {
      const w = oneWord(l)
      if (!w) continue
      const s = groupsOfWord.get(w) ?? new Set()
      s.add(b.iscoGroep)
      groupsOfWord.set(w, s)
    }
  }
  const usable = (w: string) => !uitgesloten.has(w) && (groupsOfWord.get(w)?.size ?? 0) <= 2 && w.length >= 3
  const lines: string[] = []
  for (const b of beroepen) {
    const words = [...new Set(labelsOf(b).map(oneWord).filter((w): w is string => w !== undefined && usable(w)))]
    const phrases = [...new Set(labelsOf(b).filter((l) => !oneWord(l)).map((l) => wordsOf(l).join(' ')).filter((p) => p.split(' ').length <= 3))]
    if (words.length < 2 && !(words.length === 1 && phrases.length)) continue
    lines.push(['syn', b.iscoGroep, words.slice(0, MAX_GROEP).join(','), phrases.slice(0, MAX_GROEP).join('|')].join('\t'))
  }
  for (const [isco, namen] of Object.entries(verwanteBeroepen)) {
    const found = namen.filter((n) => beroepen.some((b) => b.iscoGroep === isco && b.voorkeursterm === n))
    if (found.length !== namen.length) throw new Error(`verwanteBeroepen ${isco}: niet in ESCO: ${namen.filter((n) => !found.includes(n)).join(', ')}`)
    const words = [...new Set(found.flatMap((n) => n.split('/')).map((n) => wordsOf(n).join(' ')))]
    lines.push(['isco', isco, words.filter((w) => !w.includes(' ')).join(','), words.filter((w) => w.includes(' ')).join('|')].join('\t'))
  }
  void lemmaOf
  const header = [
    '# Generated by `npm run woordenlijst` (search/analyse/genereer.ts, curation in search/analyse/esco.ts); do not edit.',
    '# From ESCO v1.1 occupations (ESCO – © European Union), ISCO major groups 3–9, curated as docs/search.md describes.',
    '# syn: synonyms (one occupation), isco: related occupations (a curated ISCO unit group)<TAB>ISCO group<TAB>words<TAB>phrases that also name it',
  ]
  return `${[...header, ...lines].join('\n')}\n`
}
