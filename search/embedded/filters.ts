import { niveaus, vaardigheden } from '../../server/domain/enums.js'
import type { PlekQuery } from '../port.js'
import { begeleidingBit, dagdeelBit, sectorCode, vergoedingCode, vormCode, type Columns } from './columns.js'
import { boundingBox, outsideBox } from './geo.js'

/**
 * The filters of a query as one cheap check per slot, with the values turned into codes and masks
 * once: every filter, and the bounding box of the radius (the exact distance is the caller's).
 */
export function filterOf(c: Columns, query: Pick<PlekQuery, 'filters' | 'geo'>): { passes: (slot: number) => boolean; hasFilters: boolean } {
  const f = query.filters
  const sectorSet = f.sector?.length ? new Set(f.sector.map((s) => sectorCode.get(s))) : undefined
  const vormSet = f.vorm?.length ? new Set(f.vorm.map((s) => vormCode.get(s))) : undefined
  const plaatsSet = f.plaats?.length ? new Set(f.plaats.map((p) => c.plaatsCodeOf(p))) : undefined
  const vergoedingSet = f.vergoeding?.length ? new Set(f.vergoeding.map((v) => vergoedingCode.get(v))) : undefined
  const begeleidingMask = (f.begeleiding ?? []).reduce((m, b) => m | (1 << begeleidingBit.get(b)!), 0)
  const dagdeelMask = (f.dagdelen ?? []).reduce((m, d) => (m | (1 << (dagdeelBit.get(d as never) ?? 31))) >>> 0, 0)
  const maxNiveau = vaardigheden.map((v) => (f.maxNiveau?.[v] ? niveaus.indexOf(f.maxNiveau[v]!) : 99))
  const checkNiveau = maxNiveau.some((n) => n < 99)
  const perSlot = vaardigheden.length
  const geo = query.geo
  const box = boundingBox(geo)

  const hasFilters = !!(geo || sectorSet || vormSet || plaatsSet || vergoedingSet || begeleidingMask || dagdeelMask || checkNiveau) ||
    f.urenMin !== undefined || f.urenMax !== undefined || f.minTaalrijkheid !== undefined || f.binnenSchooltijden !== undefined

  const passes = (slot: number): boolean => {
    if (!c.alive[slot]) return false
    if (sectorSet && !sectorSet.has(c.sector[slot])) return false
    if (vormSet && !vormSet.has(c.vorm[slot])) return false
    if (plaatsSet && !plaatsSet.has(c.plaats[slot]!)) return false
    if (vergoedingSet && !vergoedingSet.has(c.vergoeding[slot])) return false
    if (begeleidingMask && (c.begeleiding[slot]! & begeleidingMask) !== begeleidingMask) return false
    if (dagdeelMask && (c.dagdelen[slot]! & dagdeelMask) === 0) return false
    if (f.urenMax !== undefined && c.urenMin[slot]! > f.urenMax) return false
    if (f.urenMin !== undefined && c.urenMax[slot]! < f.urenMin) return false
    if (f.minTaalrijkheid !== undefined && c.score[slot]! < f.minTaalrijkheid - 1e-6) return false
    if (f.binnenSchooltijden !== undefined && c.school[slot] !== (f.binnenSchooltijden ? 1 : 0)) return false
    if (checkNiveau) {
      const base = slot * perSlot
      for (let i = 0; i < perSlot; i++) if (c.niveau[base + i]! > maxNiveau[i]!) return false
    }
    if (geo && box && outsideBox(c, slot, geo, box)) return false
    return true
  }
  return { passes, hasFilters }
}
