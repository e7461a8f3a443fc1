import { createHash } from 'node:crypto'
import { and, count, eq, gte, inArray, lt, min, or } from 'drizzle-orm'
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

/** One login attempt, taken before the password is checked: the ids of its rows (one per key). */
export interface LoginAttempt {
  ids: number[]
}

const limitOf = (sleutel: string) => (sleutel.startsWith('adres:') ? LOGIN_MAX_FAILURES_PER_ADRES : LOGIN_MAX_FAILURES)

/**
 * Takes one attempt for both keys *before* the password is checked, then counts the keys'
 * attempts in the window, this one included, and throws 429 (withdrawing this attempt) when either
 * is over its limit. Checking first and recording the failure after the slow password check let
 * every guess sent at the same moment through: 20 at once, spread over two instances, all had
 * their password checked (test/scale/two-instances.test.ts). Counting after inserting, each
 * attempt sees at least every attempt inserted before it, so however many arrive at once, on any
 * number of instances, at most the limit reach the password check.
 */
export async function takeLoginAttempt(deps: Deps, keys: string[]): Promise<LoginAttempt> {
  const nowDate = deps.clock.now()
  const now = nowDate.getTime()
  const inserted = await deps.db
    .insert(loginPoging)
    .values(keys.map((sleutel) => ({ sleutel, at: iso(nowDate) })))
    .returning({ id: loginPoging.id })
  const attempt = { ids: inserted.map((r) => r.id) }
  const since = iso(new Date(now - LOGIN_WINDOW_MS))
  const rows = await deps.db
    .select({ sleutel: loginPoging.sleutel, n: count(), oldest: min(loginPoging.at) })
    .from(loginPoging)
    .where(and(inArray(loginPoging.sleutel, keys), gte(loginPoging.at, since)))
    .groupBy(loginPoging.sleutel)
  const blocked = rows.filter((r) => r.n > limitOf(r.sleutel))
  if (blocked.length === 0) return attempt
  await deps.db.delete(loginPoging).where(inArray(loginPoging.id, attempt.ids))
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

/** A wrong password: the attempt stays as a failure of both keys. */
export async function recordLoginFailure(deps: Deps): Promise<void> {
  // Keep the table small: attempts older than the window no longer count.
  await deps.db.delete(loginPoging).where(lt(loginPoging.at, iso(new Date(deps.clock.now().getTime() - LOGIN_WINDOW_MS))))
}

/** A successful login clears the account's failures (not the address's) and does not count as one. */
export async function clearAccountFailures(deps: Deps, keys: string[], attempt: LoginAttempt): Promise<void> {
  await deps.db.delete(loginPoging).where(or(eq(loginPoging.sleutel, keys[0]!), inArray(loginPoging.id, attempt.ids)))
}
