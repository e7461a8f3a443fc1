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
