import { randomUUID } from 'node:crypto'
import { count } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { openDatabase, type Database } from '../db/client.js'
import { createApp } from '../server/app.js'
import { hashPassword } from '../server/auth/password.js'
import { createSession } from '../server/auth/sessions.js'
import { fixedClock, iso } from '../server/clock.js'
import { loadConfig } from '../server/config.js'
import type { Deps } from '../server/context.js'
import { toGebruiker } from '../server/services/gebruikers.js'
import { gebruiker, gemeente, organisatie, werkgebied } from '../db/schema.js'
import type { Rol } from '../server/domain/enums.js'
import { EmbeddedSearchIndex } from '../search/embedded.js'
import { createIndexer } from '../search/engine.js'
import type { SearchIndex } from '../search/port.js'
import { readAnswer } from './answer.js'

export const ORIGIN = 'http://localhost'
export const WACHTWOORD = 'Correct-paard-batterij-7'

/** Calls the app in process as a same-origin browser would; parses JSON answers. */
export const requester = (app: { request: (url: string, init: RequestInit) => Response | Promise<Response> }) =>
  async function request(method: string, path: string, opts: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { origin: ORIGIN, ...opts.headers }
    if (opts.cookie) headers.cookie = opts.cookie
    let body: string | undefined
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
      headers['content-type'] ??= 'application/json'
    }
    return readAnswer(await app.request(`${ORIGIN}${path}`, { method, headers, body }))
  }

/**
 * Every test account has the password WACHTWOORD, so they can share one hash: made once per test
 * file instead of once per account (scrypt takes ~50 ms a call here, and a run makes hundreds of accounts).
 */
let wachtwoordHash: Promise<string> | undefined

/** A real app on a real (in-memory) libSQL database, with a clock the test can move. */
/**
 * E-mail configured (registering and inviting need it) without a server: testApp starts no mail
 * worker, so the rows stay in the outbox and nothing is sent. Tests that read mails use test/smtp.ts.
 */
export const MAIL_GEEN_SERVER = { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'Participatieplekken <noreply@plekken.example>' }

