import { begeleidingSoorten, sectoren, vormen } from '../../server/domain/enums.js'
import { MAX_PLAATSEN, taalrijkheidBuckets, type FacetNaam, type SearchResult } from '../port.js'
import type { Columns, SlotLists } from './columns.js'

const named = (names: readonly string[], count: (i: number) => number) => {
  const out: Record<string, number> = {}
  names.forEach((n, i) => {
    const k = count(i)
    if (k) out[n] = k
  })
  return out
}

/**
 * The plaats facet: the MAX_PLAATSEN plaatsen with the most documents, ties by name (the port's
 * rule). Picked on the counts by code, before any name becomes an object key: building the object
 * of all ~2,500 plaatsen of a national search cost more than the search.
 */
const topPlaatsen = (names: readonly string[], count: (i: number) => number) => {
  let codes: number[] = []
  for (let i = 0; i < names.length; i++) if (count(i)) codes.push(i)
  if (codes.length > MAX_PLAATSEN) {
    // the count at which the top ends, from the counts alone (a typed sort of numbers), then the
    // ties at that count by name
    const grens = Uint32Array.from(codes, count).sort()[codes.length - MAX_PLAATSEN]!
    const opNaam = (a: number, b: number) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0)
    const boven = codes.filter((i) => count(i) > grens)
    const opGrens = codes.filter((i) => count(i) === grens).sort(opNaam).slice(0, MAX_PLAATSEN - boven.length)
    codes = [...boven, ...opGrens].sort((a, b) => count(b) - count(a) || opNaam(a, b))
  }
  const out: Record<string, number> = {}
  for (const i of codes) out[names[i]!] = count(i)
  return out
}

/** Counts per value of every facet over these slots (values without documents left out). */
export function countFacets(c: Columns, slots: number[]): SearchResult['facets'] {
  const sector = new Uint32Array(sectoren.length)
  const vorm = new Uint32Array(vormen.length)
  const plaats = new Uint32Array(c.plaatsen.length)
  const bucket = new Uint32Array(taalrijkheidBuckets.length)
  // begeleiding is a set of bits per slot: counted per combination (16), split into soorten after
  const soorten = begeleidingSoorten.length
  const perCombinatie = new Uint32Array(1 << soorten)
  // the columns as locals: a property read per slot and column costs more than the count itself
  const [sectorOf, vormOf, plaatsOf, bucketOf, begeleidingOf] = [c.sector, c.vorm, c.plaats, c.bucket, c.begeleiding]
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!
    sector[sectorOf[slot]!]!++
    vorm[vormOf[slot]!]!++
    plaats[plaatsOf[slot]!]!++
    bucket[bucketOf[slot]!]!++
    perCombinatie[begeleidingOf[slot]!]!++
  }
  const begeleiding = new Uint32Array(soorten)
  for (let b = 1; b < perCombinatie.length; b++) for (let j = 0; j < soorten; j++) if (b & (1 << j)) begeleiding[j]! += perCombinatie[b]!
  const of = (counts: Uint32Array) => (i: number) => counts[i]!
  return {
    sector: named(sectoren, of(sector)),
    vorm: named(vormen, of(vorm)),
    begeleiding: named(begeleidingSoorten, of(begeleiding)),
    plaats: topPlaatsen(c.plaatsen, of(plaats)),
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
    plaats: topPlaatsen(c.plaatsen, of(c.byPlaats)),
    taalrijkheid: named(taalrijkheidBuckets, (i) => c.bucketCount[i]!),
  } satisfies Record<FacetNaam, Record<string, number>>
}
