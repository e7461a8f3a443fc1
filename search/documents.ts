import { plek } from '../db/schema.js'
import type { Db } from '../db/client.js'
import { plekkenMetOrganisatie, publishedPlekPages } from '../db/plekken.js'
import { niveaus, type Begeleiding, type Sector, type Vorm } from '../server/domain/enums.js'
import { isSearchable } from '../server/domain/zoeken.js'
import { bucketOf, type PlekDocument } from './port.js'

type PlekRow = typeof plek.$inferSelect

const rank = (n: string) => niveaus.indexOf(n as never)

export function toDocument(p: PlekRow, organisatieNaam: string): PlekDocument {
  return {
    id: p.id,
    versie: p.versie,
    titel: p.titel,
    omschrijving: p.omschrijving,
    beroep: p.beroep ?? '',
    organisatieNaam,
    plaats: p.plaats,
    sector: p.sector as Sector,
    vorm: p.vorm as Vorm,
    begeleiding: p.begeleiding as Begeleiding[],
    dagdelen: p.dagdelen,
    urenMin: p.urenMin,
    urenMax: p.urenMax,
    niveau: {
      spreken: rank(p.taalniveau.spreken),
      luisteren: rank(p.taalniveau.luisteren),
      lezen: rank(p.taalniveau.lezen),
      schrijven: rank(p.taalniveau.schrijven),
    },
    taalrijkheidsscore: p.taalrijkheidsscore,
    taalrijkheid: bucketOf(p.taalrijkheidsscore),
    binnenSchooltijden: p.binnenSchooltijden,
    vergoeding: p.vergoeding.soort as PlekDocument['vergoeding'],
    lat: p.lat,
    lon: p.lon,
    gepubliceerdOp: p.publishedAt ? Date.parse(p.publishedAt) : Date.parse(p.createdAt),
  }
}

/** The current state of these plekken: documents to upsert, and ids to remove from the index. */
export async function loadIndexState(db: Db, ids: string[]): Promise<{ upsert: PlekDocument[]; remove: string[] }> {
  const rows = ids.length ? await plekkenMetOrganisatie(db).all({ ids: JSON.stringify(ids) }) : []
  const upsert = rows.filter((r) => isSearchable(r.p)).map((r) => toDocument(r.p, r.naam))
  const keep = new Set(upsert.map((d) => d.id))
  return { upsert, remove: ids.filter((id) => !keep.has(id)) }
}

/** Every searchable plek as documents, in pages, for a rebuild of the index. */
export async function* allSearchable(db: Db, pageSize = 2000): AsyncGenerator<PlekDocument[]> {
  for await (const rows of publishedPlekPages(db, pageSize)) yield rows.filter((r) => isSearchable(r.p)).map((r) => toDocument(r.p, r.naam))
}
