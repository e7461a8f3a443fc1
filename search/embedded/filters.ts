import { niveaus, vaardigheden } from '../../server/domain/enums.js'
import { UREN_PER_DAGDEEL } from '../../server/domain/plek.js'
import type { PlekQuery } from '../port.js'
import { begeleidingBit, cellCol, cellKey, cellRow, dagdeelBit, NOWHERE, sectorCode, vergoedingCode, vormCode, type Columns, type SlotLists } from './columns.js'
import { boundingBox } from './geo.js'

/**
 * The filters of a query as one cheap check per slot, with the values turned into codes and masks
 * once: every filter, and the bounding box of the radius (the exact distance is the caller's).
 */
export function filterOf(
  c: Columns,
  query: Pick<PlekQuery, 'filters' | 'geo'>,
): { passes: (slot: number) => boolean; hasFilters: boolean; box?: { latLo: number; latHi: number; lonLo: number; lonHi: number } } {
  const f = query.filters
  // a set of codes as a lookup table (a typed-array read is cheaper than Set.has in a loop over every slot)
  const table = (codes: (number | undefined)[], size: number) => {
    const t = new Uint8Array(size)
    for (const code of codes) if (code !== undefined && code >= 0 && code < size) t[code] = 1
    return t
  }
  const sectorSet = f.sector?.length ? table(f.sector.map((s) => sectorCode.get(s)), 256) : undefined
  const vormSet = f.vorm?.length ? table(f.vorm.map((s) => vormCode.get(s)), 256) : undefined
  const plaatsSet = f.plaats?.length ? table(f.plaats.map((p) => c.plaatsCodeOf(p)), 65_536) : undefined
  const vergoedingSet = f.vergoeding?.length ? table(f.vergoeding.map((v) => vergoedingCode.get(v)), 256) : undefined
  const begeleidingMask = (f.begeleiding ?? []).reduce((m, b) => m | (1 << begeleidingBit.get(b)!), 0)
  const maskOf = (l: string[]) => l.reduce((m, d) => (m | (1 << (dagdeelBit.get(d as never) ?? 31))) >>> 0, 0)
  const dagdeelMask = maskOf(f.dagdelen ?? [])
  const werkbaarMask = f.werkbaarOp ? maskOf(f.werkbaarOp) : undefined
  const maxNiveau = vaardigheden.map((v) => (f.maxNiveau?.[v] ? niveaus.indexOf(f.maxNiveau[v]!) : 99))
  const checkNiveau = maxNiveau.some((n) => n < 99)
  const perSlot = vaardigheden.length
  const geo = query.geo
  const box = boundingBox(geo)
  // the box as four bounds on the plain columns: the first check, since it rejects the most
  const [latLo, latHi, lonLo, lonHi] = geo && box ? [geo.lat - box.dLat, geo.lat + box.dLat, geo.lon - box.dLon, geo.lon + box.dLon] : [0, 0, 0, 0]
  const { alive, lat, lon } = c

  const hasFilters = !!(geo || sectorSet || vormSet || plaatsSet || vergoedingSet || begeleidingMask || dagdeelMask || checkNiveau) ||
    werkbaarMask !== undefined || f.urenMin !== undefined || f.urenMax !== undefined || f.minTaalrijkheid !== undefined || f.binnenSchooltijden !== undefined

  const passes = (slot: number): boolean => {
    if (!alive[slot]) return false
    if (box) {
      const la = lat[slot]!
      const lo = lon[slot]!
      if (la < latLo || la > latHi || lo < lonLo || lo > lonHi) return false
    }
    if (sectorSet && !sectorSet[c.sector[slot]!]) return false
    if (vormSet && !vormSet[c.vorm[slot]!]) return false
    if (plaatsSet && !plaatsSet[c.plaats[slot]!]) return false
    if (vergoedingSet && !vergoedingSet[c.vergoeding[slot]!]) return false
    if (begeleidingMask && (c.begeleiding[slot]! & begeleidingMask) !== begeleidingMask) return false
    if (dagdeelMask && (c.dagdelen[slot]! & dagdeelMask) === 0) return false
    if (werkbaarMask !== undefined) {
      // as the matcher's dagdelen knock-out (criteria.ts): enough workable dagdelen for the minimum hours
      const eigen = c.dagdelen[slot]!
      if (bits(eigen & werkbaarMask) < Math.min(Math.ceil(c.urenMin[slot]! / UREN_PER_DAGDEEL), bits(eigen))) return false
    }
    if (f.urenMax !== undefined && c.urenMin[slot]! > f.urenMax) return false
    if (f.urenMin !== undefined && c.urenMax[slot]! < f.urenMin) return false
    if (f.minTaalrijkheid !== undefined && c.score[slot]! < f.minTaalrijkheid - 1e-6) return false
    if (f.binnenSchooltijden !== undefined && c.school[slot] !== (f.binnenSchooltijden ? 1 : 0)) return false
    if (checkNiveau) {
      const base = slot * perSlot
      for (let i = 0; i < perSlot; i++) if (c.niveau[base + i]! > maxNiveau[i]!) return false
    }
    return true
  }
  return { passes, hasFilters, ...(box ? { box: { latLo, latHi, lonLo, lonHi } } : {}) }
}

