import { z } from 'zod'
import {
  begeleidingSoorten,
  belastingNiveaus,
  plekStatussen,
  sectoren,
  taalrijkheidItems,
  vergoedingSoorten,
  vormen,
} from './enums.js'
import { dagdeelLijst, id, isoDate, langeTekst, postcode, taalniveau, tekst, urenPerWeek, patchOf } from './common.js'

// The plek body of the API (fixed with the gemeenten; docs/api.md, "Plekken"). One schema, reused
// by the route, the client form and the tests.

/** Hours of work one dagdeel can hold: the matcher and the plek form count with it. */
export const UREN_PER_DAGDEEL = 4

export const taalrijkheid = z
  .object(Object.fromEntries(taalrijkheidItems.map((k) => [k, z.boolean().default(false)])) as {
    [K in (typeof taalrijkheidItems)[number]]: z.ZodDefault<z.ZodBoolean>
  })
  .strict()

export const vereisten = z
  .object({
    rijbewijs: z.boolean().default(false),
    vog: z.boolean().default(false),
    vca: z.boolean().default(false),
    diploma: tekst(200, 0).optional(),
  })
  .strict()

export const vergoeding = z
  .object({
    soort: z.enum(vergoedingSoorten),
    bedragPerMaand: z.number().min(0).max(10000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.soort === 'geen' && v.bedragPerMaand !== undefined && v.bedragPerMaand > 0)
      ctx.addIssue({ code: 'custom', path: ['bedragPerMaand'], message: 'Zonder vergoeding hoort er geen bedrag bij.' })
  })

const plekFields = {
  titel: tekst(120),
  omschrijving: langeTekst(5000),
  beroep: tekst(120, 0).optional(),
  sector: z.enum(sectoren),
  vorm: z.enum(vormen),
  postcode,
  urenPerWeek,
  dagdelen: dagdeelLijst.refine((l) => l.length > 0, 'Kies minstens één dagdeel waarop het werk plaatsvindt.'),
  capaciteit: z.number().int().min(1, 'Er moet plaats zijn voor minstens één deelnemer.').max(100),
  taalniveau,
  lagerNiveauMetOndersteuning: z.boolean().default(false),
  taalrijkheid: taalrijkheid.default(() => taalrijkheid.parse({})),
  begeleiding: z
    .array(z.enum(begeleidingSoorten))
    .max(begeleidingSoorten.length)
    .default([])
    .transform((l) => [...new Set(l)]),
  opbouw: z.boolean().default(false),
  fysiekeBelasting: z.enum(belastingNiveaus).default('middel'),
  werkdruk: z.enum(belastingNiveaus).default('middel'),
  binnenSchooltijden: z.boolean().default(false),
  vereisten: vereisten.default(() => vereisten.parse({})),
  vergoeding: vergoeding.default({ soort: 'geen' }),
  startdatum: isoDate.optional(),
  duurWeken: z.number().int().min(1).max(520).optional(),
}

/** Body of POST /api/plekken. A beheerder also names the organisatie. */
export const plekInput = z.object({ ...plekFields, organisatieId: id.optional() }).strict()
export type PlekInput = z.infer<typeof plekInput>
export type PlekInputRaw = z.input<typeof plekInput>

/**
 * Body of PATCH /api/plekken/:id: any subset of the top-level fields. It is merged into the
 * stored plek (JSON merge patch: objects merge, lists replace) and the result is validated
 * with `plekInput`, so cross-field rules hold after every change.
 */
export const plekPatch = patchOf(plekFields)

export const plek = z.object({
  id,
  organisatieId: id,
  organisatieNaam: z.string(),
  status: z.enum(plekStatussen),
  titel: z.string(),
  omschrijving: z.string(),
  beroep: z.string().optional(),
  sector: z.enum(sectoren),
  vorm: z.enum(vormen),
  postcode: z.string(),
  plaats: z.string(),
  lat: z.number(),
  lon: z.number(),
  urenPerWeek: z.object({ min: z.number(), max: z.number() }),
  dagdelen: z.array(z.string()),
  capaciteit: z.number(),
  bezet: z.number().describe('Aantal actieve plaatsingen op deze plek'),
  taalniveau,
  lagerNiveauMetOndersteuning: z.boolean(),
  taalrijkheid: z.record(z.string(), z.boolean()),
  taalrijkheidsscore: z.number(),
  taalrijkheidsuitleg: z.array(z.string()),
  begeleiding: z.array(z.string()),
  opbouw: z.boolean(),
  fysiekeBelasting: z.enum(belastingNiveaus),
  werkdruk: z.enum(belastingNiveaus),
  binnenSchooltijden: z.boolean(),
  vereisten: z.object({ rijbewijs: z.boolean(), vog: z.boolean(), vca: z.boolean(), diploma: z.string().optional() }),
  vergoeding: z.object({ soort: z.enum(vergoedingSoorten), bedragPerMaand: z.number().optional() }),
  startdatum: z.string().optional(),
  duurWeken: z.number().optional(),
  gepubliceerdOp: z.string().optional(),
  aangemaaktOp: z.string(),
  gewijzigdOp: z.string(),
})
export type Plek = z.infer<typeof plek>

export const plekLijstQuery = z.object({
  status: z.enum(plekStatussen).optional(),
  organisatieId: id.optional(),
  q: z.string().trim().max(100).optional(),
})
