import { begeleidingSoorten, dagdelen, sectoren, vaardigheden, vergoedingSoorten, vormen } from '../../server/domain/enums.js'
import { bucketOf, taalrijkheidBuckets, type PlekDocument } from '../port.js'

// The embedded adapter's compact copy of every document's filterable and sortable fields: one
// typed array per field, one slot per document (removed slots are reused). Lists are bitmasks,
// enums small codes, plaats a code into a dictionary of place names.
//
// Beside the columns, the slots per value of the fields a filter narrows most (sector, vorm,
// plaats, each begeleiding, and a coarse geo grid), kept up to date on every write: a filter or a
// radius then reads only its values' slots instead of checking every slot (filters.ts, sourceOf),
// and the unfiltered facet counts are the lists' lengths (facets.ts, allFacets).

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

/** The slots per value of one field (a value's code → its slots, in no particular order). */
export class SlotLists {
  private lists = new Map<number, number[]>()

  get(code: number): readonly number[] | undefined {
    return this.lists.get(code)
  }

  /** The number of slots with this value. */
  count(code: number): number {
    return this.lists.get(code)?.length ?? 0
  }

  add(code: number, slot: number): void {
    const list = this.lists.get(code)
    if (list) list.push(slot)
    else this.lists.set(code, [slot])
  }

  delete(code: number, slot: number): void {
    const list = this.lists.get(code)!
    const i = list.lastIndexOf(slot)
    list[i] = list[list.length - 1]!
    list.pop()
  }
}

// The geo grid: cells of 0.05° latitude (5.6 km) by 0.08° longitude (5.5 km at 52° N), so a radius
// of 15 km reads some 40 cells of the Netherlands' ~3,000. A point without finite coordinates
// (never stored by the services, but then the box check lets it through) sits in cell NOWHERE,
// which every radius reads too.
export const CELL_LAT = 0.05
export const CELL_LON = 0.08
export const NOWHERE = -1
export const cellRow = (lat: number) => Math.floor(lat / CELL_LAT)
export const cellCol = (lon: number) => Math.floor(lon / CELL_LON)
/** The cell of a row and column (rows −1800…1800, columns −2250…2250). */
export const cellKey = (row: number, col: number) => (row + 2048) * 8192 + (col + 4096)
const cellOf = (lat: number, lon: number) => (Number.isFinite(lat) && Number.isFinite(lon) ? cellKey(cellRow(lat), cellCol(lon)) : NOWHERE)

/** Growable typed columns, one slot per document. The arrays are declared by ColumnArrays and made in allocate(). */
export interface Columns extends ColumnArrays {}
export class Columns {
  /** Slots in use or freed (the next new slot is `size`). */
  size = 0
  capacity: number
  /** Documents held (alive slots). */
  count = 0
  /** The document id per slot (the last tie-break of every order). */
  readonly id: string[] = []
  /** Place names by code (the `plaats` column holds codes). */
  readonly plaatsen: string[] = []
  private plaatsCode = new Map<string, number>()
  readonly bySector = new SlotLists()
  readonly byVorm = new SlotLists()
  readonly byPlaats = new SlotLists()
  /** per begeleiding bit: the slots that offer it */
  readonly byBegeleiding = new SlotLists()
  /** per geo cell (cellKey) */
  readonly byCell = new SlotLists()
  /** documents per taalrijkheid bucket (a facet only: no filter names a bucket) */
  readonly bucketCount = new Uint32Array(taalrijkheidBuckets.length)

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
    const old = this.alive[slot] ? this.listed(slot) : undefined
    this.alive[slot] = 1
    this.id[slot] = d.id
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
    this.relist(slot, old, this.listed(slot))
  }

  /** Takes a document out of its slot (the slot may be written again later). */
  remove(slot: number): void {
    if (!this.alive[slot]) return
    this.relist(slot, this.listed(slot), undefined)
    this.alive[slot] = 0
  }

  /** The values of a slot that its lists and counts are keyed by. */
  private listed(slot: number) {
    return { sector: this.sector[slot]!, vorm: this.vorm[slot]!, plaats: this.plaats[slot]!, begeleiding: this.begeleiding[slot]!, cell: cellOf(this.lat[slot]!, this.lon[slot]!), bucket: this.bucket[slot]! }
  }

  /** Moves a slot between the lists of its old and new values (only those that changed). */
  private relist(slot: number, old: ReturnType<Columns['listed']> | undefined, now: ReturnType<Columns['listed']> | undefined): void {
    move(this.bySector, slot, old?.sector, now?.sector)
    move(this.byVorm, slot, old?.vorm, now?.vorm)
    move(this.byPlaats, slot, old?.plaats, now?.plaats)
    move(this.byCell, slot, old?.cell, now?.cell)
    for (let bit = 0; bit < begeleidingSoorten.length; bit++) {
      const had = old !== undefined && (old.begeleiding & (1 << bit)) !== 0
      const has = now !== undefined && (now.begeleiding & (1 << bit)) !== 0
      move(this.byBegeleiding, slot, had ? bit : undefined, has ? bit : undefined)
    }
    if (old) this.bucketCount[old.bucket]!--
    if (now) this.bucketCount[now.bucket]!++
    this.count += (now ? 1 : 0) - (old ? 1 : 0)
  }
}

/** A slot from the list of one value to that of another (either may be none). */
function move(lists: SlotLists, slot: number, from: number | undefined, to: number | undefined): void {
  if (from === to) return
  if (from !== undefined) lists.delete(from, slot)
  if (to !== undefined) lists.add(to, slot)
}
