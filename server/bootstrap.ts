import { eq } from 'drizzle-orm'
import { gebruiker } from '../db/schema.js'
import { seedDemo } from './seed/demo.js'
import type { Deps } from './context.js'
import { insertGebruiker } from './services/gebruikers.js'

/**
 * Start-up data: the first beheerder from ADMIN_EMAIL/ADMIN_PASSWORD when there is none yet,
 * and with DEMO_DATA the demo organisaties, plekken and one account per role.
 * Returns the lines to print so a new user knows how to log in.
 */
export async function bootstrap(deps: Deps): Promise<string[]> {
  const lines: string[] = []
  const { admin, demoData } = deps.config
  if (admin) {
    const beheerders = await deps.db.select({ id: gebruiker.id }).from(gebruiker).where(eq(gebruiker.rol, 'beheerder')).limit(1)
    if (!beheerders[0]) {
      await insertGebruiker(deps, { email: admin.email, wachtwoord: admin.password, naam: 'Beheerder', rol: 'beheerder' })
      lines.push(`Beheerder aangemaakt: ${admin.email} (wachtwoord uit ADMIN_PASSWORD)`)
    }
  }
  if (demoData) {
    const accounts = await seedDemo(deps)
    lines.push('Demo-accounts (alleen voor demonstratie; zet DEMO_DATA=false in productie):')
    for (const a of accounts) lines.push(`  ${a.rol.padEnd(10)} ${a.email.padEnd(28)} wachtwoord: ${a.wachtwoord}`)
  }
  if (!admin && !demoData) {
    const any = await deps.db.select({ id: gebruiker.id }).from(gebruiker).limit(1)
    if (!any[0]) lines.push('Let op: er is nog geen account. Zet ADMIN_EMAIL en ADMIN_PASSWORD en start opnieuw.')
  }
  return lines
}
