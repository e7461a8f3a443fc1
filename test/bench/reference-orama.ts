import { create, insertMultiple, search, type Orama } from '@orama/orama'
import { afstandKm } from '../../server/domain/geo.js'
import { begeleidingSoorten, dagdelen, sectoren, vaardigheden, vormen, niveaus } from '../../server/domain/enums.js'
import type { PlekDocument, PlekQuery } from '../../search/port.js'

// Reference (a) of the search benchmark: the same corpus in a plain Orama index used the obvious
// way: default tokenizer settings, `where` for every filter, Orama's own facets computed per query,
// geo radius through a geopoint with a comparator sort on distance. It answers the same questions
// as our adapter, so the ratio of the two is what our design buys.

const schema = {
  id: 'string', titel: 'string', beroep: 'string', omschrijving: 'string', organisatieNaam: 'string',
  plaats: 'enum', sector: 'enum', vorm: 'enum', begeleiding: 'enum[]', dagdelen: 'enum[]',
  urenMin: 'number', urenMax: 'number', spreken: 'number', luisteren: 'number', lezen: 'number', schrijven: 'number',
  taalrijkheidsscore: 'number', taalrijkheid: 'enum', binnenSchooltijden: 'boolean', vergoeding: 'enum',
  location: 'geopoint', gepubliceerdOp: 'number',
} as const
void begeleidingSoorten; void dagdelen; void sectoren; void vormen

export class ReferenceOrama {
  private db: Orama<typeof schema> = create({ schema }) as Orama<typeof schema>

  async upsert(docs: PlekDocument[]) {
    await insertMultiple(
      this.db,
      docs.map((d) => ({
        id: d.id, titel: d.titel, beroep: d.beroep, omschrijving: d.omschrijving, organisatieNaam: d.organisatieNaam,
        plaats: d.plaats, sector: d.sector, vorm: d.vorm, begeleiding: d.begeleiding, dagdelen: d.dagdelen,
        urenMin: d.urenMin, urenMax: d.urenMax, ...d.niveau, taalrijkheidsscore: d.taalrijkheidsscore, taalrijkheid: d.taalrijkheid,
        binnenSchooltijden: d.binnenSchooltijden, vergoeding: d.vergoeding, location: { lat: d.lat, lon: d.lon }, gepubliceerdOp: d.gepubliceerdOp,
      })),
      1000,
    )
  }

  async search(q: PlekQuery) {
    const f = q.filters
    const where: Record<string, unknown> = {}
    if (f.sector?.length) where.sector = { in: f.sector }
    if (f.vorm?.length) where.vorm = { in: f.vorm }
    if (f.plaats?.length) where.plaats = { in: f.plaats }
    if (f.vergoeding?.length) where.vergoeding = { in: f.vergoeding }
    if (f.begeleiding?.length) where.begeleiding = { containsAll: f.begeleiding }
    if (f.dagdelen?.length) where.dagdelen = { containsAny: f.dagdelen }
    if (f.urenMax !== undefined) where.urenMin = { lte: f.urenMax }
    if (f.urenMin !== undefined) where.urenMax = { gte: f.urenMin }
    for (const v of vaardigheden) if (f.maxNiveau?.[v]) where[v] = { lte: niveaus.indexOf(f.maxNiveau[v]!) }
    if (f.minTaalrijkheid !== undefined) where.taalrijkheidsscore = { gte: f.minTaalrijkheid }
    if (f.binnenSchooltijden !== undefined) where.binnenSchooltijden = f.binnenSchooltijden
    if (q.geo?.straalKm !== undefined)
      where.location = { radius: { coordinates: { lat: q.geo.lat, lon: q.geo.lon }, unit: 'km', value: q.geo.straalKm, inside: true } }
    const geo = q.geo
    const sortBy =
      q.sort === 'afstand' && geo
        ? (a: [string, number, any], b: [string, number, any]) => afstandKm(geo, a[2].location) - afstandKm(geo, b[2].location)
        : q.sort === 'taalrijkheid'
          ? { property: 'taalrijkheidsscore', order: 'DESC' as const }
          : q.sort === 'nieuwste' || !q.q
            ? { property: 'gepubliceerdOp', order: 'DESC' as const }
            : undefined
    return search(this.db, {
      term: q.q ?? '',
      tolerance: q.q ? 1 : 0,
      where: where as never,
      facets: { sector: {}, vorm: {}, begeleiding: {}, plaats: {}, taalrijkheid: {} } as never,
      sortBy: sortBy as never,
      limit: q.perPage,
      offset: (q.page - 1) * q.perPage,
    })
  }
}
