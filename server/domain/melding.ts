import { z } from 'zod'
import { mailVoorkeuren, meldingSoorten } from './enums.js'
import { paginering } from './common.js'

// Meldingen in the API (docs/api.md "Meldingen"): what a person must act on, with a link to where.

export const melding = z.object({
  id: z.string(),
  soort: z.enum(meldingSoorten),
  titel: z.string(),
  tekst: z.string(),
  link: z.string().describe('Pad in de webapp waar u iets met de melding doet'),
  gelezen: z.boolean(),
  gelezenOp: z.string().optional(),
  aangemaaktOp: z.string(),
})

export const meldingLijstQuery = paginering.extend({
  ongelezen: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
})

export const meldingVoorkeurInput = z.object({ mail: z.enum(mailVoorkeuren) }).strict()
export const meldingVoorkeur = z.object({
  mail: z.enum(mailVoorkeuren).describe('direct: elke melding meteen; dagelijks: één samenvatting per dag; uit: geen e-mail'),
  mailAan: z.boolean().describe('Of deze installatie e-mail verstuurt (SMTP_URL)'),
})

export const matchDrempelInput = z.object({ drempel: z.number().int().min(0).max(100) }).strict()

export const afmeldInput = z.object({ token: z.string().min(10).max(500) }).strict()
