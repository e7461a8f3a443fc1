import { sql, type AnyColumn, type SQL } from 'drizzle-orm'

/**
 * `column LIKE '%text%'` for a text the user typed: `%`, `_` and `\` are escaped, so they match
 * themselves instead of acting as wildcards ("50%" finds "50%", not everything starting with 50).
 * SQLite's LIKE ignores case for ASCII letters.
 */
export function contains(column: AnyColumn, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`)
  return sql`${column} like ${`%${escaped}%`} escape '\\'`
}
