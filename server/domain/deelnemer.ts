import { z } from 'zod'
import { belastingNiveaus, sectoren, vormen } from './enums.js'
import { dagdeelLijst, id, langeTekst, postcode, taalniveau, tekst, urenPerWeek, patchOf } from './common.js'
import { telefoon } from './organisatie.js'

// The deelnemer of docs/domain.md ("Deelnemer"): sensitive personal data (docs/privacy.md). Only
// jobhunters and beheerders use this API (a jobcoach reads the deelnemers of their own
// plaatsingen); doelgroep, moedertaal, geletterdheid, belastbaarheid and ondersteuningsbehoefte never
// reach the search index or any werkgever-facing answer.

export const doelgroepen = ['asielstatushouder', 'gezinsmigrant', 'overig'] as const
export const leerroutes = ['b1-route', 'onderwijsroute', 'z-route'] as const
export const geletterdheden = ['gealfabetiseerd', 'anders-gealfabetiseerd', 'niet-gealfabetiseerd'] as const
export const kinderopvangOpties = ['niet-nodig', 'geregeld', 'nodig'] as const
export const deelnemerStatussen = ['intake', 'zoekend', 'voorgesteld', 'geplaatst', 'uitgestroomd'] as const

export const mobiliteit = z
  .object({
    fiets: z.boolean().default(false),
    ov: z.boolean().default(false),
    rijbewijs: z.boolean().default(false),
    auto: z.boolean().default(false),
    maxReisafstandKm: z.number().min(0.5).max(200),
  })
  .strict()

export const wensen = z
  .object({
    sectoren: z.array(z.enum(sectoren)).max(sectoren.length).default([]),
    vormen: z.array(z.enum(vormen)).max(vormen.length).default([]),
    wensberoep: tekst(120, 0).optional(),
  })
  .strict()

const deelnemerFields = {
  naam: tekst(120),
  geboortejaar: z.number().int().min(1930).max(2012),
  postcode,
  telefoon: telefoon.optional(),
  email: z.email().max(200).optional(),
  doelgroep: z.enum(doelgroepen),
  leerroute: z.enum(leerroutes),
  taalniveau,
  geletterdheid: z.enum(geletterdheden),
  moedertaal: tekst(60, 0).optional(),
  andereTalen: z.array(tekst(60)).max(10).default([]),
  beschikbareDagdelen: dagdeelLijst,
  taallesDagdelen: dagdeelLijst,
  urenPerWeek,
  kinderopvang: z.enum(kinderopvangOpties),
  mobiliteit,
  belastbaarheid: z.enum(belastingNiveaus),
  ondersteuningsbehoefte: langeTekst(500, 0).optional(),
  wensen: wensen.default(() => wensen.parse({})),
  vca: z.boolean().default(false),
  werkervaring: langeTekst(2000, 0).optional(),
  opleiding: langeTekst(2000, 0).optional(),
  status: z.enum(deelnemerStatussen).default('intake'),
  toestemmingDelen: z.boolean().default(false),
}

const dagdelenRegels = (v: { beschikbareDagdelen: string[]; taallesDagdelen: string[] }, ctx: z.RefinementCtx) => {
  const taalles = new Set(v.taallesDagdelen)
  const botsing = v.beschikbareDagdelen.filter((d) => taalles.has(d))
  if (botsing.length)
    ctx.addIssue({ code: 'custom', path: ['beschikbareDagdelen'], message: `Op ${botsing.join(', ')} heeft de deelnemer taalles; een taalles-dagdeel kan niet ook vrij zijn.` })
}

/** A whole deelnemer, in any status: a PATCH body merged into the stored one is validated with this. */
export const deelnemerInput = z.object(deelnemerFields).strict().superRefine(dagdelenRegels)
export type DeelnemerInput = z.infer<typeof deelnemerInput>

/** Statuses that follow from voorstellen and plaatsingen (docs/domain.md): the system sets them, a person never does. */
export const beheerdeStatussen: readonly string[] = ['voorgesteld', 'geplaatst']

/**
 * Body of POST /api/deelnemers and of each deelnemer in the bulk import: a new dossier has no
 * voorstel or plaatsing behind it, so it starts in a status a person sets.
 */
const nieuweDeelnemerFields = {
  ...deelnemerFields,
  status: deelnemerFields.status.refine(
    (s) => !beheerdeStatussen.includes(s),
    'De status voorgesteld of geplaatst ontstaat vanzelf door een voorstel of plaatsing; kies intake, zoekend of uitgestroomd.',
  ),
}
export const nieuweDeelnemerInput = z.object(nieuweDeelnemerFields).strict().superRefine(dagdelenRegels)

/**
 * Body of POST /api/deelnemers: a new dossier and, optionally, its gemeente (one of the caller's
 * werkgebied; without it the caller's only gemeente).
 */
export const deelnemerAanmaken = z
  .object({ ...nieuweDeelnemerFields, gemeenteId: id.optional() })
  .strict()
  .superRefine(dagdelenRegels)

/** PATCH body: any subset, merged into the stored deelnemer and validated whole. */
export const deelnemerPatch = patchOf(deelnemerFields)

export const deelnemerLijstQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(deelnemerStatussen).optional(),
  /** one gemeente of the werkgebied */
  gemeenteId: z.string().max(100).optional(),
  /** "ik": Mijn deelnemers (the caller is their regievoerder); or a jobhunter's id */
  regievoerder: z.string().max(100).optional(),
})

/** One row of GET /api/deelnemers: what a list needs; everything else only in the dossier. */
export const deelnemerLijstItem = z.object({
  id,
  naam: z.string(),
  plaats: z.string(),
  gemeenteId: z.string(),
  gemeenteNaam: z.string(),
  status: z.enum(deelnemerStatussen),
  leerroute: z.enum(leerroutes),
  regievoerderId: z.string().nullable(),
  gewijzigdOp: z.string(),
})

export const deelnemer = z.object({
  id,
  ...deelnemerFields,
  plaats: z.string(),
  gemeenteId: z.string(),
  gemeenteNaam: z.string().optional(),
  regievoerderId: z.string().nullable(),
  toestemmingOp: z.string().optional(),
  aangemaaktOp: z.string(),
  gewijzigdOp: z.string(),
})
export type Deelnemer = z.infer<typeof deelnemer>
