import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { Secret, TOTP } from 'otpauth'
import { gebruiker, herstelcode, tweestap } from '../../db/schema.js'
import type { Actor, Deps } from '../context.js'
import { DomainError } from '../domain/errors.js'
import { iso } from '../clock.js'
import { clearAccountFailures, takeLoginAttempt } from '../auth/rate-limit.js'
import { createSession, deleteSession, openToken, sealToken } from '../auth/sessions.js'

// Two-step verification (TOTP, RFC 6238, via otpauth) for beheerders who log in with a password
// (docs/security.md "Twee stappen"). Required in production unless TOTP_VERPLICHT=false, and for
// any beheerder who has set it up. After the password, the browser holds a signed pending token
// (5 minutes) and sends a code from the app, or a recovery code; only then is there a session.

const PERIOD = 30
export const WACHTEN_MS = 5 * 60 * 1000
const HERSTELCODES = 10

/** What a beheerder must do after a correct password: nothing, give a code, or set it up first. */
export type TweedeStap = 'geen' | 'code' | 'instellen'

export async function tweedeStapVoor(deps: Deps, row: { id: string; rol: string }): Promise<TweedeStap> {
  if (row.rol !== 'beheerder') return 'geen'
  const t = (await deps.db.select().from(tweestap).where(eq(tweestap.gebruikerId, row.id)).limit(1))[0]
  if (t?.bevestigdOp) return 'code'
  return deps.config.totpVerplicht ? 'instellen' : 'geen'
}

// --- the pending token: who passed the password, until when ------------------------------------

export const sealPending = (deps: Deps, gebruikerId: string): string => sealToken(deps, 'tweestap', { g: gebruikerId }, WACHTEN_MS)

const verlopen = () => new DomainError('niet-ingelogd', 'tweede-stap-verlopen', 'Log opnieuw in met uw wachtwoord: de tijd voor de code is voorbij.')

function openPending(deps: Deps, sealed: string | undefined): string {
  const pending = openToken<{ g: string }>(deps, 'tweestap', sealed)
  if (!pending) throw verlopen()
  return pending.g
}

// --- the secret, encrypted at rest under SESSION_SECRET ----------------------------------------

const key = (deps: Deps) => createHash('sha256').update(`tweestap-geheim\n${deps.config.sessionSecret}`).digest()

function encrypt(deps: Deps, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(deps), iv)
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.')
}

function decrypt(deps: Deps, sealed: string): string {
  const [iv, tag, ct] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'))
  const decipher = createDecipheriv('aes-256-gcm', key(deps), iv!)
  decipher.setAuthTag(tag!)
  return Buffer.concat([decipher.update(ct!), decipher.final()]).toString('utf8')
}

const totpOf = (secret: string, label = '') => new TOTP({ issuer: 'Participatieplekken', label, secret: Secret.fromBase32(secret), period: PERIOD, digits: 6, algorithm: 'SHA1' })

/** A new (unconfirmed) secret for a beheerder who must set up the second step: what the app needs. */
export async function beginInstellen(deps: Deps, g: { id: string; email: string }): Promise<{ otpauthUrl: string; geheim: string }> {
  const secret = new Secret({ size: 20 }).base32
  const row = { gebruikerId: g.id, geheim: encrypt(deps, secret), laatsteStap: null, bevestigdOp: null, createdAt: iso(deps.clock.now()) }
  // an unconfirmed earlier attempt is replaced; a confirmed one never is (checked by the caller)
  await deps.db.insert(tweestap).values(row).onConflictDoUpdate({ target: tweestap.gebruikerId, set: { geheim: row.geheim, laatsteStap: null, createdAt: row.createdAt }, where: isNull(tweestap.bevestigdOp) })
  return { otpauthUrl: totpOf(secret, g.email).toString(), geheim: secret }
}

// --- recovery codes: shown once, stored as HMACs (each has ~50 bits of chance) -----------------

const ALFABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const hashCode = (deps: Deps, code: string) => createHmac('sha256', deps.config.sessionSecret).update(`herstelcode\n${code.replace(/[^a-z0-9]/gi, '').toLowerCase()}`).digest('base64url')
const newCode = () => Array.from({ length: 10 }, (_, i) => (i === 5 ? '-' : '') + ALFABET[randomInt(ALFABET.length)]).join('')

const onjuist = () => new DomainError('niet-ingelogd', 'code-onjuist', 'Deze code klopt niet. Gebruik de code die uw app nu toont, of een herstelcode.')

/**
 * The second step: the pending token from the password step and a code from the app (or a
 * recovery code). The first correct code of a new set-up confirms it and answers the recovery
 * codes, once. Attempts count against the account like passwords (server/auth/rate-limit.ts).
 */
export async function finishTweedeStap({
  deps,
  pending,
  code,
  previousTokenHash,
}: {
  deps: Deps
  pending: string | undefined
  code: string
  previousTokenHash?: string
}): Promise<{ token: string; actor: Actor; herstelcodes?: string[] }> {
  const gebruikerId = openPending(deps, pending)
  const keys = [`tweestap:${gebruikerId}`]
  const attempt = await takeLoginAttempt(deps, keys)
  const g = (await deps.db.select().from(gebruiker).where(eq(gebruiker.id, gebruikerId)).limit(1))[0]
  const t = (await deps.db.select().from(tweestap).where(eq(tweestap.gebruikerId, gebruikerId)).limit(1))[0]
  if (!g || !g.actief || !t) throw verlopen()
  let herstelcodes: string[] | undefined
  const nu = deps.clock.now()
  const compact = code.replace(/\s/g, '')
  if (/^\d{6}$/.test(compact)) {
    const delta = totpOf(decrypt(deps, t.geheim)).validate({ token: compact, timestamp: nu.getTime(), window: 1 })
    const stap = delta === null ? null : Math.floor(nu.getTime() / 1000 / PERIOD) + delta
    // a code works once: not again, and no older one after it
    if (stap === null || (t.laatsteStap !== null && stap <= t.laatsteStap)) throw onjuist()
    const updated = await deps.db
      .update(tweestap)
      .set({ laatsteStap: stap, bevestigdOp: t.bevestigdOp ?? iso(nu) })
      .where(eq(tweestap.gebruikerId, gebruikerId))
      .returning({ id: tweestap.gebruikerId })
    if (updated.length !== 1) throw onjuist()
    if (!t.bevestigdOp) {
      herstelcodes = Array.from({ length: HERSTELCODES }, newCode)
      await deps.db.delete(herstelcode).where(eq(herstelcode.gebruikerId, gebruikerId))
      await deps.db.insert(herstelcode).values(herstelcodes.map((c) => ({ gebruikerId, hash: hashCode(deps, c) })))
    }
  } else {
    if (!t.bevestigdOp) throw onjuist()
    const used = await deps.db
      .update(herstelcode)
      .set({ gebruiktOp: iso(nu) })
      .where(and(eq(herstelcode.gebruikerId, gebruikerId), eq(herstelcode.hash, hashCode(deps, compact)), isNull(herstelcode.gebruiktOp)))
      .returning({ id: herstelcode.id })
    if (used.length !== 1) throw onjuist()
  }
  await clearAccountFailures(deps, keys, attempt)
  if (previousTokenHash) await deleteSession(deps, previousTokenHash)
  const token = await createSession(deps, g.id)
  return { token, actor: { id: g.id, email: g.email, naam: g.naam, rol: g.rol, organisatieId: g.organisatieId }, herstelcodes }
}
