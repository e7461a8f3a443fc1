import { and, eq } from 'drizzle-orm'
import { gebruiker } from '../db/schema.js'
import { seedDemo } from './seed/demo.js'
import type { Deps } from './context.js'
import { insertGebruiker } from './services/gebruikers.js'
import { DomainError } from './domain/errors.js'

/**
 * Start-up data: the first beheerder from ADMIN_EMAIL/ADMIN_PASSWORD when there is none yet,
 * and with DEMO_DATA the demo organisaties, plekken and one account per role.
 * Returns the lines to print so a new user knows how to log in.
 *
 * Instances that start together on one database run this at the same moment. Every step is
 * insert-if-missing, but the check and the insert are apart, so one of two instances starting
 * together stopped with "Er bestaat al een account met dit e-mailadres"
 * (test/scale/two-instances.test.ts). The instance that loses such a race runs it again, and
 * then finds the other's work done.
 */
export async function bootstrap(deps: Deps): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await bootstrapOnce(deps)
    } catch (e) {
      if (attempt >= 3 || !lostRace(e)) throw e
      await new Promise((r) => setTimeout(r, 200 * attempt))
    }
  }
}

/** Another instance inserted the same row first: a conflict, or the unique index itself. */
function lostRace(e: unknown): boolean {
  if (e instanceof DomainError) return e.soort === 'conflict'
  const err = e as { message?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } } | undefined
  return /UNIQUE constraint failed|SQLITE_CONSTRAINT/.test(`${String(err?.message)} ${String(err?.code)} ${String(err?.cause?.message)} ${String(err?.cause?.code)}`)
}

async function bootstrapOnce(deps: Deps): Promise<string[]> {
  const lines: string[] = []
  const { admin, demoData } = deps.config
  if (admin) {
    const beheerders = await deps.db.select({ id: gebruiker.id }).from(gebruiker).where(eq(gebruiker.rol, 'beheerder')).limit(1)
    if (!beheerders[0]) {
      await insertGebruiker(deps, { email: admin.email, wachtwoord: admin.password, naam: 'Beheerder', rol: 'beheerder', platformBeheerder: true })
      lines.push(`Beheerder aangemaakt: ${admin.email} (wachtwoord uit ADMIN_PASSWORD)`)
    }
    // ADMIN_EMAIL is a platform beheerder (every gemeente, for running the installation)
    await deps.db.update(gebruiker).set({ platformBeheerder: true }).where(and(eq(gebruiker.email, admin.email.toLowerCase()), eq(gebruiker.rol, 'beheerder'), eq(gebruiker.platformBeheerder, false)))
  }
  if (demoData) {
    const accounts = await seedDemo(deps)
    lines.push('Demo-accounts (alleen voor demonstratie; zet DEMO_DATA=false in productie):')
    for (const a of accounts) lines.push(`  ${a.rol.padEnd(10)} ${a.email.padEnd(36)} wachtwoord: ${a.wachtwoord}  (${a.wie})`)
  }
  if (!admin && !demoData) {
    const any = await deps.db.select({ id: gebruiker.id }).from(gebruiker).limit(1)
    if (!any[0]) lines.push('Let op: er is nog geen account. Zet ADMIN_EMAIL en ADMIN_PASSWORD en start opnieuw.')
  }
  return lines
}
