import { afstandKm } from '../../server/domain/geo.js'
import type { PlekQuery } from '../port.js'
import type { Columns } from './columns.js'

// Geo for the embedded adapter: a radius is first checked as its bounding box on the plain lat/lon
// columns (cheap comparisons reject most documents), then as the exact distance.

type Point = NonNullable<PlekQuery['geo']>

/** Half the height and width of the box around the radius, in degrees (none without a radius). */
export function boundingBox(geo: Point | undefined): { dLat: number; dLon: number } | undefined {
  const radius = geo?.straalKm
  if (!geo || radius === undefined) return undefined
  return { dLat: radius / 110.574, dLon: radius / (111.32 * Math.cos((geo.lat * Math.PI) / 180)) }
}

/** Whether a slot lies outside the box around the point. */
export const outsideBox = (c: Columns, slot: number, geo: Point, box: { dLat: number; dLon: number }): boolean =>
  Math.abs(c.lat[slot]! - geo.lat) > box.dLat || Math.abs(c.lon[slot]! - geo.lon) > box.dLon

/** The exact distance from the point to a slot's plek, in km. */
export const distanceTo = (c: Columns, slot: number, geo: Point): number => afstandKm(geo, { lat: c.lat[slot]!, lon: c.lon[slot]! })
