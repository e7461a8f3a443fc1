import { begeleidingSoorten, dagdelen, sectoren, vaardigheden, vergoedingSoorten, vormen } from '../../server/domain/enums.js'
import { bucketOf, taalrijkheidBuckets, type PlekDocument } from '../port.js'

// The embedded adapter's compact copy of every document's filterable and sortable fields: one
// typed array per field, one slot per document (removed slots are reused). Lists are bitmasks,
// enums small codes, plaats a code into a dictionary of place names.

const codes = <T extends string>(list: readonly T[]) => new Map(list.map((v, i) => [v, i]))
export const sectorCode = codes(sectoren)
export const vormCode = codes(vormen)
export const begeleidingBit = codes(begeleidingSoorten)
export const dagdeelBit = codes(dagdelen)
export const vergoedingCode = codes(vergoedingSoorten)
export const bucketCode = codes(taalrijkheidBuckets)

const columnTypes = {
  alive: Uint8Array,
  lat: Float64Array,
  lon: Float64Array,
  /** taalrijkheidsscore */
  score: Float32Array,
  urenMin: Uint8Array,
  urenMax: Uint8Array,
  /** gepubliceerdOp, epoch ms */
  published: Float64Array,
  sector: Uint8Array,
  vorm: Uint8Array,
  plaats: Uint16Array,
  begeleiding: Uint8Array,
  dagdelen: Uint32Array,
  /** the required level per vaardigheid, 4 per slot */
  niveau: Uint8Array,
  school: Uint8Array,
  vergoeding: Uint8Array,
  bucket: Uint8Array,
} as const
type ColumnName = keyof typeof columnTypes
const columnNames = Object.keys(columnTypes) as ColumnName[]
const perSlot: Partial<Record<ColumnName, number>> = { niveau: vaardigheden.length }
type ColumnArrays = { [K in ColumnName]: InstanceType<(typeof columnTypes)[K]> }

/** Growable typed columns, one slot per document. The arrays are declared by ColumnArrays and made in allocate(). */
export interface Columns extends ColumnArrays {}
export class Columns {
  /** Slots in use or freed (the next new slot is `size`). */
  size = 0
  capacity: number
  /** Place names by code (the `plaats` column holds codes). */
  readonly plaatsen: string[] = []
  private plaatsCode = new Map<string, number>()

  constructor(capacity = 1024) {
    this.capacity = capacity
    this.allocate(capacity)
  }

  private allocate(capacity: number) {
    const arrays = this as Partial<ColumnArrays>
    for (const name of columnNames) {
      const next = new columnTypes[name](capacity * (perSlot[name] ?? 1))
      const old = arrays[name]
      if (old) next.set(old)
      arrays[name] = next as never
    }
  }

  /** The code of a place name; -1 when no document has it. */
  plaatsCodeOf(plaats: string): number {
    return this.plaatsCode.get(plaats) ?? -1
  }

  /** Writes a document's fields into its slot (growing the columns when needed). */
  write(slot: number, d: PlekDocument): void {
    if (slot >= this.capacity) {
      while (this.capacity <= slot) this.capacity *= 2
      this.allocate(this.capacity)
    }
    this.alive[slot] = 1
    this.lat[slot] = d.lat
    this.lon[slot] = d.lon
    this.score[slot] = d.taalrijkheidsscore
    this.urenMin[slot] = d.urenMin
    this.urenMax[slot] = d.urenMax
    this.published[slot] = d.gepubliceerdOp
    this.sector[slot] = sectorCode.get(d.sector) ?? 0
    this.vorm[slot] = vormCode.get(d.vorm) ?? 0
    let plaats = this.plaatsCode.get(d.plaats)
    if (plaats === undefined) {
      plaats = this.plaatsen.push(d.plaats) - 1
      this.plaatsCode.set(d.plaats, plaats)
    }
    this.plaats[slot] = plaats
    this.begeleiding[slot] = d.begeleiding.reduce((m, b) => m | (1 << (begeleidingBit.get(b) ?? 0)), 0)
    this.dagdelen[slot] = d.dagdelen.reduce((m, x) => (m | (1 << (dagdeelBit.get(x as never) ?? 0))) >>> 0, 0)
    vaardigheden.forEach((v, i) => (this.niveau[slot * vaardigheden.length + i] = d.niveau[v]))
    this.school[slot] = d.binnenSchooltijden ? 1 : 0
    this.vergoeding[slot] = vergoedingCode.get(d.vergoeding) ?? 0
    this.bucket[slot] = bucketCode.get(bucketOf(d.taalrijkheidsscore)) ?? 0
  }
}
