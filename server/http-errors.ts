import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, nietBeschikbaar, type FoutSoort } from './domain/errors.js'
import { isBusyError, isReadOnlyError } from '../db/client.js'
import { isSearchUnavailable } from '../search/port.js'
import { errorFields } from './domain/log-fields.js'

// The one place where a kind of failure becomes an HTTP status (app.ts onError uses it).

const statusVan: Record<FoutSoort, ContentfulStatusCode> = {
  validatie: 400,
  'niet-ingelogd': 401,
  'geen-toegang': 403,
  'niet-gevonden': 404,
  conflict: 409,
  'te-groot': 413,
  'geen-json': 415,
  'te-veel-pogingen': 429,
  'niet-beschikbaar': 503,
}

export const httpStatus = (e: DomainError): ContentfulStatusCode => statusVan[e.soort]


/**
 * Failures of a dependency that are nobody's mistake, as the DomainError the user sees: a busy
 * database (try again soon), a read-only or full one, a search engine that does not answer.
 */
export function dependencyFailure(err: unknown): DomainError | undefined {
  if (isBusyError(err)) return nietBeschikbaar('database-bezet', 'De database is even bezet. Probeer het zo opnieuw.', 2)
  if (isSearchUnavailable(err)) return nietBeschikbaar('zoeken-niet-beschikbaar', 'De zoekmachine antwoordt niet. Probeer het zo opnieuw.', 5)
  if (isReadOnlyError(err)) return nietBeschikbaar('database-alleen-lezen', 'Opslaan lukt nu niet: de database is alleen-lezen of vol.')
  return undefined
}

/**
 * What the error log may hold about an unexpected error: its kind, a driver's error code and
 * where it was thrown. Never the message: a database error's message carries the statement's
 * parameters (an e-mail address, a name, a password hash).
 */
export function errorLogFields(err: unknown) {
  // stack frames only: the first line of a stack repeats the message
  const frames = (err as Error | undefined)?.stack?.split('\n').slice(1, 5).map((l) => l.trim()).join(' | ')
  return { ...errorFields(err), ...(frames ? { at: frames } : {}) }
}
