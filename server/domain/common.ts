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

export const tekst = (max: number) => z.string().trim().min(1).max(max)

/**
 * Body of a PATCH: any subset of a resource's top-level fields, each still unchecked. The route
 * merges it into the stored record (JSON merge patch: objects merge, lists replace) and validates
 * the result with the resource's full schema, so rules across fields hold after every change.
 */
export const patchOf = (fields: Record<string, unknown>) =>
  z.object(Object.fromEntries(Object.keys(fields).map((k) => [k, z.unknown().optional()]))).strict()
