import { eq } from 'drizzle-orm'
import { gebruiker } from '../../db/schema.js'
import type { Actor, Deps } from '../context.js'
import { DomainError } from '../domain/errors.js'
import { oidcFouten, type OidcFout } from '../domain/inloggen-fouten.js'
import { dummyHash, verifyPassword } from '../auth/password.js'
import { clearAccountFailures, loginKeys, recordLoginFailure, takeLoginAttempt } from '../auth/rate-limit.js'
import { createSession, deleteSession } from '../auth/sessions.js'
import { beginInstellen, sealPending, tweedeStapVoor } from './tweestap.js'

/**
 * Logs in: the attempt is counted against the rate limit first, then the password is checked
 * (same time spent for unknown e-mails), then a brand-new session; the old one, if the browser
 * had one, is deleted (rotation).
 */
export async function login({
  deps,
  input,
  address,
  previousTokenHash,
}: {
  deps: Deps
  input: { email: string; wachtwoord: string }
  address: string
  previousTokenHash?: string
}): Promise<{ token: string; actor: Actor } | { tweedeStap: 'code' | 'instellen'; pending: string; instellen?: { otpauthUrl: string; geheim: string } }> {
  const email = input.email.trim().toLowerCase()
  const keys = loginKeys(email, address)
  const attempt = await takeLoginAttempt(deps, keys)
  const row = (await deps.db.select().from(gebruiker).where(eq(gebruiker.email, email)).limit(1))[0]
  const ok = await verifyPassword(input.wachtwoord, row?.passwordHash ?? (await dummyHash))
  if (!row || !ok || !row.actief) {
    await recordLoginFailure(deps)
    throw new DomainError('niet-ingelogd', 'inloggen-mislukt', 'Het e-mailadres of het wachtwoord klopt niet.')
  }
  await clearAccountFailures(deps, keys, attempt)
  // a beheerder with two-step verification (or required to set it up) gets no session yet
  const stap = await tweedeStapVoor(deps, row)
  if (stap !== 'geen') {
    return { tweedeStap: stap, pending: sealPending(deps, row.id), ...(stap === 'instellen' ? { instellen: await beginInstellen(deps, row) } : {}) }
  }
  if (previousTokenHash) await deleteSession(deps, previousTokenHash)
  const token = await createSession(deps, row.id)
  return { token, actor: { id: row.id, email: row.email, naam: row.naam, rol: row.rol, organisatieId: row.organisatieId } }
}

/**
 * Logs in someone the gemeente's identity provider vouched for (server/auth/oidc.ts): only an
 * existing, active account with that verified e-mail address, and not a werkgever (they keep their
 * password). Nothing is created, and the role and werkgebied are this application's own. Refusals
 * carry the codes of domain/inloggen-fouten.ts.
 */
export async function loginWithOidc({
  deps,
  identiteit,
  previousTokenHash,
}: {
  deps: Deps
  identiteit: { email?: string; emailBevestigd: boolean }
  previousTokenHash?: string
}): Promise<{ token: string; actor: Actor }> {
  if (!identiteit.email || !identiteit.emailBevestigd) throw oidcFout('oidc-email-onbevestigd')
  const row = (await deps.db.select().from(gebruiker).where(eq(gebruiker.email, identiteit.email)).limit(1))[0]
  if (!row) throw oidcFout('oidc-onbekend')
  if (!row.actief) throw oidcFout('oidc-uitgeschakeld', 'geen-toegang')
  if (row.rol === 'werkgever') throw oidcFout('oidc-werkgever', 'geen-toegang')
  if (previousTokenHash) await deleteSession(deps, previousTokenHash)
  const token = await createSession(deps, row.id)
  return { token, actor: { id: row.id, email: row.email, naam: row.naam, rol: row.rol, organisatieId: row.organisatieId } }
}

const oidcFout = (code: OidcFout, soort: 'niet-ingelogd' | 'geen-toegang' = 'niet-ingelogd') => new DomainError(soort, code, oidcFouten[code])
