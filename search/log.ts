// What search writes to the server's log. The server passes its logger in (search/ does not
// import the server); a line names the kind of error and a driver's code, never the message,
// which for a database error can carry a statement's parameters.

/** One structured log line, as the server's logger takes it. */
export type LogLine = (line: Record<string, unknown>) => void

/** The kind and code of an error, for a log line. */
export function errorFields(err: unknown): { error: string; code?: string } {
  const e = err as { name?: unknown; code?: unknown; cause?: { code?: unknown } } | undefined
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined
  return { error: typeof e?.name === 'string' ? e.name : typeof err, ...(code ? { code } : {}) }
}
