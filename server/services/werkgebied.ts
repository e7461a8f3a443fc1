import { asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { gebruiker, gemeente, werkgebied } from '../../db/schema.js'
import type { Db, Tx } from '../../db/client.js'
import type { Ctx } from '../context.js'
import { validatieFout } from '../domain/errors.js'
import { perDatabase } from '../../db/per-database.js'

// The werkgebied is the boundary of deelnemer data (docs/privacy.md "De grens: gemeenten"): a
// jobhunter, jobcoach or beheerder sees deelnemers of the gemeenten in their werkgebied and
// nothing else; outside it every answer is the 404 of a record that does not exist. A platform
// beheerder (ADMIN_EMAIL is one) has every gemeente. Werkgevers have no werkgebied.

export type Werkgebied = { alle: true } | { alle: false; gemeenten: string[] }

// Read once per request: the ctx object is made per request (auth/middleware ctxOf), the actor
// object may be cached across requests by the session cache, so the key is the ctx.
const perRequest = new WeakMap<object, Promise<Werkgebied>>()

/** The caller's werkgebied (cached for the request). */
export function loadWerkgebied(ctx: Ctx): Promise<Werkgebied> {
  let wg = perRequest.get(ctx)
  if (!wg) {
    wg = werkgebiedOf(ctx.db).all({ id: ctx.actor.id }).then(([g]) => toWerkgebied(g))
    perRequest.set(ctx, wg)
  }
  return wg
}

/** The role and the gemeenten in one statement (every scoped request reads this first). */
const selectWerkgebied = (db: Db | Tx) =>
  db
    .select({
      rol: gebruiker.rol,
      platform: gebruiker.platformBeheerder,
      gemeenten: sql<string>`(select json_group_array(${werkgebied.gemeenteId}) from ${werkgebied} where ${werkgebied.gebruikerId} = ${gebruiker.id})`,
    })
    .from(gebruiker)
const werkgebiedOf = perDatabase((db) => selectWerkgebied(db).where(eq(gebruiker.id, sql.placeholder('id'))).prepare())

function toWerkgebied(g: { rol: string; platform: boolean; gemeenten: string } | undefined): Werkgebied {
  if (!g || g.rol === 'werkgever') return { alle: false, gemeenten: [] }
  if (g.rol === 'beheerder' && g.platform) return { alle: true }
  return { alle: false, gemeenten: JSON.parse(g.gemeenten) as string[] }
}

export async function readWerkgebied(db: Db | Tx, gebruikerId: string): Promise<Werkgebied> {
  return toWerkgebied((await selectWerkgebied(db).where(eq(gebruiker.id, gebruikerId)))[0])
}

/** A where-clause keeping rows whose gemeente column is inside the werkgebied (undefined: no limit). */
export function withinWerkgebied(wg: Werkgebied, column: SQLWrapper): SQL | undefined {
  if (wg.alle) return undefined
  if (!wg.gemeenten.length) return sql`0`
  return inArray(column as never, wg.gemeenten)
}

export function includesGemeente(wg: Werkgebied, gemeenteId: string): boolean {
  return wg.alle || wg.gemeenten.includes(gemeenteId)
}

/** The gemeenten of the werkgebied, by name (for the deelnemer form's select and the monitor). */
export async function listGemeentenOf(ctx: Ctx) {
  const wg = await loadWerkgebied(ctx)
  return ctx.db.select({ id: gemeente.id, naam: gemeente.naam, cbsCode: gemeente.cbsCode }).from(gemeente).where(withinWerkgebied(wg, gemeente.id)).orderBy(asc(gemeente.naam), gemeente.id)
}

/**
 * The gemeente of a new deelnemer: the one asked for, if it is in the caller's werkgebied; else
 * the caller's only gemeente. A caller with several must choose (400 on `gemeenteId`).
 */
export async function chooseGemeente(ctx: Ctx, gevraagd: string | undefined): Promise<string> {
  const wg = await loadWerkgebied(ctx)
  if (gevraagd) {
    const [g] = await ctx.db.select({ id: gemeente.id }).from(gemeente).where(eq(gemeente.id, gevraagd))
    if (!g || !includesGemeente(wg, gevraagd)) throw validatieFout({ gemeenteId: 'Kies een gemeente uit uw werkgebied.' })
    return gevraagd
  }
  if (!wg.alle && wg.gemeenten.length === 1) return wg.gemeenten[0]!
  if (!wg.alle && !wg.gemeenten.length) throw validatieFout({ gemeenteId: 'U hebt nog geen werkgebied; vraag de beheerder om een gemeente.' })
  throw validatieFout({ gemeenteId: 'Kies de gemeente van de deelnemer.' })
}
