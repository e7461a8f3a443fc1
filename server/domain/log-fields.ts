// What a log line may say about an error: its kind and a driver's code, never the message, which
// for a database error carries the statement's parameters (an e-mail address, a name, a password
// hash). Used by the server's error handler and by search's indexer.

type Fout = { name?: unknown; code?: unknown; extendedCode?: unknown; cause?: Fout; constructor?: { name?: string } }

/** The kind and code of an error (or of the driver's error under it), for a log line. */
export function errorFields(err: unknown): { error: string; code?: string } {
  const e = err as Fout | undefined
  // drizzle's query error is named plain "Error": its class says more
  const kind = typeof e?.name === 'string' && e.name !== 'Error' ? e.name : e?.constructor?.name || (typeof e?.name === 'string' ? e.name : typeof err)
  const code = [e?.extendedCode, e?.code, e?.cause?.extendedCode, e?.cause?.code].find((c): c is string => typeof c === 'string')
  return { error: kind, ...(code ? { code } : {}) }
}

/** An error as one short text without its message, e.g. `SearchUnavailableError` or `LibsqlError SQLITE_BUSY` (stored as a row's last error). */
export const errorKind = (e: unknown): string => {
  const f = errorFields(e)
  return f.code ? `${f.error} ${f.code}` : f.error
}
