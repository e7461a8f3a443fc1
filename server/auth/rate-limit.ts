import { createHash } from 'node:crypto'
import { and, count, gte, inArray, lt, max, or } from 'drizzle-orm'
import { loginPoging } from '../../db/schema.js'
import type { Deps } from '../context.js'
import { DomainError } from '../domain/errors.js'
import { iso } from '../clock.js'

// Login guessing is slowed by progressive delays, not stopped by a wall (docs/security.md
// "Inlogpogingen"). Failures are counted in the database per account, per address and per
// account-and-address (across instances, across restarts); the e-mail is stored hashed, so the
// table holds no personal data.

/** Failures older than this no longer count (the table is pruned to it). */
export const LOGIN_WINDOW_MS = 24 * 60 * 60 * 1000

export interface Curve {
  /** Failures that cost nothing: typing mistakes. */
  free: number
  /** The wait after the first failure beyond `free`; it doubles with each further one. */
  firstDelayMs: number
  /** The longest wait. */
  maxDelayMs: number
}

/**
 * Per account from any address: someone guessing one person's password from many addresses.
 * The cap stays short, because the rightful user shares this key with the attacker.
 */
export const ACCOUNT_CURVE: Curve = { free: 10, firstDelayMs: 5_000, maxDelayMs: 60_000 }
/**
 * Per account from one address: the usual guesser. Grows to a long wait, which the rightful user
 * at another address never shares.
 */
export const PAIR_CURVE: Curve = { free: 10, firstDelayMs: 5_000, maxDelayMs: 15 * 60_000 }
/**
 * Per address across accounts: trying one password on many accounts. Starts later and stays
 * short, because a gemeente office or a proxy puts many honest colleagues behind one address.
 */
export const ADRES_CURVE: Curve = { free: 50, firstDelayMs: 5_000, maxDelayMs: 60_000 }

/** Kept for the tests and docs: failures per account before the first wait. */
export const LOGIN_MAX_FAILURES = ACCOUNT_CURVE.free
export const LOGIN_MAX_FAILURES_PER_ADRES = ADRES_CURVE.free

/** The wait before the next attempt after `failures` failures in the window. */
export function delayAfter(curve: Curve, failures: number): number {
  if (failures < curve.free) return 0
  const step = failures - curve.free // 0 for the first failure beyond the free ones
  return Math.min(curve.maxDelayMs, curve.firstDelayMs * 2 ** Math.min(step, 30))
}

/**
 * Self-registration (docs/aanmelden.md "Misbruik") counts every registration with the same three
 * keys as login: the e-mail domain for the account (short cap: everybody at gmail.com shares it),
 * the address (short cap: an office), and the domain at one address (the usual abuser, long cap).
 */
export const AANMELDING_CURVES: Record<string, Curve> = {
  'aanmelding-domein:': { free: 20, firstDelayMs: 5_000, maxDelayMs: 60_000 },
  'aanmelding-adres:': { free: 10, firstDelayMs: 5_000, maxDelayMs: 60_000 },
  'aanmelding-paar:': { free: 5, firstDelayMs: 5_000, maxDelayMs: 15 * 60_000 },
}

const curveOf = (sleutel: string) =>
  Object.entries(AANMELDING_CURVES).find(([prefix]) => sleutel.startsWith(prefix))?.[1] ??
  (sleutel.startsWith('adres:') ? ADRES_CURVE : sleutel.startsWith('paar:') ? PAIR_CURVE : ACCOUNT_CURVE)

/** The keys of one attempt: [account, address, account-and-address]. */
export function loginKeys(email: string, address: string): string[] {
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')
  const paar = createHash('sha256').update(`${account}\n${address}`).digest('base64url')
  return [`account:${account}`, `adres:${address}`, `paar:${paar}`]
}

/** The keys of one self-registration: [domain, address, domain-and-address]. */
export function aanmeldingKeys(email: string, address: string): string[] {
  const domein = createHash('sha256').update(email.trim().toLowerCase().split('@').pop() ?? '').digest('base64url')
  const paar = createHash('sha256').update(`${domein}\n${address}`).digest('base64url')
  return [`aanmelding-domein:${domein}`, `aanmelding-adres:${address}`, `aanmelding-paar:${paar}`]
}

/** One login attempt, taken before the password is checked: the ids of its rows (one per key). */
export interface LoginAttempt {
  ids: number[]
}

/**
 * Takes one attempt for every key *before* the password is checked: its rows are inserted in one
 * statement, then the failures before it (lower ids) are counted. Each attempt is decided on the
 * attempts inserted before it alone, which it always sees, so however many arrive at once, on any
 * number of instances, only the free ones reach the password check; an attempt still being checked
 * counts as a failure for the ones after it. Refused (429, Retry-After) when any key's wait since
 * its last failure has not passed; the refused attempt is withdrawn, so waiting and retrying works.
 */
export async function takeLoginAttempt(deps: Deps, keys: string[], wat = 'Te veel mislukte inlogpogingen.'): Promise<LoginAttempt> {
  const nowDate = deps.clock.now()
  const now = nowDate.getTime()
  const inserted = await deps.db
    .insert(loginPoging)
    .values(keys.map((sleutel) => ({ sleutel, at: iso(nowDate) })))
    .returning({ id: loginPoging.id })
  const attempt = { ids: inserted.map((r) => r.id) }
  const before = Math.min(...attempt.ids)
  const rows = await deps.db
    .select({ sleutel: loginPoging.sleutel, n: count(), last: max(loginPoging.at) })
    .from(loginPoging)
    .where(and(inArray(loginPoging.sleutel, keys), gte(loginPoging.at, iso(new Date(now - LOGIN_WINDOW_MS))), lt(loginPoging.id, before)))
    .groupBy(loginPoging.sleutel)
  // A key still within its free failures asks no wait at all: the last attempt before this one may
  // carry a later time than `now` (stamped when it started, stored before this one: another
  // instance, a slow database), which must not turn into "wait 1 second".
  const freeAt = Math.max(0, ...rows.map((r) => {
    const delay = delayAfter(curveOf(r.sleutel), r.n)
    return delay === 0 ? 0 : new Date(r.last!).getTime() + delay
  }))
  if (freeAt <= now) return attempt
  await deps.db.delete(loginPoging).where(inArray(loginPoging.id, attempt.ids))
  const seconds = Math.max(1, Math.ceil((freeAt - now) / 1000))
  throw new DomainError('te-veel-pogingen', 'te-veel-pogingen', `${wat} Wacht ${wait(seconds)} en probeer het dan opnieuw.`, undefined, seconds)
}

const wait = (seconds: number) => {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`
}

/** A wrong password: the attempt stays as a failure of every key. */
export async function recordLoginFailure(deps: Deps): Promise<void> {
  // Keep the table small: attempts older than the window no longer count.
  await deps.db.delete(loginPoging).where(lt(loginPoging.at, iso(new Date(deps.clock.now().getTime() - LOGIN_WINDOW_MS))))
}

/**
 * A successful login clears the account's failures (from every address) and does not count as
 * one; the address keeps its failures on other accounts.
 */
export async function clearAccountFailures(deps: Deps, keys: string[], attempt: LoginAttempt): Promise<void> {
  const own = keys.filter((k) => !k.startsWith('adres:'))
  await deps.db.delete(loginPoging).where(or(inArray(loginPoging.sleutel, own), inArray(loginPoging.id, attempt.ids)))
}
