import { z } from 'zod'
import { id, tekst } from './common.js'
import { organisatieInput } from './organisatie.js'
import { plekInput } from './plek.js'
import { nieuweDeelnemerInput } from './deelnemer.js'

// The bulk import file of POST /api/import and `npm run import`: three optional lists whose
// records are exactly the bodies of POST /api/organisaties, /api/plekken (as a beheerder) and
// /api/deelnemers, plus a few import-only fields (docs/api.md, "Bulk import"):
//
// - `ref` on any record: the file's own name for it, unique within its list; never stored.
// - `organisatieRef` on a plek: the `ref` of an organisatie in the same file. A plek names its
//   organisatie with exactly one of `organisatieId` (one that exists) or `organisatieRef`.
// - `status` on a plek: `concept` (default) or `gepubliceerd` (published at once, so searchable).

// a ref is quoted in error messages (and on the terminal of `npm run import`): one line, no control characters
export const importRef = tekst(64)
  .describe('Eigen naam van dit record in het bestand (uniek per lijst); wordt niet opgeslagen')

export const importOrganisatie = organisatieInput.extend({ ref: importRef.optional() })

export const importPlek = plekInput.extend({
  ref: importRef.optional(),
  organisatieId: id.optional().describe('Een bestaande organisatie; of gebruik organisatieRef'),
  organisatieRef: importRef.optional().describe('De ref van een organisatie in hetzelfde bestand'),
  status: z.enum(['concept', 'gepubliceerd']).default('concept').describe('gepubliceerd: meteen vindbaar'),
})

// nieuweDeelnemerInput carries refinements (taalles dagdelen are never free; no status only the
// system sets): safeExtend keeps them.
export const importDeelnemer = nieuweDeelnemerInput.safeExtend({
  ref: importRef.optional(),
  gemeenteId: id.optional().describe('Een gemeente uit het werkgebied van de beheerder; zonder: de enige gemeente van de beheerder'),
})

export type ImportOrganisatie = z.infer<typeof importOrganisatie>
export type ImportPlek = z.infer<typeof importPlek>
export type ImportDeelnemer = z.infer<typeof importDeelnemer>

export const importLijsten = ['organisaties', 'plekken', 'deelnemers'] as const
export type ImportLijst = (typeof importLijsten)[number]

/**
 * The outer shape only: three optional lists of anything. Every record is validated on its own
 * (services/import.ts), so one bad record does not hide the errors of the others.
 */
export const importEnvelope = z
  .object({
    organisaties: z.array(z.unknown()).optional(),
    plekken: z.array(z.unknown()).optional(),
    deelnemers: z.array(z.unknown()).optional(),
  })
  .strict()

/** The whole file as documented in the OpenAPI description (records with all their fields). */
export const importInput = z
  .object({
    organisaties: z.array(importOrganisatie).optional(),
    plekken: z.array(importPlek).optional(),
    deelnemers: z.array(importDeelnemer).optional(),
  })
  .strict()

export const importResultaat = z.object({
  organisaties: z.number().describe('Aantal aangemaakte organisaties'),
  plekken: z.number().describe('Aantal aangemaakte plekken'),
  deelnemers: z.number().describe('Aantal aangemaakte deelnemers'),
  ids: z
    .object({ organisaties: z.array(id), plekken: z.array(id), deelnemers: z.array(id) })
    .describe('De nieuwe ids, in de volgorde van het bestand'),
})
export type ImportResultaat = z.infer<typeof importResultaat>
