import type { Ctx } from '../context.js'
import { requireRole } from './access.js'
import { zoekenNietBeschikbaar } from '../domain/errors.js'
import { locatieOf } from './locatie.js'
import type { ZoekQuery } from '../domain/zoeken.js'
import { isSearchUnavailable, MAX_PLAATSEN, suggestFilters, type PlekQuery } from '../../search/port.js'

/** GET /api/zoeken for jobhunters and beheerders: the neutral query on the active search adapter. */
export async function searchPlekken({ ctx, input }: { ctx: Ctx; input: ZoekQuery }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder')
  let geo: PlekQuery['geo']
  if (input.postcode) {
    const locatie = locatieOf(input.postcode)
    geo = { lat: locatie.lat, lon: locatie.lon, straalKm: input.straalKm }
  } else if (input.lat !== undefined && input.lon !== undefined) {
    geo = { lat: input.lat, lon: input.lon, straalKm: input.straalKm }
  }
  const query: PlekQuery = {
    q: input.q || undefined,
    filters: {
      sector: input.sector,
      vorm: input.vorm,
      begeleiding: input.begeleiding,
      dagdelen: input.dagdelen,
      plaats: input.plaats,
      vergoeding: input.vergoeding,
      urenMin: input.urenMin,
      urenMax: input.urenMax,
      maxNiveau: { spreken: input.spreken, luisteren: input.luisteren, lezen: input.lezen, schrijven: input.schrijven },
      minTaalrijkheid: input.minTaalrijkheid,
      binnenSchooltijden: input.binnenSchooltijden,
    },
    geo,
    sort: input.sort,
    page: input.page,
    perPage: input.perPage,
  }
  const search = ctx.search
  if (!search) throw zoekenNietBeschikbaar()
  let result
  try {
    result = await search.index.search(query)
  } catch (e) {
    // Only an engine that does not answer is a 503; anything else is a bug, which app.ts's
    // onError logs (kind and code) and answers with a 500.
    if (isSearchUnavailable(e)) throw zoekenNietBeschikbaar()
    throw e
  }
  const voorgesteldeFilters = suggestFilters(query.q, query.filters)
  const facets = { ...result.facets, plaats: meestePlaatsenVan(result.facets.plaats, input.plaats) }
  return {
    items: result.hits, total: result.total, page: input.page, perPage: input.perPage, facets, tijdMs: result.tijdMs,
    ...(voorgesteldeFilters.length ? { voorgesteldeFilters } : {}),
  }
}

/**
 * The plaats facet as an answer carries it: the MAX_PLAATSEN plaatsen with the most hits (ties by
 * name), and every plaats the query filters on. The embedded engine answers that top already
 * (embedded/facets.ts); Meilisearch answers up to 10,000 plaatsen, over the network, so a plain
 * sort here costs nothing that matters.
 */
export function meestePlaatsenVan(counts: Record<string, number>, gekozen: string[] = []): Record<string, number> {
  const namen = Object.keys(counts)
  if (namen.length <= MAX_PLAATSEN) return counts
  const top = namen.sort((a, b) => counts[b]! - counts[a]! || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_PLAATSEN)
  for (const plaats of gekozen) if (counts[plaats] !== undefined && !top.includes(plaats)) top.push(plaats)
  return Object.fromEntries(top.map((plaats) => [plaats, counts[plaats]!]))
}
