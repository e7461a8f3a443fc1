import { z } from 'zod'
import { id, isoDate, langeTekst } from './common.js'

// Voorstellen and plaatsingen (docs/domain.md, "Voorstel" and "Plaatsing"). What a werkgever may
// see of a deelnemer (docs/privacy.md, "What a werkgever sees of a deelnemer") is a choice
// the jobhunter makes per voorstel from `deelbareVelden`; doelgroep, moedertaal, geletterdheid,
// belastbaarheid and ondersteuningsbehoefte are not in that list, so they can never be chosen.

export const modi = ['aanbodgericht', 'vraaggericht'] as const
export const voorstelStatussen = ['voorgesteld', 'geaccepteerd', 'afgewezen', 'ingetrokken'] as const
export const deelbareVelden = ['naam', 'geboortejaar', 'plaats', 'taalniveau', 'beschikbareDagdelen', 'urenPerWeek', 'mobiliteit', 'wensen', 'werkervaring', 'opleiding', 'vca'] as const
export type DeelbaarVeld = (typeof deelbareVelden)[number]
export const standaardVelden: DeelbaarVeld[] = ['naam', 'taalniveau', 'beschikbareDagdelen', 'urenPerWeek']

export const voorstelInput = z
  .object({
    deelnemerId: id,
    plekId: id,
    modus: z.enum(modi),
    toelichting: langeTekst(2000, 0).optional(),
    velden: z.array(z.enum(deelbareVelden)).max(deelbareVelden.length).optional().describe('Wat de werkgever van de deelnemer mag zien; standaard naam, taalniveau, beschikbare dagdelen en uren'),
    jobcoachId: id.optional().describe('De jobcoach die de nazorg doet als de werkgever accepteert'),
  })
  .strict()
export type VoorstelInput = z.infer<typeof voorstelInput>

export const accepteerInput = z
  .object({
    startdatum: isoDate,
    jobcoachId: id.optional(),
    contactFrequentieDagen: z.number().int().min(1).max(90).optional(),
  })
  .strict()

export const afwijsInput = z.object({ reden: langeTekst(1000, 0).min(3, 'Geef kort de reden.') }).strict()

export const voorstelLijstQuery = z.object({
  status: z.enum(voorstelStatussen).optional(),
  plekId: id.optional(),
  deelnemerId: id.optional(),
})

const criteriumAntwoord = z.object({ code: z.string(), score: z.number(), knockout: z.boolean(), kleur: z.string(), uitleg: z.string(), metOndersteuning: z.boolean().optional() })

/** A voorstel as answered. Werkgevers get only the shared deelnemer fields and the criteria about them. */
export const voorstelAntwoord = z.object({
  id: z.string(),
  plekId: z.string(),
  plek: z.object({ id: z.string(), titel: z.string() }),
  modus: z.string(),
  status: z.string(),
  score: z.number(),
  toelichting: z.string().optional(),
  afwijsreden: z.string().optional(),
  aangemaaktOp: z.string(),
  beantwoordOp: z.string().optional(),
  criteria: z.array(criteriumAntwoord),
  deelnemer: z.record(z.string(), z.unknown()).describe('Jobhunter: { id, naam }. Werkgever: alleen de gedeelde velden'),
  deelnemerId: z.string().optional().describe('Niet voor werkgevers'),
  uitgesloten: z.boolean().optional(),
  gewichtenVersie: z.string().optional(),
  velden: z.array(z.string()).optional().describe('De velden die de werkgever mag zien'),
  jobcoachId: z.string().optional(),
  toestemmingIngetrokken: z.boolean().optional().describe('Werkgever: de deelnemer heeft de toestemming ingetrokken; er wordt niets gedeeld'),
  delenBeeindigd: z.boolean().optional().describe('Werkgever: het voorstel is ingetrokken of afgewezen; van de deelnemer wordt niets meer gedeeld'),
  plaatsing: z
    .object({ startdatum: z.string(), status: z.string(), jobcoach: z.object({ naam: z.string(), email: z.string() }).optional() })
    .optional()
    .describe('Geaccepteerd: de plaatsing die volgde, met de startdatum en de jobcoach (het aanspreekpunt van de werkgever)'),
})
