import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, nietBeschikbaar, type FoutSoort } from './domain/errors.js'
import { isBusyError, isReadOnlyError } from '../db/client.js'

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

/** The meilisearch client's errors for a server that cannot be reached or does not answer in time. */
export const isSearchEngineDown = (err: unknown) => /^Meilisearch(Request|RequestTimeOut)Error$/.test((err as Error | undefined)?.name ?? '')

/**
 * Failures of a dependency that are nobody's mistake, as the DomainError the user sees: a busy
 * database (try again soon), a read-only or full one, a search engine that does not answer.
 */
export function dependencyFailure(err: unknown): DomainError | undefined {
  if (isBusyError(err)) return nietBeschikbaar('database-bezet', 'De database is even bezet. Probeer het zo opnieuw.', 2)
  if (isSearchEngineDown(err)) return nietBeschikbaar('zoeken-niet-beschikbaar', 'De zoekmachine antwoordt niet. Probeer het zo opnieuw.', 5)
  if (isReadOnlyError(err)) return nietBeschikbaar('database-alleen-lezen', 'Opslaan lukt nu niet: de database is alleen-lezen of vol.')
  return undefined
}

/**
 * What the error log may hold about an unexpected error: its kind, a driver's error code and
 * where it was thrown. Never the message: a database error's message carries the statement's
 * parameters (an e-mail address, a name, a password hash).
 */
export function errorLogFields(err: unknown) {
  const e = err as { name?: string; code?: unknown; cause?: { code?: unknown }; stack?: string } | undefined
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined
  // stack frames only: the first line of a stack repeats the message
  const frames = e?.stack?.split('\n').slice(1, 5).map((l) => l.trim()).join(' | ')
  return { error: e?.name ?? typeof err, ...(code ? { code } : {}), ...(frames ? { at: frames } : {}) }
}
