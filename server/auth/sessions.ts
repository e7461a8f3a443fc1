import { createHmac, randomBytes } from 'node:crypto'
import { and, eq, lt, sql } from 'drizzle-orm'
import { gebruiker, sessie } from '../../db/schema.js'
import type { Actor, Deps } from '../context.js'
import { iso } from '../clock.js'

// Sessions live in the database so logout and expiry hold across restarts and instances.
// The cookie carries a random token; the table stores only its HMAC under SESSION_SECRET.

export const SESSION_ABSOLUTE_MS = 10 * 60 * 60 * 1000 // one working day
export const SESSION_IDLE_MS = 60 * 60 * 1000 // an hour without activity ends the session
const TOUCH_EVERY_MS = 60 * 1000 // write lastSeenAt at most once a minute

export const hashToken = (deps: Deps, token: string) =>
  createHmac('sha256', deps.config.sessionSecret).update(token).digest('base64url')

export async function createSession(deps: Deps, gebruikerId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const now = deps.clock.now()
  await deps.db.insert(sessie).values({
    tokenHash: hashToken(deps, token),
    gebruikerId,
    createdAt: iso(now),
    lastSeenAt: iso(now),
    expiresAt: iso(new Date(now.getTime() + SESSION_ABSOLUTE_MS)),
  })
  return token
}

// Every authenticated request runs this lookup, so it is a prepared statement (built once per database).
const lookups = new WeakMap<Deps['db'], ReturnType<typeof prepareLookup>>()
const prepareLookup = (db: Deps['db']) =>
  db
    .select({ s: sessie, g: gebruiker })
    .from(sessie)
    .innerJoin(gebruiker, eq(gebruiker.id, sessie.gebruikerId))
    .where(eq(sessie.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare()

/** The actor behind a token, or undefined when the session is unknown, expired or idle too long. */
export async function resolveSession(deps: Deps, tokenHash: string): Promise<Actor | undefined> {
  let lookup = lookups.get(deps.db)
  if (!lookup) lookups.set(deps.db, (lookup = prepareLookup(deps.db)))
  const row = (await lookup.all({ tokenHash }))[0]
  if (!row) return undefined
  const now = deps.clock.now()
  const idleSince = now.getTime() - new Date(row.s.lastSeenAt).getTime()
  if (now >= new Date(row.s.expiresAt) || idleSince >= SESSION_IDLE_MS || !row.g.actief) {
    await deps.db.delete(sessie).where(eq(sessie.tokenHash, tokenHash))
    return undefined
  }
  if (idleSince >= TOUCH_EVERY_MS) {
    await deps.db.update(sessie).set({ lastSeenAt: iso(now) }).where(eq(sessie.tokenHash, tokenHash))
  }
  const g = row.g
  return { id: g.id, email: g.email, naam: g.naam, rol: g.rol, organisatieId: g.organisatieId }
}

export async function deleteSession(deps: Deps, tokenHash: string): Promise<void> {
  await deps.db.delete(sessie).where(eq(sessie.tokenHash, tokenHash))
}

export async function deleteExpiredSessions(deps: Deps): Promise<void> {
  await deps.db.delete(sessie).where(lt(sessie.expiresAt, iso(deps.clock.now())))
}

export async function deleteSessionsOf(deps: Deps, gebruikerId: string): Promise<void> {
  await deps.db.delete(sessie).where(and(eq(sessie.gebruikerId, gebruikerId)))
}