/** The number of bits set in a 32-bit mask. */
function bits(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

type Box = NonNullable<ReturnType<typeof filterOf>['box']>

/** Beyond this many cells a box reads the whole index instead (a radius of some 300 km). */
const MAX_CELLS = 4096

/**
 * A superset of the slots a query's filters let through, read from the smallest of the lists its
 * filters name (the slots of its sectors, vormen or plaatsen, of one required begeleiding, or of
 * the geo cells under its box): still to be checked with `passes` (and the exact distance). Undefined
 * when no list is smaller than half the index: then a plain scan over every slot is cheaper.
 */
export function sourceOf(c: Columns, query: Pick<PlekQuery, 'filters'>, box: Box | undefined): (readonly number[])[] | undefined {
  const f = query.filters
  const options: (readonly number[])[][] = []
  const union = (lists: SlotLists, codes: (number | undefined)[]) => {
    const found: (readonly number[])[] = []
    for (const code of new Set(codes)) {
      const list = code === undefined ? undefined : lists.get(code)
      if (list) found.push(list)
    }
    return found
  }
  // any of the values (a slot holds one), so their lists together hold every slot that passes
  if (f.sector?.length) options.push(union(c.bySector, f.sector.map((s) => sectorCode.get(s))))
  if (f.vorm?.length) options.push(union(c.byVorm, f.vorm.map((v) => vormCode.get(v))))
  if (f.plaats?.length) options.push(union(c.byPlaats, f.plaats.map((p) => c.plaatsCodeOf(p))))
  // all of the begeleidingen: the slots of any one of them hold every slot that passes
  for (const b of new Set(f.begeleiding ?? [])) options.push(union(c.byBegeleiding, [begeleidingBit.get(b)]))
  if (box) {
    const [r0, r1, c0, c1] = [cellRow(box.latLo), cellRow(box.latHi), cellCol(box.lonLo), cellCol(box.lonHi)]
    if ((r1 - r0 + 1) * (c1 - c0 + 1) <= MAX_CELLS) {
      const cells: number[] = [NOWHERE]
      for (let r = r0; r <= r1; r++) for (let col = c0; col <= c1; col++) cells.push(cellKey(r, col))
      options.push(union(c.byCell, cells))
    }
  }
  const sizeOf = (lists: (readonly number[])[]) => lists.reduce((n, l) => n + l.length, 0)
  let best: (readonly number[])[] | undefined
  let bestSize = c.count / 2
  for (const lists of options) {
    const size = sizeOf(lists)
    if (size < bestSize) [best, bestSize] = [lists, size]
  }
  return best
}
