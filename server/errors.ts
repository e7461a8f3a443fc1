import type { z } from 'zod'
import { issuesToFields } from './domain/dutch-errors.js'

/**
 * A failure the user can act on: it maps to a 4xx (or 503) with a stable `code` and a Dutch
 * message, in the contract's shape `{ error: { code, message, fields? } }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
  }

  body() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } }
  }
}

export const validatieFout = (fields: Record<string, string>, message = 'Niet alle velden zijn goed ingevuld.') =>
  new AppError(400, 'validatie', message, fields)

export const fromZod = (error: z.ZodError, message?: string) => validatieFout(issuesToFields(error.issues), message)

export const nietIngelogd = () => new AppError(401, 'niet-ingelogd', 'Log in om verder te gaan.')
export const geenToegang = () => new AppError(403, 'geen-toegang', 'U heeft geen toegang tot deze functie.')
export const nietGevonden = (wat: string) => new AppError(404, 'niet-gevonden', `${wat} is niet gevonden.`)
export const conflict = (code: string, message: string) => new AppError(409, code, message)
