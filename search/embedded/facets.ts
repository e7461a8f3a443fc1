import { begeleidingSoorten, sectoren, vormen } from '../../server/domain/enums.js'
import { taalrijkheidBuckets, type FacetNaam, type SearchResult } from '../port.js'
import type { Columns } from './columns.js'

/** Counts per value of every facet over these slots (values without documents left out). */
export function countFacets(c: Columns, slots: number[]): SearchResult['facets'] {
  const sector = new Uint32Array(sectoren.length)
  const vorm = new Uint32Array(vormen.length)
  const begeleiding = new Uint32Array(begeleidingSoorten.length)
  const plaats = new Uint32Array(c.plaatsen.length)
  const bucket = new Uint32Array(taalrijkheidBuckets.length)
  for (const slot of slots) {
    sector[c.sector[slot]!]!++
    vorm[c.vorm[slot]!]!++
    plaats[c.plaats[slot]!]!++
    bucket[c.bucket[slot]!]!++
    const b = c.begeleiding[slot]!
    if (b) for (let i = 0; i < begeleidingSoorten.length; i++) if (b & (1 << i)) begeleiding[i]!++
  }
  const named = (names: readonly string[], counts: Uint32Array) => {
    const out: Record<string, number> = {}
    names.forEach((n, i) => {
      if (counts[i]) out[n] = counts[i]!
    })
    return out
  }
  return {
    sector: named(sectoren, sector),
    vorm: named(vormen, vorm),
    begeleiding: named(begeleidingSoorten, begeleiding),
    plaats: named(c.plaatsen, plaats),
    taalrijkheid: named(taalrijkheidBuckets, bucket),
  } satisfies Record<FacetNaam, Record<string, number>>
}
