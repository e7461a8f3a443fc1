import { begeleidingSoorten, sectoren, vormen } from '../../server/domain/enums.js'
import { taalrijkheidBuckets, type FacetNaam, type SearchResult } from '../port.js'
import type { Columns, SlotLists } from './columns.js'

const named = (names: readonly string[], count: (i: number) => number) => {
  const out: Record<string, number> = {}
  names.forEach((n, i) => {
    const k = count(i)
    if (k) out[n] = k
  })
  return out
}

/** Counts per value of every facet over these slots (values without documents left out). */
export function countFacets(c: Columns, slots: number[]): SearchResult['facets'] {
  const sector = new Uint32Array(sectoren.length)
  const vorm = new Uint32Array(vormen.length)
  const begeleiding = new Uint32Array(begeleidingSoorten.length)
  const plaats = new Uint32Array(c.plaatsen.length)
  const bucket = new Uint32Array(taalrijkheidBuckets.length)
  // the columns as locals: a property read per slot and column costs more than the count itself
  const [sectorOf, vormOf, plaatsOf, bucketOf, begeleidingOf] = [c.sector, c.vorm, c.plaats, c.bucket, c.begeleiding]
  const soorten = begeleidingSoorten.length
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!
    sector[sectorOf[slot]!]!++
    vorm[vormOf[slot]!]!++
    plaats[plaatsOf[slot]!]!++
    bucket[bucketOf[slot]!]!++
    const b = begeleidingOf[slot]!
    if (b) for (let j = 0; j < soorten; j++) if (b & (1 << j)) begeleiding[j]!++
  }
  const of = (counts: Uint32Array) => (i: number) => counts[i]!
  return {
    sector: named(sectoren, of(sector)),
    vorm: named(vormen, of(vorm)),
    begeleiding: named(begeleidingSoorten, of(begeleiding)),
    plaats: named(c.plaatsen, of(plaats)),
    taalrijkheid: named(taalrijkheidBuckets, of(bucket)),
  } satisfies Record<FacetNaam, Record<string, number>>
}

/** The same counts over every document, read from the lists the columns keep per value (no scan). */
export function allFacets(c: Columns): SearchResult['facets'] {
  const of = (lists: SlotLists) => (i: number) => lists.count(i)
  return {
    sector: named(sectoren, of(c.bySector)),
    vorm: named(vormen, of(c.byVorm)),
    begeleiding: named(begeleidingSoorten, of(c.byBegeleiding)),
    plaats: named(c.plaatsen, of(c.byPlaats)),
    taalrijkheid: named(taalrijkheidBuckets, (i) => c.bucketCount[i]!),
  } satisfies Record<FacetNaam, Record<string, number>>
}
