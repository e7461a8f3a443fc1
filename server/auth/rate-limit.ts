import { createHash } from 'node:crypto'
import { and, count, eq, gte, inArray, lt, min } from 'drizzle-orm'
import { loginPoging } from '../../db/schema.js'
import type { Deps } from '../context.js'
import { DomainError } from '../domain/errors.js'
import { iso } from '../clock.js'

// Failed logins are counted per account and per address in the database (works across
// instances, survives restarts). The e-mail is stored hashed: the table holds no personal data.

export const LOGIN_WINDOW_MS = 15 * 60 * 1000
/** Per account: guessing one person's password. */
export const LOGIN_MAX_FAILURES = 10
/**
 * Per address: guessing across accounts. Higher, because a gemeente office or a proxy without
 * TRUST_PROXY puts many honest colleagues behind one address.
 */
export const LOGIN_MAX_FAILURES_PER_ADRES = 50

export function loginKeys(email: string, address: string): string[] {
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')
  return [`account:${account}`, `adres:${address}`]
}

/** Throws 429 when either key has too many recent failures. */
export async function assertLoginAllowed(deps: Deps, keys: string[]): Promise<void> {
  const now = deps.clock.now().getTime()
  const since = iso(new Date(now - LOGIN_WINDOW_MS))
  const rows = await deps.db
    .select({ sleutel: loginPoging.sleutel, n: count(), oldest: min(loginPoging.at) })
    .from(loginPoging)
    .where(and(inArray(loginPoging.sleutel, keys), gte(loginPoging.at, since)))
    .groupBy(loginPoging.sleutel)
  const blocked = rows.filter((r) => r.n >= (r.sleutel.startsWith('adres:') ? LOGIN_MAX_FAILURES_PER_ADRES : LOGIN_MAX_FAILURES))
  if (blocked.length === 0) return
  const freeAt = Math.max(...blocked.map((r) => new Date(r.oldest!).getTime() + LOGIN_WINDOW_MS))
  const seconds = Math.max(1, Math.ceil((freeAt - now) / 1000))
  const minutes = Math.ceil(seconds / 60)
  throw new DomainError(
    'te-veel-pogingen',
    'te-veel-pogingen',
    `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    undefined,
    seconds,
  )
}

export async function recordLoginFailure(deps: Deps, keys: string[]): Promise<void> {
  const now = deps.clock.now()
  await deps.db.insert(loginPoging).values(keys.map((sleutel) => ({ sleutel, at: iso(now) })))
  // Keep the table small: attempts older than the window no longer count.
  await deps.db.delete(loginPoging).where(lt(loginPoging.at, iso(new Date(now.getTime() - LOGIN_WINDOW_MS))))
}

/** A successful login clears the account's failures (not the address's). */
export async function clearAccountFailures(deps: Deps, keys: string[]): Promise<void> {
  await deps.db.delete(loginPoging).where(eq(loginPoging.sleutel, keys[0]!))
}
