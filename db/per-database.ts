import type { Db } from './client.js'

/**
 * Something made once per database handle and kept while the handle lives: a prepared statement
 * of a hot path (drizzle then builds its SQL once instead of on every call, ~50 µs each), or an
 * in-memory store. A test's app and the server each have their own handle, so nothing is shared
 * between them.
 */
export function perDatabase<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>()
  return (db) => {
    let value = made.get(db)
    if (value === undefined) made.set(db, (value = make(db)))
    return value
  }
}
