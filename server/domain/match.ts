import { z } from 'zod'

// The summaries in the match answers, shared by the route's OpenAPI schema and the web app's types.

export const plekSamenvatting = z.object({
  id: z.string(), titel: z.string(), organisatieNaam: z.string(), plaats: z.string(), sector: z.string(), vorm: z.string(),
  urenPerWeek: z.object({ min: z.number(), max: z.number() }), dagdelen: z.array(z.string()), taalrijkheidsscore: z.number(), afstandKm: z.number(),
})
/** Only what a jobhunter needs to choose; no sensitive field (doelgroep, moedertaal, geletterdheid, belastbaarheid). */
export const deelnemerSamenvatting = z.object({
  id: z.string(), naam: z.string(), plaats: z.string(), leerroute: z.string(),
  taalniveau: z.object({ spreken: z.string(), luisteren: z.string(), lezen: z.string(), schrijven: z.string() }),
  urenPerWeek: z.object({ min: z.number(), max: z.number() }), status: z.string(), toestemmingDelen: z.boolean(), afstandKm: z.number(),
})
export type PlekSamenvatting = z.infer<typeof plekSamenvatting>
export type DeelnemerSamenvatting = z.infer<typeof deelnemerSamenvatting>
