import { z } from 'zod'
import { begeleidingSoorten, dagdelen, niveaus, sectoren, vergoedingSoorten, vormen } from './enums.js'
import { postcode } from './common.js'
import { plek } from './plek.js'

// Query parameters of GET /api/zoeken. Lists are repeatable parameters (?sector=zorg&sector=horeca).

/**
 * Which plekken search finds (and the matcher considers): gepubliceerd with free capaciteit. A
 * plek that fills up or closes leaves the index (docs/search.md).
 */
export const isSearchable = (p: { status: string; capaciteit: number; bezet: number }) => p.status === 'gepubliceerd' && p.bezet < p.capaciteit

/** The orders a search can ask for (search/port.ts's PlekQuery uses the same list). */
export const sorteringen = ['relevantie', 'afstand', 'taalrijkheid', 'nieuwste'] as const
export type Sortering = (typeof sorteringen)[number]

const lijst = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(30).optional())

const getal = (min: number, max: number) => z.coerce.number().min(min).max(max).optional()
const janee = z.enum(['true', 'false']).transform((v) => v === 'true').optional()
const niveau = z.enum(niveaus).optional()

export const zoekQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    sector: lijst(z.enum(sectoren)),
    vorm: lijst(z.enum(vormen)),
    begeleiding: lijst(z.enum(begeleidingSoorten)),
    dagdelen: lijst(z.enum(dagdelen)),
    plaats: lijst(z.string().trim().min(1).max(80)),
    vergoeding: lijst(z.enum(vergoedingSoorten)),
    urenMin: getal(0, 60),
    urenMax: getal(0, 60),
    spreken: niveau,
    luisteren: niveau,
    lezen: niveau,
    schrijven: niveau,
    minTaalrijkheid: getal(0, 10),
    binnenSchooltijden: janee,
    postcode: postcode.optional(),
    lat: getal(-90, 90),
    lon: getal(-180, 180),
    straalKm: getal(0.1, 300),
    sort: z.enum(sorteringen).default('relevantie'),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    perPage: z.coerce.number().int().min(1).max(100).default(20),
  })
  .superRefine((v, ctx) => {
    const hasPlace = v.postcode !== undefined || (v.lat !== undefined && v.lon !== undefined)
    if ((v.lat === undefined) !== (v.lon === undefined))
      ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lon'], message: 'Geef lat en lon allebei op.' })
    if (v.straalKm !== undefined && !hasPlace)
      ctx.addIssue({ code: 'custom', path: ['straalKm'], message: 'Vul een postcode in om binnen een straal te zoeken.' })
    if (v.sort === 'afstand' && !hasPlace)
      ctx.addIssue({ code: 'custom', path: ['sort'], message: 'Sorteren op afstand kan alleen met een postcode.' })
    if (v.urenMin !== undefined && v.urenMax !== undefined && v.urenMin > v.urenMax)
      ctx.addIssue({ code: 'custom', path: ['urenMax'], message: 'Het maximum aantal uren moet minstens even groot zijn als het minimum.' })
  })
export type ZoekQuery = z.infer<typeof zoekQuery>

export const zoekResultaat = z.object({
  // a hit shows these fields of the plek, the distance to the place searched from and a snippet
  items: z.array(
    plek
      .pick({ id: true, titel: true, organisatieNaam: true, plaats: true, sector: true, vorm: true, taalrijkheidsscore: true, urenPerWeek: true, begeleiding: true })
      .extend({
        afstandKm: z.number().optional(),
        fragment: z.object({ tekst: z.string(), markeringen: z.array(z.tuple([z.number(), z.number()])) }),
      }),
  ),
  total: z.number(),
  page: z.number(),
  perPage: z.number(),
  facets: z.record(z.string(), z.record(z.string(), z.number())),
  tijdMs: z.number(),
  // added by issue 14: the filters the query's words name (`horeca` → sector horeca), not yet chosen;
  // only present when there are any, so the UI can offer to turn a word into its filter
  voorgesteldeFilters: z
    .array(z.object({ filter: z.enum(['sector', 'vorm', 'begeleiding']), waarde: z.string(), woord: z.string() }))
    .optional(),
})
