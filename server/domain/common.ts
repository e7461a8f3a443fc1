import { z } from 'zod'
import { dagdelen, niveaus } from './enums.js'

// Small building blocks shared by the resource schemas.

export const id = z.string().min(1).max(64)

/** A Dutch postcode: "3311", "3311AB" or "3311 AB"; normalised to "3311 AB" / "3311". */
export const postcode = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{3} ?([A-Za-z]{2})?$/, 'Vul een postcode in als 1234 AB (of alleen de vier cijfers).')
  .transform((v) => {
    const digits = v.slice(0, 4)
    const letters = v.slice(4).trim().toUpperCase()
    return letters ? `${digits} ${letters}` : digits
  })

export const isoDate = z.iso.date()

export const urenPerWeek = z
  .object({
    min: z.number().int().min(1).max(40),
    max: z.number().int().min(1).max(40),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.min > v.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'Het maximum aantal uren moet minstens even groot zijn als het minimum.' })
  })

export const dagdeel = z.enum(dagdelen)
export const dagdeelLijst = z
  .array(dagdeel)
  .max(dagdelen.length)
  .transform((list) => [...new Set(list)].sort((a, b) => dagdelen.indexOf(a) - dagdelen.indexOf(b)))

const niveau = z.enum(niveaus)
export const taalniveau = z
  .object({ spreken: niveau, luisteren: niveau, lezen: niveau, schrijven: niveau })
  .strict()

/** Pagination of lists, as in the contract: page from 1, perPage default 20, at most 100. */
export const paginering = z.object({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
})

// Free text. No field takes control characters: C0 and C1 controls, DEL, and the bidi overrides
// and isolates U+202A–U+202E, U+2066–U+2069 (they reorder what a screen shows). A CR ended a
// calendar line and let a plek title inject properties into the jobcoach's feed; a NUL cut a name
// short in the database. Newline and tab are text only where the field is several lines long.

/** Characters no text field takes (newline and tab are judged by the field's kind). */
const STUURTEKEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const REGELEINDE_OF_TAB = /[\t\n\r]/
const STUURTEKEN_MELDING = 'Dit veld bevat tekens die niet zijn toegestaan (zoals stuurtekens).'
const EEN_REGEL_MELDING = 'Dit veld is één regel tekst: haal de regeleinden en tabs weg.'

/** One line of free text (a titel, a naam), trimmed: no control characters, no newline or tab. `min` 0 allows an empty value. */
export const tekst = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .superRefine((v, ctx) => {
      const melding = REGELEINDE_OF_TAB.test(v) ? EEN_REGEL_MELDING : STUURTEKEN.test(v) ? STUURTEKEN_MELDING : undefined
      if (melding) ctx.addIssue({ code: 'custom', message: melding })
    })

/**
 * Free text of several lines (an omschrijving, a samenvatting, a toelichting), trimmed: newlines
 * and tabs are kept (Windows and old Mac line ends become a newline), other control characters
 * are refused.
 */
export const langeTekst = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .overwrite((v) => v.replace(/\r\n?/g, '\n'))
    .min(min)
    .max(max)
    .refine((v) => !STUURTEKEN.test(v), STUURTEKEN_MELDING)

/**
 * Body of a PATCH: any subset of a resource's top-level fields, each still unchecked. The route
 * merges it into the stored record (JSON merge patch: objects merge, lists replace) and validates
 * the result with the resource's full schema, so rules across fields hold after every change.
 */
export const patchOf = (fields: Record<string, unknown>) =>
  z.object(Object.fromEntries(Object.keys(fields).map((k) => [k, z.unknown().optional()]))).strict()
