import { eq } from 'drizzle-orm'
import { gebruiker, organisatie, outbox, plek } from '../../db/schema.js'
import type { Deps } from '../context.js'
import { iso } from '../clock.js'
import { plekInput } from '../domain/plek.js'
import { organisatieInput } from '../domain/organisatie.js'
import { organisatieColumns } from '../services/organisaties.js'
import { plekColumns } from '../services/plekken.js'
import { insertGebruiker } from '../services/gebruikers.js'
import type { Rol } from '../domain/enums.js'
import { demoOrganisaties, demoPlekken } from './demo-data.js'
import { demoDeelnemers } from './demo-deelnemers.js'
import { seedDemoJourney } from './demo-journey.js'
import { deelnemerInput } from '../domain/deelnemer.js'
import { deelnemerColumns } from '../services/deelnemers.js'
import { deelnemer } from '../../db/schema.js'

// Deterministic and idempotent: fixed ids, insert-if-missing. Running it twice changes nothing.

export const DEMO_WACHTWOORD = 'Welkom-demo-2026'

export const demoAccounts: { email: string; naam: string; rol: Rol }[] = [
  { email: 'beheerder@demo.example', naam: 'Bea Beheer', rol: 'beheerder' },
  { email: 'jobhunter@demo.example', naam: 'Jamal Jobhunter', rol: 'jobhunter' },
  { email: 'jobcoach@demo.example', naam: 'Joke Jobcoach', rol: 'jobcoach' },
  { email: 'werkgever@demo.example', naam: 'Wim Werkgever', rol: 'werkgever' },
]

export const demoOrganisatieId = (key: string) => `demo-org-${key}`
export const demoPlekId = (key: string) => `demo-plek-${key}`

export async function seedDemo(deps: Deps): Promise<{ email: string; rol: Rol; wachtwoord: string }[]> {
  const now = iso(deps.clock.now())
  // Whether this run made the demo plekken: of instances starting together on one empty database,
  // exactly one does (the transactions take turns; the next inserts nothing), and only that one
  // makes the demo's history below.
  let plekkenGemaakt = false
  await deps.db.transaction(async (tx) => {
    for (const o of demoOrganisaties) {
      const { key, ...body } = o
      const input = organisatieInput.parse(body)
      await tx
        .insert(organisatie)
        .values({ id: demoOrganisatieId(key), ...organisatieColumns(input), createdAt: now, updatedAt: now })
        .onConflictDoNothing()
    }
    for (const p of demoPlekken) {
      const { key, organisatie: orgKey, status, ...body } = p
      const input = plekInput.parse(body)
      const id = demoPlekId(key)
      const inserted = await tx
        .insert(plek)
        .values({
          id,
          organisatieId: demoOrganisatieId(orgKey),
          status,
          ...plekColumns(input),
          publishedAt: status === 'concept' ? null : now,
          versie: 1,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: plek.id })
      if (inserted[0]) {
        await tx.insert(outbox).values({ plekId: id, versie: 1, createdAt: now })
        plekkenGemaakt = true
      }
    }
  })

  // Deelnemers: fictional profiles, so that matching shows something both ways.
  await deps.db.transaction(async (tx) => {
    for (const d of demoDeelnemers) {
      const { key, ...body } = d
      const input = deelnemerInput.parse(body)
      await tx
        .insert(deelnemer)
        .values({
          id: `demo-deelnemer-${key}`,
          ...deelnemerColumns(input),
          toestemmingOp: input.toestemmingDelen ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
    }
  })

  const werkgeverOrg = demoOrganisatieId(demoOrganisaties[0]!.key)
  for (const a of demoAccounts) {
    const exists = await deps.db.select({ id: gebruiker.id }).from(gebruiker).where(eq(gebruiker.email, a.email))
    if (exists[0]) continue
    await insertGebruiker(deps, { ...a, wachtwoord: DEMO_WACHTWOORD, organisatieId: a.rol === 'werkgever' ? werkgeverOrg : null })
  }
  // The history is many steps through the services, not one transaction: two instances making it
  // at once made it twice (test/scale/two-instances.test.ts), so only the instance that made the
  // plekken makes it.
  if (plekkenGemaakt) await seedDemoJourney(deps)
  return demoAccounts.map((a) => ({ email: a.email, rol: a.rol, wachtwoord: DEMO_WACHTWOORD }))
}
