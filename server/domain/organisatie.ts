import { z } from 'zod'
import { organisatieSoorten, organisatieStatussen } from './enums.js'
import { id, postcode, tekst, patchOf } from './common.js'

export const telefoon = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{8,18}$/, 'Vul een telefoonnummer in, bijvoorbeeld 078-123 45 67.')

export const contactpersoon = z
  .object({
    naam: tekst(120),
    email: z.email().max(200).transform((v) => v.toLowerCase()),
    telefoon,
  })
  .strict()

const organisatieFields = {
  naam: tekst(160),
  soort: z.enum(organisatieSoorten),
  postcode,
  /** Optional: when left out, the plaats of the postcode is used. */
  plaats: tekst(80).optional(),
  contactpersoon,
  kvkNummer: z.string().trim().regex(/^[0-9]{8}$/, 'Een KvK-nummer bestaat uit 8 cijfers.').optional(),
}

export const organisatieInput = z.object(organisatieFields).strict()
export type OrganisatieInput = z.infer<typeof organisatieInput>

/** PATCH body: any subset, merged into the stored organisatie and validated whole. */
export const organisatiePatch = patchOf(organisatieFields)

export const organisatie = z.object({
  id,
  naam: z.string(),
  soort: z.enum(organisatieSoorten),
  postcode: z.string(),
  plaats: z.string(),
  contactpersoon: z.object({ naam: z.string(), email: z.string(), telefoon: z.string() }),
  kvkNummer: z.string().optional(),
  status: z.enum(organisatieStatussen).describe('goedgekeurd: mag plekken publiceren; aangemeld: wacht op de gemeente (docs/aanmelden.md)'),
  aangemaaktOp: z.string(),
  gewijzigdOp: z.string(),
})
export type Organisatie = z.infer<typeof organisatie>
