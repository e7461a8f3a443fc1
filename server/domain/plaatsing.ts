import { z } from 'zod'
import { id, isoDate, langeTekst, tekst } from './common.js'

export const plaatsingStatussen = ['actief', 'afgerond', 'voortijdig-beeindigd'] as const
export const eindredenen = ['werk-gevonden', 'opleiding', 'gezondheid', 'kinderopvang', 'vervoer', 'taal', 'conflict', 'verhuisd', 'anders'] as const
/** Eindredenen that are a step forward: the plaatsing is `afgerond`, whenever it ends. */
export const uitstroomRedenen: readonly string[] = ['werk-gevonden', 'opleiding']
/** Nazorg runs this long by default; ending after it is `afgerond`, before it `voortijdig-beeindigd`. */
export const NAZORG_MAANDEN = 6
export const contactMet = ['deelnemer', 'werkgever', 'beiden'] as const
export const kanalen = ['bezoek', 'telefoon', 'video', 'bericht'] as const
export const contactSoorten = ['contactmoment', 'startgesprek', 'voortgangsgesprek', 'eindgesprek'] as const
export const knelpunten = ['taal', 'werkhouding', 'absentie', 'samenwerking', 'cultuur', 'vervoer', 'kinderopvang', 'gezondheid', 'financien', 'rooster', 'overig'] as const
export const STANDAARD_CONTACTFREQUENTIE = 14
/** Neither side heard from for this many days: where uitval starts (docs/domain.md, "Nazorg"). */
export const STILTE_DAGEN = 28

export const nazorgInput = z
  .object({
    datum: isoDate,
    soort: z.enum(contactSoorten).default('contactmoment'),
    met: z.enum(contactMet),
    kanaal: z.enum(kanalen),
    samenvatting: langeTekst(4000),
    knelpunten: z.array(z.enum(knelpunten)).max(knelpunten.length).default([]).transform((l) => [...new Set(l)]),
    acties: langeTekst(4000, 0).optional(),
    doorbraakbudget: z.object({ bedrag: z.number().min(0).max(100_000), doel: tekst(300) }).strict().optional(),
    volgendContactOp: isoDate.optional().describe('Standaard: datum + contactFrequentieDagen van de plaatsing'),
    corrigeert: id.optional().describe('Id van het eerdere contact dat deze regel corrigeert'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.volgendContactOp && v.volgendContactOp <= v.datum)
      ctx.addIssue({ code: 'custom', path: ['volgendContactOp'], message: 'Het volgende contact moet na de datum van dit contact liggen.' })
  })
export type NazorgInput = z.infer<typeof nazorgInput>

export const beeindigInput = z
  .object({
    einddatum: isoDate,
    eindreden: z.enum(eindredenen),
    toelichting: langeTekst(2000, 0).optional(),
  })
  .strict()

export const toewijzenInput = z.object({ jobcoachId: id }).strict()

export const plaatsingLijstQuery = z.object({
  status: z.enum([...plaatsingStatussen, 'alle']).default('actief'),
  jobcoachId: id.optional(),
})

export const plaatsingAntwoord = z.object({
  id: z.string(),
  voorstelId: z.string(),
  deelnemerId: z.string().optional().describe('Niet in het antwoord aan een werkgever'),
  plekId: z.string(),
  jobcoachId: z.string().optional(),
  status: z.string(),
  startdatum: z.string(),
  contactVanaf: z.string().describe('De eerste datum waarop een contact kan worden vastgelegd: het akkoord op het voorstel (een startgesprek vóór de start), of een eerdere startdatum'),
  urenPerWeek: z.object({ min: z.number(), max: z.number() }),
  dagdelen: z.array(z.string()),
  contactFrequentieDagen: z.number(),
  volgendContactOp: z.string(),
  laatsteContactOp: z.string().optional(),
  achterstallig: z.boolean().describe('Het volgende contact is verstreken (datum in Nederland)'),
  dagenAchterstallig: z.number(),
  langGeenContact: z.boolean().describe(`${STILTE_DAGEN} dagen of langer niemand gesproken`),
  nazorgTot: z.string(),
  einddatum: z.string().optional(),
  eindreden: z.string().optional(),
  sector: z.string(),
  vorm: z.string(),
  plek: z.object({ id: z.string(), titel: z.string(), organisatieNaam: z.string().optional() }).optional(),
  deelnemer: z.object({ id: z.string(), naam: z.string() }).optional(),
  jobcoach: z.object({ id: z.string().nullable(), naam: z.string() }).optional(),
  vandaag: z.string().optional().describe('Eén plaatsing: de datum in Nederland waarmee achterstallig is bepaald'),
})

export const nazorgAntwoord = z.object({
  id: z.string(),
  plaatsingId: z.string(),
  datum: z.string(),
  soort: z.string(),
  met: z.string(),
  kanaal: z.string(),
  samenvatting: z.string(),
  knelpunten: z.array(z.string()),
  acties: z.string().optional(),
  doorbraakbudget: z.object({ bedrag: z.number(), doel: z.string() }).optional(),
  volgendContactOp: z.string(),
  corrigeert: z.string().optional(),
  gecorrigeerdDoor: z.string().optional().describe('Id van de regel die deze corrigeert'),
  vastgelegdOp: z.string(),
  vastgelegdDoor: z.string(),
})
