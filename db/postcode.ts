import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// Postcode → coordinates through the PC4 centroid table in db/data/pc4-nl.csv (GeoNames, CC BY
// 4.0), read once and kept in memory. This is the one place to swap in exact addresses (e.g. PDOK
// Locatieserver) later. It reads a file, so it lives beside the data, not in the pure
// server/domain: the services (through server/services/locatie.ts), the search tests and the
// benchmarks all use this one lookup. The distance between two points is pure:
// server/domain/geo.ts.

export interface Locatie {
  pc4: string
  plaats: string
  lat: number
  lon: number
}

let table: Map<string, Locatie> | undefined

function loadTable(): Map<string, Locatie> {
  const file = fileURLToPath(new URL('./data/pc4-nl.csv', import.meta.url))
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
  table ??= loadTable()
  return table.get(postcode.trim().slice(0, 4))
}
