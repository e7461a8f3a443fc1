import type { Ctx } from '../context.js'
import { requireRole } from '../auth/middleware.js'
import { AppError, validatieFout } from '../errors.js'
import { lookupPostcode } from '../domain/postcode.js'
import type { ZoekQuery } from '../domain/zoeken.js'
import type { PlekQuery } from '../../search/port.js'

/** GET /api/zoeken for jobhunters and beheerders: the neutral query on the active search adapter. */
export async function searchPlekken({ ctx, input }: { ctx: Ctx; input: ZoekQuery }) {
  requireRole(ctx.actor, 'jobhunter', 'beheerder')
  let geo: PlekQuery['geo']
  if (input.postcode) {
    const locatie = lookupPostcode(input.postcode)
    if (!locatie) throw validatieFout({ postcode: 'Deze postcode kennen we niet. Controleer de vier cijfers.' })
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
  if (!search) throw new AppError(503, 'zoeken-niet-beschikbaar', 'Zoeken is op dit moment niet beschikbaar.')
  let result
  try {
    result = await search.index.search(query)
  } catch {
    throw new AppError(503, 'zoeken-niet-beschikbaar', 'De zoekmachine antwoordt niet. Probeer het zo opnieuw.')
  }
  return { items: result.hits, total: result.total, page: input.page, perPage: input.perPage, facets: result.facets, tijdMs: result.tijdMs }
}
