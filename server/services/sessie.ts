import { eq } from 'drizzle-orm'
import { gebruiker } from '../../db/schema.js'
import type { Actor, Deps } from '../context.js'
import { DomainError } from '../domain/errors.js'
import { dummyHash, verifyPassword } from '../auth/password.js'
import { clearAccountFailures, loginKeys, recordLoginFailure, takeLoginAttempt } from '../auth/rate-limit.js'
import { createSession, deleteSession } from '../auth/sessions.js'

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
}): Promise<{ token: string; actor: Actor }> {
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
  if (previousTokenHash) await deleteSession(deps, previousTokenHash)
  const token = await createSession(deps, row.id)
  return { token, actor: { id: row.id, email: row.email, naam: row.naam, rol: row.rol, organisatieId: row.organisatieId } }
}
