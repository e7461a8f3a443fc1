import type { z } from 'zod'
import { issuesToFields } from './dutch-errors.js'

/**
 * What kind of failure the user can act on. Services and middleware raise these; one place
 * (server/http-errors.ts, used by app.ts onError) turns the kind into an HTTP status. Nothing
 * below the routes knows about HTTP.
 */
export type FoutSoort =
  | 'validatie' // the input is wrong: the fields say where
  | 'niet-ingelogd'
  | 'geen-toegang'
  | 'niet-gevonden' // also a record outside the caller's scope, so ids cannot be probed
  | 'conflict' // the record's state does not allow this (now)
  | 'te-groot'
  | 'geen-json'
  | 'te-veel-pogingen'
  | 'niet-beschikbaar' // a dependency (database, search engine) cannot serve this right now

/**
 * A failure with a stable `code` and a Dutch message, in the contract's shape
 * `{ error: { code, message, fields? } }`.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError'
  constructor(
    readonly soort: FoutSoort,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds after which trying again makes sense (rate limits, a busy dependency). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }

  body() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } }
  }
}

export const validatieFout = (fields: Record<string, string>, message = 'Niet alle velden zijn goed ingevuld.') =>
  new DomainError('validatie', 'validatie', message, fields)

export const fromZod = (error: z.ZodError, message?: string) => validatieFout(issuesToFields(error.issues), message)

export const nietIngelogd = () => new DomainError('niet-ingelogd', 'niet-ingelogd', 'Log in om verder te gaan.')
export const geenToegang = () => new DomainError('geen-toegang', 'geen-toegang', 'U heeft geen toegang tot deze functie.')
export const nietGevonden = (wat: string) => new DomainError('niet-gevonden', 'niet-gevonden', `${wat} is niet gevonden.`)
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message)
export const nietBeschikbaar = (code: string, message: string, retryAfterSeconds?: number) =>
  new DomainError('niet-beschikbaar', code, message, undefined, retryAfterSeconds)
export const zoekenNietBeschikbaar = () =>
  nietBeschikbaar('zoeken-niet-beschikbaar', 'De zoekmachine antwoordt niet. Probeer het zo opnieuw.', 5)
