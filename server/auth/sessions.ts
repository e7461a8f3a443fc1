import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { and, eq, lte, or, sql } from 'drizzle-orm'
import { gebruiker, sessie } from '../../db/schema.js'
import type { Actor, Deps } from '../context.js'
import { iso } from '../clock.js'
import { isReadOnlyError } from '../../db/client.js'
import { perDatabase } from '../../db/per-database.js'

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
const lookupOf = perDatabase((db) =>
  db
    .select({ s: sessie, g: gebruiker })
    .from(sessie)
    .innerJoin(gebruiker, eq(gebruiker.id, sessie.gebruikerId))
    .where(eq(sessie.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare(),
)

/**
 * A short-lived cache of resolved sessions, per database: the lookup was the largest part of every
 * request's overhead. Logout, a new password and disabling an account clear it at once on this
 * instance; another instance may honour a logged-out session for at most CACHE_MS.
 */
const CACHE_MS = 2000
type Cached = { actor: Actor; expiresAt: number; lastSeenAt: number; cachedAt: number }
const caches = new WeakMap<Deps['db'], Map<string, Cached>>()
const cacheOf = (deps: Deps) => {
  let cache = caches.get(deps.db)
  if (!cache) caches.set(deps.db, (cache = new Map()))
  return cache
}

/** Forgets cached sessions: one token, or every session of one person. */
export function forgetSessions(deps: Deps, by: { tokenHash?: string; gebruikerId?: string }) {
  const cache = cacheOf(deps)
  if (by.tokenHash) cache.delete(by.tokenHash)
  if (by.gebruikerId) for (const [k, v] of cache) if (v.actor.id === by.gebruikerId) cache.delete(k)
}

/** The actor behind a token, or undefined when the session is unknown, expired or idle too long. */
export async function resolveSession(deps: Deps, tokenHash: string): Promise<Actor | undefined> {
  const nowMs = deps.clock.now().getTime()
  const cache = cacheOf(deps)
  const hit = cache.get(tokenHash)
  if (hit && nowMs - hit.cachedAt < CACHE_MS && nowMs >= hit.cachedAt && nowMs < hit.expiresAt && nowMs - hit.lastSeenAt < SESSION_IDLE_MS) {
    return hit.actor
  }
  cache.delete(tokenHash)
  const row = (await lookupOf(deps.db).all({ tokenHash }))[0]
  if (!row) return undefined
  const now = deps.clock.now()
  const idleSince = now.getTime() - new Date(row.s.lastSeenAt).getTime()
  if (now >= new Date(row.s.expiresAt) || idleSince >= SESSION_IDLE_MS || !row.g.actief) {
    await deps.db.delete(sessie).where(eq(sessie.tokenHash, tokenHash))
    return undefined
  }
  let lastSeenAt = new Date(row.s.lastSeenAt).getTime()
  if (idleSince >= TOUCH_EVERY_MS) {
    try {
      await deps.db.update(sessie).set({ lastSeenAt: iso(now) }).where(eq(sessie.tokenHash, tokenHash))
      lastSeenAt = now.getTime()
    } catch (e) {
      // A database that takes no writes (read-only, full, or writes blocked on the libSQL server)
      // still answers reads: the session stays valid on its last activity, and the request goes on.
      if (!isReadOnlyError(e)) throw e
    }
  }
  const g = row.g
  const actor: Actor = { id: g.id, email: g.email, naam: g.naam, rol: g.rol, organisatieId: g.organisatieId }
  if (cache.size > 10_000) cache.clear()
  cache.set(tokenHash, { actor, expiresAt: new Date(row.s.expiresAt).getTime(), lastSeenAt, cachedAt: now.getTime() })
  return actor
}

export async function deleteSession(deps: Deps, tokenHash: string): Promise<void> {
  forgetSessions(deps, { tokenHash })
  await deps.db.delete(sessie).where(eq(sessie.tokenHash, tokenHash))
}

/**
 * Deletes the sessions that can no longer be used: past their absolute end, or idle too long
 * (docs/privacy.md). A used session removes itself when it is found expired; this removes the
 * ones nobody comes back to. Runs daily (server/daily-jobs.ts). Answers how many were deleted.
 */
export async function deleteExpiredSessions(deps: Deps): Promise<number> {
  const now = deps.clock.now()
  const idleSince = iso(new Date(now.getTime() - SESSION_IDLE_MS))
  const deleted = await deps.db
    .delete(sessie)
    .where(or(lte(sessie.expiresAt, iso(now)), lte(sessie.lastSeenAt, idleSince)))
    .returning({ tokenHash: sessie.tokenHash })
  for (const { tokenHash } of deleted) forgetSessions(deps, { tokenHash })
  return deleted.length
}

export async function deleteSessionsOf(deps: Deps, gebruikerId: string): Promise<void> {
  forgetSessions(deps, { gebruikerId })
  await deps.db.delete(sessie).where(and(eq(sessie.gebruikerId, gebruikerId)))
}

/**
 * A short-lived value the browser keeps for us between two requests (the OIDC step, the pending
 * second step of a login): JSON with an end time, signed with SESSION_SECRET for one purpose.
 * Not secret from the browser, but it cannot change or extend it.
 */
export function sealToken(deps: Deps, purpose: string, value: object, ttlMs: number): string {
  const data = Buffer.from(JSON.stringify({ ...value, tot: deps.clock.now().getTime() + ttlMs })).toString('base64url')
  return `${data}.${tokenMac(deps, purpose, data)}`
}

/** The value of a sealed token, or undefined when it is missing, altered, for another purpose or past its end. */
export function openToken<T extends object>(deps: Deps, purpose: string, sealed: string | undefined): T | undefined {
  const [data, mac] = (sealed ?? '').split('.')
  if (!data || !mac) return undefined
  const given = Buffer.from(mac)
  const expected = Buffer.from(tokenMac(deps, purpose, data))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  const value = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as T & { tot: number }
  return value.tot > deps.clock.now().getTime() ? value : undefined
}

const tokenMac = (deps: Deps, purpose: string, data: string) => createHmac('sha256', deps.config.sessionSecret).update(`${purpose}\n${data}`).digest('base64url')
