import { z } from 'zod'
import { criteriumCodes } from './enums.js'
import { langeTekst } from './common.js'

// Body of PUT /api/matching/gewichten/{richting}. Weights are relative (0–10, steps of 0.5);
// criteria not named keep their current weight. Knock-outs are not configurable: they are the
// hard limits of the domain (docs/domain.md, "Matching"; docs/matching.md), not preferences.

export const richtingen = ['aanbodgericht', 'vraaggericht'] as const

const gewicht = z.number().min(0, 'Een gewicht is minstens 0.').max(10, 'Een gewicht is hoogstens 10.').multipleOf(0.5, 'Een gewicht is een veelvoud van 0,5.')

export const gewichtenWijziging = z
  .object({
    gewichten: z.object(Object.fromEntries(criteriumCodes.map((c) => [c, gewicht.optional()]))).strict(),
    toelichting: langeTekst(500, 0).min(5, 'Leg in een paar woorden uit waarom de gewichten veranderen.'),
  })
  .strict()
export type GewichtenWijziging = z.infer<typeof gewichtenWijziging>

export const gewichtenVersie = z.object({
  versie: z.string().describe('"standaard" of het id van de wijziging'),
  richting: z.enum(richtingen),
  gewichten: z.record(z.string(), z.number()),
  knockouts: z.array(z.string()),
  toelichting: z.string().optional(),
  gewijzigdOp: z.string().optional(),
  gewijzigdDoor: z.object({ id: z.string(), naam: z.string() }).optional(),
})
export type GewichtenVersie = z.infer<typeof gewichtenVersie>
