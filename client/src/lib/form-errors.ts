import type { z } from 'zod'
import { issuesToFields } from '../../../server/domain/dutch-errors.js'

// Field errors, from the shared zod schema (before sending) or from the server's `error.fields`
// (dotted paths like `urenPerWeek.max`), shown beside the matching input.

export type FieldErrors = Record<string, string>

/** Index paths of list fields (dagdelen.2) belong to the list's own input group (dagdelen). */
export function normaliseFields(fields: Record<string, string>, listFields: readonly string[] = []): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(fields)) {
    const list = listFields.find((l) => path === l || path.startsWith(`${l}.`))
    const key = list ?? path
    out[key] ??= message
  }
  return out
}

/** Validates with a shared schema; the field errors, or undefined when valid. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, listFields: readonly string[] = []): { ok: true; data: z.infer<S> } | { ok: false; fields: FieldErrors } {
  const result = schema.safeParse(value)
  if (result.success) return { ok: true, data: result.data }
  return { ok: false, fields: normaliseFields(issuesToFields(result.error.issues), listFields) }
}

/** The id of the input for a field path: "urenPerWeek.max" → "veld-urenPerWeek-max". */
export const fieldId = (path: string) => `veld-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`
export const errorId = (path: string) => `${fieldId(path)}-fout`

/** The errors in the order the inputs appear on the page (for the error summary). */
export function orderedErrors(fields: FieldErrors, order: readonly string[]): [string, string][] {
  const rank = (p: string) => {
    const i = order.findIndex((o) => p === o || p.startsWith(`${o}.`))
    return i === -1 ? order.length : i
  }
  return Object.entries(fields).sort((a, b) => rank(a[0]) - rank(b[0]))
}
