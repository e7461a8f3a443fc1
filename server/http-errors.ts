import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, nietBeschikbaar, type FoutSoort } from './domain/errors.js'
import { isBusyError, isReadOnlyError, isUnreachableError } from '../db/client.js'
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
 * database (try again soon), a read-only or full one, a libSQL server that does not answer, a
 * search engine that does not answer.
 */
export function dependencyFailure(err: unknown): DomainError | undefined {
  if (isBusyError(err)) return nietBeschikbaar('database-bezet', 'De database is even bezet. Probeer het zo opnieuw.', 2)
  if (isSearchUnavailable(err)) return nietBeschikbaar('zoeken-niet-beschikbaar', 'De zoekmachine antwoordt niet. Probeer het zo opnieuw.', 5)
  if (isReadOnlyError(err)) return nietBeschikbaar('database-alleen-lezen', 'Opslaan lukt nu niet: de database is alleen-lezen of vol.')
  // after the search engine's own check: a Meilisearch that cannot be reached is about search
  if (isUnreachableError(err)) return nietBeschikbaar('database-onbereikbaar', 'De database antwoordt niet. Probeer het zo opnieuw.', 5)
  return undefined
}

/**
 * What the error log may hold about an unexpected error: its kind, a driver's error code and
 * where it was thrown. Never the message: a database error's message carries the statement's
 * parameters (an e-mail address, a name, a password hash).
 */
export function errorLogFields(err: unknown) {
  const e = err as { stack?: string; cause?: unknown } | undefined
  // the driver's error under drizzle's (LibsqlError), by kind
  const cause = e?.cause && typeof e.cause === 'object' ? errorFields(e.cause).error : undefined
  // stack frames only: a stack starts with the message, which may span lines (drizzle's second line is "params: …")
  const frames = e?.stack?.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('at ')).slice(0, 4).join(' | ')
  return { ...errorFields(err), ...(cause ? { cause } : {}), ...(frames ? { at: frames } : {}) }
}
