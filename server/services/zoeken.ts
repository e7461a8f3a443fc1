import type { Ctx } from '../context.js'
import { requireRole } from './access.js'
import { zoekenNietBeschikbaar } from '../domain/errors.js'
import { locatieOf } from './locatie.js'
import type { ZoekQuery } from '../domain/zoeken.js'
import { isSearchUnavailable, MAX_PLAATSEN, suggestFilters, type PlekQuery } from '../../search/port.js'

export { MAX_PLAATSEN }

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
 * name), and every plaats the query filters on. Over 100,000 plekken a search matched ~2,500
 * plaatsen, which made the facet 36 of the answer's 45 kB: writing that out was a tenth of the
 * server's work under load, for a list no screen shows whole.
 */
export function meestePlaatsenVan(counts: Record<string, number>, gekozen: string[] = []): Record<string, number> {
  const namen = Object.keys(counts)
  if (namen.length <= MAX_PLAATSEN) return counts
  // the count at which the top ends, from how many plaatsen have each count (few distinct counts):
  // sorting all ~2,500 names per search cost a third of the search itself
  const perAantal = new Map<number, number>()
  for (const naam of namen) perAantal.set(counts[naam]!, (perAantal.get(counts[naam]!) ?? 0) + 1)
  let grens = 0
  let erboven = 0
  for (const aantal of [...perAantal.keys()].sort((a, b) => b - a)) {
    grens = aantal
    if (erboven + perAantal.get(aantal)! >= MAX_PLAATSEN) break
    erboven += perAantal.get(aantal)!
  }
  const opNaam = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const opGrens = namen.filter((naam) => counts[naam] === grens).sort(opNaam).slice(0, MAX_PLAATSEN - erboven)
  const top = [...namen.filter((naam) => counts[naam]! > grens), ...opGrens]
  for (const plaats of gekozen) if (counts[plaats] !== undefined && !top.includes(plaats)) top.push(plaats)
  top.sort((a, b) => counts[b]! - counts[a]! || opNaam(a, b))
  return Object.fromEntries(top.map((plaats) => [plaats, counts[plaats]!]))
}
