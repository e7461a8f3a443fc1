// Pure helpers for the match list screens (both directions): which results fit, why others are
// excluded, what deserves attention, the choice of two to compare, and the comparison's rows.

import { criteriumLabel, label } from './labels.js'

const criteriumNaam = (code: string) => label(criteriumLabel, code)

export interface MatchCriterium {
  code: string
  score: number
  knockout: boolean
  kleur: 'groen' | 'oranje' | 'rood'
  uitleg: string
  /** Fits only with support on the work floor (a relaxed knock-out): amber, "past met ondersteuning". */
  metOndersteuning?: boolean
}

export interface MatchItem {
  score: number
  uitgesloten: boolean
  criteria: MatchCriterium[]
}

/** At most this many results can be compared side by side. */
export const MAX_VERGELIJK = 2

/** The answer is sorted already (best first, excluded last); this only splits it for the page. */
export function splitMatches<M extends MatchItem>(items: M[]): { passend: M[]; uitgesloten: M[] } {
  return { passend: items.filter((m) => !m.uitgesloten), uitgesloten: items.filter((m) => m.uitgesloten) }
}

/** The criteria that exclude this match (hard limits in this direction). */
export const knockouts = (m: MatchItem) => m.criteria.filter((c) => c.knockout)

const kleurVolgorde = { rood: 0, oranje: 1, groen: 2 } as const

/** What a jobhunter should look at first: knock-outs, then red, then amber; green is left out. */
export function aandachtspunten(m: MatchItem): MatchCriterium[] {
  return m.criteria
    .filter((c) => c.knockout || c.kleur !== 'groen')
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(b.c.knockout) - Number(a.c.knockout) || kleurVolgorde[a.c.kleur] - kleurVolgorde[b.c.kleur] || a.i - b.i)
    .map(({ c }) => c)
}

/**
 * The card's one-line summary, true to the scores: "Alle criteria passen volledig" only when every
 * criterion is at 100 %; with no knelpunt but some below 100 %, it names those; otherwise the
 * aandachtspunten (red, amber, knock-outs) follow and there is no summary line.
 */
export function samenvatting(m: MatchItem): { soort: 'volledig' | 'geen-knelpunten'; tekst: string } | undefined {
  if (aandachtspunten(m).length > 0) return undefined
  const onvolledig = m.criteria.filter((c) => c.score < 1)
  if (onvolledig.length === 0) return { soort: 'volledig', tekst: 'Alle criteria passen volledig.' }
  return { soort: 'geen-knelpunten', tekst: `Geen knelpunten. Niet helemaal: ${onvolledig.map((c) => `${criteriumNaam(c.code)} ${procent(c.score)}`).join(', ')}.` }
}

/** Ticks or unticks one result for comparison; a third tick is refused (the list stays as it was). */
export function toggleVergelijk(gekozen: string[], id: string, aan: boolean): string[] {
  if (!aan) return gekozen.filter((g) => g !== id)
  if (gekozen.includes(id)) return gekozen
  if (gekozen.length >= MAX_VERGELIJK) return gekozen
  return [...gekozen, id]
}

/** One row per criterion (in the answer's order), with each candidate's judgement side by side. */
export function comparisonRows(a: MatchItem, b: MatchItem): { code: string; a?: MatchCriterium; b?: MatchCriterium }[] {
  const codes = [...new Set([...a.criteria.map((c) => c.code), ...b.criteria.map((c) => c.code)])]
  return codes.map((code) => ({ code, a: a.criteria.find((c) => c.code === code), b: b.criteria.find((c) => c.code === code) }))
}

/** The weights of the ranking, heaviest first, with whether a hard failure excludes in this direction. */
export function gewichtRijen(gewichten: Record<string, number>, knockoutCodes: string[]): { code: string; gewicht: number; aandeel: number; knockout: boolean }[] {
  const totaal = Object.values(gewichten).reduce((s, g) => s + g, 0) || 1
  return Object.entries(gewichten)
    .map(([code, gewicht], i) => ({ code, gewicht, aandeel: Math.round((gewicht / totaal) * 100), knockout: knockoutCodes.includes(code), i }))
    .sort((x, y) => y.gewicht - x.gewicht || x.i - y.i)
    .map(({ i: _i, ...r }) => r)
}

/** A criterion score 0–1 as a Dutch percentage: 0.87 → "87 %". */
export const procent = (score: number) => `${Math.round(score * 100)} %`

/** The URL of a match list keeps one option: whether excluded results are shown. */
export const matchUrl = (basis: string, inclusiefUitgesloten: boolean) => (inclusiefUitgesloten ? `${basis}?inclusiefUitgesloten=true` : basis)