export async function testApp(env: Record<string, string> = {}, index: SearchIndex = new EmbeddedSearchIndex()) {
  const database: Database = await openDatabase(':memory:')
  const clock = fixedClock('2026-11-23T09:00:00.000Z')
  const logs: Record<string, unknown>[] = []
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', ...env })
  // The indexer is not started: tests drain the outbox explicitly, so every step is deterministic.
  // The engine's own kind: the change feed for the embedded engine, claims for Meilisearch.
  const indexer = createIndexer(database.db, index, clock)
  const deps: Deps = { db: database.db, clock, config, log: (l) => logs.push(l), search: { index, indexer, state: () => 'klaar' } }
  const app = createApp(deps)

  const request = requester(app)

  async function login(email: string, wachtwoord = WACHTWOORD): Promise<string> {
    const res = await request('POST', '/api/sessie', { body: { email, wachtwoord } })
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`)
    const setCookie = res.headers.get('set-cookie') ?? ''
    return setCookie.split(';')[0]!
  }

  // One gemeente every test account works in, unless a test gives it another werkgebied.
  const DORDRECHT = 'gemeente-GM0505'
  await database.db.insert(gemeente).values({ id: DORDRECHT, naam: 'Dordrecht', cbsCode: 'GM0505', createdAt: iso(clock.now()), updatedAt: iso(clock.now()) })
  let gemeenteCounter = 0
  /** A gemeente of its own (for tests of the boundary). */
  async function makeGemeente(naam = `Gemeente ${++gemeenteCounter}`) {
    const id = `gemeente-${randomUUID()}`
    const cbsCode = `GM${String(9000 + ++gemeenteCounter).padStart(4, '0')}`
    await database.db.insert(gemeente).values({ id, naam, cbsCode, createdAt: iso(clock.now()), updatedAt: iso(clock.now()) })
    return id
  }

  let orgCounter = 0
  async function makeOrganisatie(naam = `Organisatie ${++orgCounter}`, postcode = '3311 AB') {
    const id = `org-${++orgCounter}`
    const now = clock.now().toISOString()
    await database.db.insert(organisatie).values({
      id, naam, soort: 'werkgever', postcode, plaats: 'Dordrecht',
      contactpersoon: { naam: 'Petra de Vries', email: 'petra@voorbeeld.example', telefoon: '078-123 45 67' },
      createdAt: now, updatedAt: now,
    })
    return id
  }

  /**
   * A logged-in account: the row as the gebruikers service writes it (with the shared hash of
   * WACHTWOORD) and a session as a login creates it, without spending two scrypt calls on it.
   * Tests of logging in itself use `login`.
   */
  async function makeUser(rol: Rol, organisatieId?: string, opts: { werkgebied?: string[]; platformBeheerder?: boolean } = {}) {
    const now = iso(clock.now())
    const row = {
      id: randomUUID(),
      email: `${rol}${Math.random().toString(36).slice(2, 8)}@test.example`,
      naam: `Test ${rol}`,
      passwordHash: await (wachtwoordHash ??= hashPassword(WACHTWOORD)),
      rol,
      organisatieId: organisatieId ?? null,
      actief: true,
      platformBeheerder: opts.platformBeheerder ?? false,
      mailVoorkeur: 'direct' as const,
      createdAt: now,
      updatedAt: now,
    }
    await database.db.insert(gebruiker).values(row)
    const gebied = rol === 'werkgever' ? [] : (opts.werkgebied ?? [DORDRECHT])
    if (gebied.length) await database.db.insert(werkgebied).values(gebied.map((gemeenteId) => ({ gebruikerId: row.id, gemeenteId })))
    return { ...toGebruiker(row), cookie: `sessie=${await createSession(deps, row.id)}` } // `sessie`: the cookie's name outside production
  }

  return { app, deps, clock, logs, database, index, indexer, request, login, makeOrganisatie, makeUser, makeGemeente, DORDRECHT, close: () => database.close() }
}

export type TestApp = Awaited<ReturnType<typeof testApp>>
export type User = Awaited<ReturnType<TestApp['makeUser']>>

/**
 * A fresh app with one logged-in account for each role asked for; the werkgever's organisatie is
 * "Zorgcentrum De Merwe". In a test file: `({ t, jobhunter } = await appWith('jobhunter'))`.
 */
export async function appWith<R extends Rol>(...rollen: R[]): Promise<{ t: TestApp } & Record<R, User>> {
  const t = await testApp()
  const users: Partial<Record<Rol, User>> = {}
  for (const rol of rollen) users[rol] = await t.makeUser(rol, rol === 'werkgever' ? await t.makeOrganisatie('Zorgcentrum De Merwe') : undefined)
  return { t, ...(users as Record<R, User>) }
}

/** A fresh app with the four roles logged in: werkgever, jobhunter, jobcoach and beheerder. */
export const fourUsers = () => appWith('werkgever', 'jobhunter', 'jobcoach', 'beheerder')

/** Row counts of the given tables, under the names given: `countRows(t, { plek, outbox })`. */
export async function countRows<K extends string>(t: TestApp, tables: Record<K, SQLiteTable>): Promise<Record<K, number>> {
  const counts = {} as Record<K, number>
  for (const [naam, table] of Object.entries(tables) as [K, SQLiteTable][]) counts[naam] = (await t.database.db.select({ n: count() }).from(table))[0]!.n
  return counts
}

/** A complete, valid plek body, as a werkgever would send it. */
export function plekBody(overrides: Record<string, unknown> = {}) {
  return {
    titel: 'Magazijnmedewerker orderpicken',
    omschrijving: 'Je verzamelt bestellingen in ons magazijn en werkt samen met vaste collega’s.',
    beroep: 'magazijnmedewerker',
    sector: 'logistiek',
    vorm: 'werkervaringsplek',
    postcode: '3311 AB',
    urenPerWeek: { min: 12, max: 16 },
    dagdelen: ['ma-ochtend', 'wo-ochtend', 'vr-ochtend'],
    capaciteit: 2,
    taalniveau: { spreken: 'A2', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' },
    lagerNiveauMetOndersteuning: true,
    taalrijkheid: { nederlandsVoertaal: true, samenwerkenMetCollegas: true, vastTaalmaatje: true, mondelingeInstructies: true },
    begeleiding: ['buddy', 'werkbegeleider'],
    opbouw: true,
    fysiekeBelasting: 'middel',
    werkdruk: 'laag',
    binnenSchooltijden: true,
    vereisten: { rijbewijs: false, vog: false, vca: false },
    vergoeding: { soort: 'onkostenvergoeding', bedragPerMaand: 95 },
    ...overrides,
  }
}

/** A complete, valid deelnemer body, as a jobhunter would record it. */
export function deelnemerBody(overrides: Record<string, unknown> = {}) {
  return {
    naam: 'Amina Yusuf',
    geboortejaar: 1991,
    postcode: '3312 AB',
    doelgroep: 'gezinsmigrant',
    leerroute: 'b1-route',
    taalniveau: { spreken: 'A2', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' },
    geletterdheid: 'gealfabetiseerd',
    moedertaal: 'Somalisch',
    beschikbareDagdelen: ['ma-ochtend', 'wo-ochtend', 'vr-ochtend'],
    taallesDagdelen: ['di-ochtend', 'do-ochtend'],
    urenPerWeek: { min: 8, max: 12 },
    kinderopvang: 'nodig',
    mobiliteit: { fiets: true, ov: true, rijbewijs: false, auto: false, maxReisafstandKm: 8 },
    belastbaarheid: 'middel',
    wensen: { sectoren: ['zorg'], vormen: [], wensberoep: 'verzorgende' },
    status: 'zoekend',
    toestemmingDelen: false,
    ...overrides,
  }
}
