import { queryWordsOf } from './analyse/tekst.js'
import { vaardigheden, niveaus } from '../server/domain/enums.js'
import type { PlekQuery } from './port.js'

// Translates the neutral query into Meilisearch filter and sort expressions. Every string value
// is quoted and escaped, so a value like `zorg" OR sector = "horeca` stays one literal value and
// can never change the meaning of the filter. Numbers are checked to be finite.

/** A Meilisearch string literal: double quotes, with backslashes and quotes escaped. */
export const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

const num = (n: number): string => {
  if (!Number.isFinite(n)) throw new Error(`Geen eindig getal in filter: ${n}`)
  // Meilisearch reads a bare number as a word of letters, digits, `_`, `-` and `.`, so the `+` of
  // JavaScript's `1e+21` broke the filter (test/unit/meili-filter-eigenschappen.test.ts); `1e21` is
  // the same number. (The API's own ranges never get that large; the matcher's may one day.)
  return String(n).replace('e+', 'e')
}

const inList = (field: string, values: readonly string[]) => `${field} IN [${values.map(quote).join(', ')}]`

export function meiliFilter(q: PlekQuery): string[] {
  const f = q.filters
  const parts: string[] = []
  if (f.sector?.length) parts.push(inList('sector', f.sector))
  if (f.vorm?.length) parts.push(inList('vorm', f.vorm))
  for (const b of f.begeleiding ?? []) parts.push(`begeleiding = ${quote(b)}`) // all of
  if (f.dagdelen?.length) parts.push(inList('dagdelen', f.dagdelen)) // any of
  // Meilisearch cannot count matching values: any of them, a superset the matcher narrows exactly
  if (f.werkbaarOp?.length) parts.push(inList('dagdelen', f.werkbaarOp))
  if (f.plaats?.length) parts.push(inList('plaats', f.plaats))
  if (f.vergoeding?.length) parts.push(inList('vergoeding', f.vergoeding))
  if (f.urenMax !== undefined) parts.push(`urenMin <= ${num(f.urenMax)}`)
  if (f.urenMin !== undefined) parts.push(`urenMax >= ${num(f.urenMin)}`)
  for (const v of vaardigheden) {
    const max = f.maxNiveau?.[v]
    if (max) parts.push(`niveau.${v} <= ${num(niveaus.indexOf(max))}`)
  }
  if (f.minTaalrijkheid !== undefined) parts.push(`taalrijkheidsscore >= ${num(f.minTaalrijkheid)}`)
  if (f.binnenSchooltijden !== undefined) parts.push(`binnenSchooltijden = ${f.binnenSchooltijden ? 'true' : 'false'}`)
  if (q.geo?.straalKm !== undefined) {
    parts.push(`_geoRadius(${num(q.geo.lat)}, ${num(q.geo.lon)}, ${num(Math.round(q.geo.straalKm * 1000))})`)
  }
  return parts
}

/**
 * The `sort` parameter. The settings put the `sort` rule first and newest, then id, as the last
 * ranking rules (meiliSettings), so a chosen sort orders by its key, then by relevance, then newest
 * and id, as the embedded engine does. `relevantie` with text sends none (relevance, then newest);
 * without text it is nearest first when a place is given, else newest.
 */
export function meiliSort(q: PlekQuery): string[] {
  const geoPoint = q.geo ? `_geoPoint(${num(q.geo.lat)}, ${num(q.geo.lon)}):asc` : undefined
  switch (q.sort) {
    case 'afstand':
      return [geoPoint!]
    case 'taalrijkheid':
      return ['taalrijkheidsscore:desc']
    case 'nieuwste':
      return ['gepubliceerdOp:desc']
    case 'relevantie':
    default:
      return !hasText(q) && geoPoint ? [geoPoint] : []
  }
}

/** Whether a query has words to search for (not only stop words), as search/analyse reads it. */
const hasText = (q: PlekQuery) => q.q !== undefined && queryWordsOf(q.q).length > 0
