import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// Postcode → coordinates through the PC4 centroid table (GeoNames, CC BY 4.0).
// This is the one place to swap in exact addresses (e.g. PDOK Locatieserver) later.

export interface Locatie {
  pc4: string
  plaats: string
  lat: number
  lon: number
}

let table: Map<string, Locatie> | undefined

function load(): Map<string, Locatie> {
  const file = fileURLToPath(new URL('../../db/data/pc4-nl.csv', import.meta.url))
  const map = new Map<string, Locatie>()
  const lines = readFileSync(file, 'utf8').split('\n').slice(1)
  for (const line of lines) {
    const [pc4, plaats, lat, lon] = line.trim().split(',')
    if (!pc4 || !plaats) continue
    map.set(pc4, { pc4, plaats, lat: Number(lat), lon: Number(lon) })
  }
  return map
}

/** Looks up a postcode ("3311 AB" or "3311"); undefined when the PC4 area is unknown. */
export function lookupPostcode(postcode: string): Locatie | undefined {
  table ??= load()
  return table.get(postcode.trim().slice(0, 4))
}

/** Great-circle distance in km (haversine). */
export function afstandKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}
