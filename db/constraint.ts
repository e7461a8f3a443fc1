/**
 * Whether `err` (a drizzle query error, or the driver's error under it) is a UNIQUE or primary key
 * violation, optionally of one constraint, named as SQLite names it: "gebruiker.email", or the
 * columns of a unique index ("voorstel.deelnemer_id, voorstel.plek_id").
 *
 * Services use it to turn the database's verdict in a race (two requests that both passed the
 * check before their insert) into the same conflict the check gives. The message is read here,
 * never logged: it may hold the statement's parameters.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e = err as { code?: unknown; extendedCode?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const codes = `${String(e.code ?? '')} ${String(e.extendedCode ?? '')}`
    const message = typeof e.message === 'string' ? e.message : ''
    const unique = /SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(codes) || (/SQLITE_CONSTRAINT/.test(codes) && /UNIQUE constraint failed/.test(message))
    if (unique) return constraint === undefined || message.includes(`failed: ${constraint}`)
  }
  return false
}
