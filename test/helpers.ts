import { openDatabase, type Database } from '../db/client.js'
import { createApp } from '../server/app.js'
import { fixedClock } from '../server/clock.js'
import { loadConfig } from '../server/config.js'
import type { Deps } from '../server/context.js'
import { insertGebruiker } from '../server/services/gebruikers.js'
import { organisatie } from '../db/schema.js'
import type { Rol } from '../server/domain/enums.js'
import { EmbeddedSearchIndex } from '../search/embedded.js'
import { OutboxIndexer } from '../search/indexer.js'
import type { SearchIndex } from '../search/port.js'

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
    const res = await app.request(`${ORIGIN}${path}`, { method, headers, body })
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: res.status, json, text, headers: res.headers }
  }

/** A real app on a real (in-memory) libSQL database, with a clock the test can move. */
export async function testApp(env: Record<string, string> = {}, index: SearchIndex = new EmbeddedSearchIndex()) {
  const database: Database = await openDatabase(':memory:')
  const clock = fixedClock('2026-11-23T09:00:00.000Z')
  const logs: Record<string, unknown>[] = []
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', ...env })
  // The indexer is not started: tests drain the outbox explicitly, so every step is deterministic.
  const indexer = new OutboxIndexer(database.db, index, clock)
  const deps: Deps = { db: database.db, clock, config, log: (l) => logs.push(l), search: { index, indexer, state: () => 'klaar' } }
  const app = createApp(deps)

  const request = requester(app)

  async function login(email: string, wachtwoord = WACHTWOORD): Promise<string> {
    const res = await request('POST', '/api/sessie', { body: { email, wachtwoord } })
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`)
    const setCookie = res.headers.get('set-cookie') ?? ''
    return setCookie.split(';')[0]!
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

  async function makeUser(rol: Rol, organisatieId?: string) {
    const email = `${rol}${Math.random().toString(36).slice(2, 8)}@test.example`
    const g = await insertGebruiker(deps, { email, wachtwoord: WACHTWOORD, naam: `Test ${rol}`, rol, organisatieId })
    return { ...g, cookie: await login(email) }
  }

  return { app, deps, clock, logs, database, index, indexer, request, login, makeOrganisatie, makeUser, close: () => database.close() }
}

export type TestApp = Awaited<ReturnType<typeof testApp>>

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
