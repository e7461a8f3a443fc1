import { eq, isNull } from 'drizzle-orm'
import { gebruiker, gemeente, mailOutbox, organisatie, outbox, plek } from '../../db/schema.js'
import { bekendeGemeenten, gemeenteIdVan, gemeenteVanPlaats } from '../domain/gemeente.js'
import { locatieColumns } from '../services/locatie.js'
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

const DRECHTSTEDEN = ['GM0505', 'GM0642', 'GM0590', 'GM0610']
const DEMO_GEMEENTEN = [...DRECHTSTEDEN, 'GM0503', 'GM0957']

/**
 * The demo accounts and what each one is: the Drechtsteden are one region served by one regional
 * jobhunter; Delft and Roermond are separate gemeenten with their own staff. `werkgebied` holds CBS
 * codes; the platform beheerder has every gemeente.
 */
export const demoAccounts: { email: string; naam: string; rol: Rol; werkgebied: string[]; platformBeheerder?: true; wie: string }[] = [
  { email: 'beheerder@demo.example', naam: 'Bea Beheer', rol: 'beheerder', werkgebied: [], platformBeheerder: true, wie: 'platformbeheerder, alle gemeenten' },
  { email: 'jobhunter@demo.example', naam: 'Jamal Jobhunter', rol: 'jobhunter', werkgebied: DRECHTSTEDEN, wie: 'regio Drechtsteden: Dordrecht, Zwijndrecht, Papendrecht, Sliedrecht' },
  { email: 'jobcoach@demo.example', naam: 'Joke Jobcoach', rol: 'jobcoach', werkgebied: ['GM0957'], wie: 'Roermond' },
  { email: 'werkgever@demo.example', naam: 'Wim Werkgever', rol: 'werkgever', werkgebied: [], wie: 'Woonzorgcentrum Biesboschhof; geen werkgebied, voorstellen uit iedere gemeente' },
  { email: 'jobcoach.drechtsteden@demo.example', naam: 'Dirk de Coach', rol: 'jobcoach', werkgebied: DRECHTSTEDEN, wie: 'regio Drechtsteden' },
  { email: 'jobhunter.delft@demo.example', naam: 'Dilan Demir', rol: 'jobhunter', werkgebied: ['GM0503'], wie: 'Delft' },
  { email: 'jobcoach.delft@demo.example', naam: 'Daan Dekker', rol: 'jobcoach', werkgebied: ['GM0503'], wie: 'Delft' },
  { email: 'beheerder.delft@demo.example', naam: 'Dorien Delfgaauw', rol: 'beheerder', werkgebied: ['GM0503'], wie: 'Delft' },
  { email: 'jobhunter.roermond@demo.example', naam: 'Ruud Roosen', rol: 'jobhunter', werkgebied: ['GM0957'], wie: 'Roermond' },
]

/** The jobhunter responsible (regievoerder) for the demo deelnemers of a gemeente. */
const demoRegievoerder = (cbsCode: string) => (DRECHTSTEDEN.includes(cbsCode) ? 'jobhunter@demo.example' : cbsCode === 'GM0503' ? 'jobhunter.delft@demo.example' : 'jobhunter.roermond@demo.example')

export const demoOrganisatieId = (key: string) => `demo-org-${key}`
export const demoPlekId = (key: string) => `demo-plek-${key}`

export async function seedDemo(deps: Deps): Promise<{ email: string; rol: Rol; wachtwoord: string; wie: string }[]> {
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

  // The gemeenten, then the accounts with their werkgebied, then the deelnemers of each gemeente.
  await deps.db.transaction(async (tx) => {
    for (const g of bekendeGemeenten.filter((g) => DEMO_GEMEENTEN.includes(g.cbsCode)))
      await tx.insert(gemeente).values({ id: gemeenteIdVan(g.cbsCode), naam: g.naam, cbsCode: g.cbsCode, createdAt: now, updatedAt: now }).onConflictDoNothing()
  })

  const werkgeverOrg = demoOrganisatieId(demoOrganisaties[0]!.key)
  const accountIds = new Map<string, string>()
  for (const { wie: _wie, ...a } of demoAccounts) {
    const exists = await deps.db.select({ id: gebruiker.id }).from(gebruiker).where(eq(gebruiker.email, a.email))
    if (exists[0]) {
      accountIds.set(a.email, exists[0].id)
      continue
    }
    try {
      const g = await insertGebruiker(deps, { ...a, werkgebied: a.werkgebied.map(gemeenteIdVan), wachtwoord: DEMO_WACHTWOORD, organisatieId: a.rol === 'werkgever' ? werkgeverOrg : null })
      accountIds.set(a.email, g.id)
    } catch (e) {
      // Another instance starting at the same moment made this account first. Taking it here, rather
      // than failing and letting bootstrap() run everything again, keeps plekkenGemaakt: on a rerun the
      // plekken exist, and nobody made the demo history (test/scale/two-instances.test.ts).
      const made = await deps.db.select({ id: gebruiker.id }).from(gebruiker).where(eq(gebruiker.email, a.email))
      if (!made[0]) throw e
      accountIds.set(a.email, made[0].id)
    }
  }

  // Deelnemers: fictional profiles, so that matching shows something both ways.
  await deps.db.transaction(async (tx) => {
    for (const d of demoDeelnemers) {
      const { key, ...body } = d
      const input = deelnemerInput.parse(body)
      const cbsCode = gemeenteVanPlaats(locatieColumns(input.postcode).plaats)!.cbsCode
      await tx
        .insert(deelnemer)
        .values({
          id: `demo-deelnemer-${key}`,
          ...deelnemerColumns(input),
          toestemmingOp: input.toestemmingDelen ? now : null,
          gemeenteId: gemeenteIdVan(cbsCode),
          regievoerderId: accountIds.get(demoRegievoerder(cbsCode)) ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
    }
  })
  // The history is many steps through the services, not one transaction: two instances making it
  // at once made it twice (test/scale/two-instances.test.ts), so only the instance that made the
  // plekken makes it.
  if (plekkenGemaakt) {
    await seedDemoJourney(deps)
    // The history gave the demo accounts meldingen (in the app, as they would have); their e-mails
    // are history too: never sent, also not when SMTP_URL is set (the addresses are @demo.example).
    await deps.db.update(mailOutbox).set({ sentAt: new Date().toISOString(), uitkomst: 'demo' }).where(isNull(mailOutbox.sentAt))
  }
  return demoAccounts.map((a) => ({ email: a.email, rol: a.rol, wachtwoord: DEMO_WACHTWOORD, wie: a.wie }))
}
