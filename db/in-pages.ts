import { sql, type SQLWrapper } from 'drizzle-orm'

/** How many ids one `in (…)` reads at most: well below SQLite's limit on bound values. */
export const PAGE = 500

/**
 * Reads rows for a list of ids of any length, PAGE ids per statement (a national data set can
 * have thousands of candidates; one statement with all of them would pass SQLite's limit).
 */
export async function readInPages<T>(ids: string[], read: (page: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += PAGE) out.push(...(await read(ids.slice(i, i + PAGE))))
  return out
}

/**
 * `column in (…)` for the values of one JSON array parameter (`json_each`): one bound value however
 * long the list, so the statement can be prepared once. Drizzle built an `in (?, ?, …)` anew on
 * every call, ~0.5 ms for a few hundred ids (issue 13). Pass the list as `JSON.stringify(ids)`.
 */
export const inJsonList = (column: SQLWrapper, param: string) => sql`${column} in (select value from json_each(${sql.placeholder(param)}))`
