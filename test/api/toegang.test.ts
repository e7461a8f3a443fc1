import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { deelnemerBody, MAIL_GEEN_SERVER, ORIGIN, plekBody, testApp, type TestApp } from '../helpers.js'
import { startTestProvider, type TestProvider } from '../oidc-provider.js'
import { oidcSession, REDIRECT_URI } from '../oidc-flow.js'
import { gebruiker, loginPoging, melding, toegangslink } from '../../db/schema.js'
import { writeMeldingen } from '../../server/services/meldingen.js'
import { linkToken } from '../../server/services/toegangslinks.js'

// The role × route matrix, generated from the app's own route table: every API route must have
// an entry here, so a route added later without deciding who may use it fails this test.

// The gemeente boundary (issue 15): every record below belongs to the gemeente Dordrecht. A
// jobhunter, jobcoach and beheerder of another gemeente (…Elders) get a 404 on every deelnemer-side
// cell (`grens`) where their own-gemeente colleague is let in, and what that colleague gets on
// every other cell (plekken, lists, their own data); a regional jobhunter of Dordrecht and
// Zwijndrecht (jobhunterRegio) gets what the Dordrecht jobhunter gets.
type Wie = 'anoniem' | 'beheerder' | 'jobhunter' | 'jobcoach' | 'jobcoachAnder' | 'werkgever' | 'werkgeverAnder' | 'jobhunterElders' | 'jobcoachElders' | 'beheerderElders' | 'jobhunterRegio'
const iedereen: Wie[] = ['anoniem', 'beheerder', 'jobhunter', 'jobcoach', 'jobcoachAnder', 'werkgever', 'werkgeverAnder', 'jobhunterElders', 'jobcoachElders', 'beheerderElders', 'jobhunterRegio']
const collega = { jobhunterElders: 'jobhunter', jobcoachElders: 'jobcoach', beheerderElders: 'beheerder', jobhunterRegio: 'jobhunter' } as const

let t: TestApp
/** A real OpenID provider: the matrix runs a second time with sessions made through it (docs/security.md). */
let provider: TestProvider
let orgA: string
let jobcoachId: string
let jobhunterId: string
const cookies: Partial<Record<Wie, string>> = {}
const emails: Partial<Record<Wie, string>> = {}

interface Entry {
  /** Builds the concrete path (and body) for one call, creating fresh resources where needed. */
  prepare?: () => Promise<{ path?: string; body?: unknown }>
  expect: Partial<Record<Wie, number>>
  /** The call ends the session it is made with: use a fresh one, so later cells keep theirs. */
  ownSession?: true
  /** A deelnemer-side route: a caller of another gemeente gets 404 where their colleague gets 2xx. */
  grens?: true
}

/** The expectations of an entry for every caller: those of another gemeente and the region derived from their colleague's. */
function compleet(entry: Entry): Partial<Record<Wie, number>> {
  const e = { ...entry.expect }
  for (const [wie, eigen] of Object.entries(collega) as [Wie, Wie][]) {
    if (e[wie] !== undefined || e[eigen] === undefined) continue
    e[wie] = entry.grens && wie !== 'jobhunterRegio' && e[eigen]! < 300 ? 404 : e[eigen]
  }
  return e
}

const newDeelnemer = async () => {
  const res = await t.request('POST', '/api/deelnemers', { cookie: cookies.jobhunter, body: deelnemerBody() })
  return res.json.id as string
}

const newPlekOfA = async () => {
  const res = await t.request('POST', '/api/plekken', { cookie: cookies.werkgever, body: plekBody() })
  return res.json.id as string
}

/** An open voorstel for a fresh published plek of organisatie A. */
const newVoorstel = async () => {
  const plekId = await newPlekOfA()
  await t.request('POST', `/api/plekken/${plekId}/publiceren`, { cookie: cookies.werkgever })
  const d = await t.request('POST', '/api/deelnemers', { cookie: cookies.jobhunter, body: deelnemerBody({ toestemmingDelen: true }) })
  const v = await t.request('POST', '/api/voorstellen', { cookie: cookies.jobhunter, body: { deelnemerId: d.json.id, plekId, modus: 'aanbodgericht', jobcoachId } })
  return v.json.id as string
}

/** An active plaatsing of `jobcoach` (not of `jobcoachAnder`). */
const newPlaatsing = async () => {
  const v = await newVoorstel()
  const p = await t.request('POST', `/api/voorstellen/${v}/accepteren`, { cookie: cookies.werkgever, body: { startdatum: '2026-11-02' } })
  return p.json.id as string
}

/** A melding of `jobhunter`, as an event writes it. */
const newMeldingVoorJobhunter = async () => {
  const gebeurtenis = `test:${Math.random()}`
  await t.database.db.transaction((tx) => writeMeldingen(tx, new Date().toISOString(), [{ gebruikerId: jobhunterId, soort: 'plek-past', gebeurtenis, titel: 'Test', tekst: 'Test', link: '/' }]))
  const [m] = await t.database.db.select({ id: melding.id }).from(melding).where(eq(melding.gebeurtenis, gebeurtenis))
  return m!.id
}

/** A self-registration in Dordrecht, confirmed, waiting for a beheerder (issue 19). */
const newAanmelding = async () => {
  await t.database.db.delete(loginPoging) // the registration limit is tested in aanmelden.test.ts
  const email = `a${Math.random().toString(36).slice(2)}@aanmelder.example`
  const body = { naam: 'Bakkerij Test', soort: 'overig', postcode: '3311 AB', contactpersoon: { naam: 'Test', telefoon: '078-123 45 67' }, email, wachtwoord: 'Stroopwafel-met-koffie-9' }
  expect((await t.request('POST', '/api/aanmeldingen', { body })).status).toBe(200)
  const [link] = await t.database.db.select({ id: toegangslink.id }).from(toegangslink).innerJoin(gebruiker, eq(gebruiker.id, toegangslink.gebruikerId)).where(eq(gebruiker.email, email))
  expect((await t.request('POST', '/api/aanmeldingen/bevestigen', { body: { token: linkToken(t.deps.config, link!.id) } })).status).toBe(200)
  const [g] = await t.database.db.select({ org: gebruiker.organisatieId }).from(gebruiker).where(eq(gebruiker.email, email))
  return g!.org!
}
const geenLink = { token: `${'x'.repeat(36)}.${'y'.repeat(43)}` }

const allowed = (status: number, ...who: Wie[]) => Object.fromEntries(who.map((w) => [w, status]))
const loggedIn = (status: number) => allowed(status, ...iedereen.filter((w) => w !== 'anoniem'))
const only = (status: number, who: Wie[], otherwise = 403) => ({
  anoniem: 401,
  // the callers of another gemeente and the region are derived from their colleague's cell (compleet)
  ...Object.fromEntries(iedereen.filter((w) => w !== 'anoniem' && !(w in collega)).map((w) => [w, who.includes(w) ? status : otherwise])),
})

const matrix: Record<string, Entry> = {
  // wrong credentials are a 401 whoever asks; a good login is tested in sessie.test.ts
  'POST /api/sessie': { prepare: async () => ({ body: { email: `niemand${Math.random().toString(36).slice(2)}@test.example`, wachtwoord: 'fout-fout-fout' } }), expect: { anoniem: 401, ...loggedIn(401) } },
  'GET /api/sessie': { expect: { anoniem: 401, ...loggedIn(200) } },
  'DELETE /api/sessie': { expect: { anoniem: 401, ...loggedIn(204) }, ownSession: true },
  'POST /api/sessie/tweede-stap': { prepare: async () => ({ body: { code: '123456' } }), expect: { anoniem: 401, ...loggedIn(401) } },
  'GET /api/inlogopties': { expect: { anoniem: 200, ...loggedIn(200) } },
  // browser redirects: to the provider, and back (without the step cookie: to /inloggen?fout=oidc-verlopen)
  'GET /api/oidc/start': { expect: { anoniem: 302, ...loggedIn(302) } },
  'GET /api/oidc/terug': { expect: { anoniem: 302, ...loggedIn(302) } },
  'GET /api/gebruikers': { expect: only(200, ['beheerder']) },
  'POST /api/gebruikers': {
    prepare: async () => ({ body: { email: `n${Math.random()}@test.example`, wachtwoord: 'Lang-genoeg-wachtwoord', naam: 'N', rol: 'jobhunter' } }),
    expect: only(201, ['beheerder']),
  },
  'PATCH /api/gebruikers/:id': {
    prepare: async () => ({ path: `/api/gebruikers/${(await t.makeUser('jobhunter')).id}`, body: { naam: 'Nieuwe naam' } }),
    expect: only(200, ['beheerder']),
  },
  'GET /api/organisaties': { expect: only(200, ['beheerder', 'jobhunter', 'werkgever', 'werkgeverAnder']) },
  'POST /api/organisaties': {
    prepare: async () => ({
      body: { naam: 'Nieuw', soort: 'overig', postcode: '3311', contactpersoon: { naam: 'A', email: 'a@b.example', telefoon: '078-1234567' } },
    }),
    expect: only(201, ['beheerder']),
  },
  'GET /api/organisaties/:id': {
    prepare: async () => ({ path: `/api/organisaties/${orgA}` }),
    expect: { ...only(200, ['beheerder', 'jobhunter', 'werkgever']), werkgeverAnder: 404 },
  },
  'PATCH /api/organisaties/:id': {
    prepare: async () => ({ path: `/api/organisaties/${orgA}`, body: { naam: 'Logistiek A' } }),
    expect: { ...only(200, ['beheerder', 'werkgever']), werkgeverAnder: 404 },
  },
  'GET /api/plekken': { expect: only(200, ['beheerder', 'jobhunter', 'werkgever', 'werkgeverAnder']) },
  'POST /api/plekken': {
    prepare: async () => ({ body: plekBody({ organisatieId: orgA }) }),
    // the other werkgever may create plekken, but not for organisatie A
    expect: { ...only(201, ['beheerder', 'werkgever']), werkgeverAnder: 400 },
  },
  'GET /api/plekken/:id': {
    prepare: async () => ({ path: `/api/plekken/${await newPlekOfA()}` }),
    expect: { ...only(200, ['beheerder', 'jobhunter', 'werkgever']), werkgeverAnder: 404 },
  },
  'PATCH /api/plekken/:id': {
    prepare: async () => ({ path: `/api/plekken/${await newPlekOfA()}`, body: { titel: 'Gewijzigd' } }),
    expect: { ...only(200, ['beheerder', 'werkgever']), werkgeverAnder: 404 },
  },
  'POST /api/plekken/:id/publiceren': {
    prepare: async () => ({ path: `/api/plekken/${await newPlekOfA()}/publiceren` }),
    expect: { ...only(200, ['beheerder', 'werkgever']), werkgeverAnder: 404 },
  },
  'POST /api/plekken/:id/sluiten': {
    prepare: async () => ({ path: `/api/plekken/${await newPlekOfA()}/sluiten` }),
    expect: { ...only(200, ['beheerder', 'werkgever']), werkgeverAnder: 404 },
  },
  'GET /api/zoeken': { expect: only(200, ['beheerder', 'jobhunter']) },
  'GET /api/deelnemers': { expect: only(200, ['beheerder', 'jobhunter']) },
  // without a gemeenteId the deelnemer joins the caller's only gemeente; the regional jobhunter has two and must choose (400)
  'POST /api/deelnemers': { prepare: async () => ({ body: deelnemerBody() }), expect: { ...only(201, ['beheerder', 'jobhunter']), jobhunterRegio: 400 } },
  'PUT /api/deelnemers/:id/regievoerder': {
    grens: true,
    prepare: async () => ({ path: `/api/deelnemers/${await newDeelnemer()}/regievoerder`, body: { regievoerderId: jobhunterId } }),
    expect: only(200, ['beheerder']),
  },
  'PUT /api/deelnemers/:id/gemeente': {
    grens: true,
    prepare: async () => ({ path: `/api/deelnemers/${await newDeelnemer()}/gemeente`, body: { gemeenteId: t.DORDRECHT } }),
    expect: only(200, ['beheerder']),
  },
  'GET /api/gemeenten': { expect: only(200, ['beheerder', 'jobhunter', 'jobcoach', 'jobcoachAnder']) },
  // only the platform beheerder adds a gemeente (tested in gemeenten.test.ts)
  'POST /api/gemeenten': { prepare: async () => ({ body: { naam: 'Papendrecht', cbsCode: 'GM0590' } }), expect: only(201, []) },
  'GET /api/deelnemers/:id': {
    grens: true,
    prepare: async () => ({ path: `/api/deelnemers/${await newDeelnemer()}` }),
    // a jobcoach reads only the deelnemers of their own plaatsingen (none for this one)
    expect: { ...only(200, ['beheerder', 'jobhunter']), jobcoach: 404, jobcoachAnder: 404 },
  },
  'PATCH /api/deelnemers/:id': {
    grens: true,
    prepare: async () => ({ path: `/api/deelnemers/${await newDeelnemer()}`, body: { status: 'zoekend' } }),
    expect: only(200, ['beheerder', 'jobhunter']),
  },
  'GET /api/deelnemers/:id/matches': {
    grens: true,
    prepare: async () => ({ path: `/api/deelnemers/${await newDeelnemer()}/matches` }),
    expect: only(200, ['beheerder', 'jobhunter']),
  },
  'GET /api/plekken/:id/matches': {
    prepare: async () => ({ path: `/api/plekken/${await newPlekOfA()}/matches` }),
    expect: only(200, ['beheerder', 'jobhunter']),
  },
  'GET /api/matching/gewichten': { expect: only(200, ['beheerder', 'jobhunter']) },
  'GET /api/matching/gewichten/historie': { expect: only(200, ['beheerder']) },
  'PUT /api/matching/gewichten/:richting': {
    prepare: async () => ({ path: '/api/matching/gewichten/vraaggericht', body: { gewichten: { uren: 2 }, toelichting: 'Toegangstest' } }),
    expect: only(200, ['beheerder']),
  },
  'POST /api/import': {
    prepare: async () => ({ body: { plekken: [plekBody({ organisatieId: orgA })], deelnemers: [deelnemerBody()] } }),
    expect: only(201, ['beheerder']),
  },
  'POST /api/voorstellen': {
    grens: true,
    prepare: async () => {
      const plekId = await newPlekOfA()
      await t.request('POST', `/api/plekken/${plekId}/publiceren`, { cookie: cookies.werkgever })
      const d = await t.request('POST', '/api/deelnemers', { cookie: cookies.jobhunter, body: deelnemerBody({ toestemmingDelen: true }) })
      return { body: { deelnemerId: d.json.id, plekId, modus: 'vraaggericht' } }
    },
    expect: only(201, ['jobhunter']),
  },
  'GET /api/voorstellen': { expect: only(200, ['beheerder', 'jobhunter', 'werkgever', 'werkgeverAnder']) },
  'GET /api/voorstellen/:id': {
    grens: true,
    prepare: async () => ({ path: `/api/voorstellen/${await newVoorstel()}` }),
    expect: { ...only(200, ['beheerder', 'jobhunter', 'werkgever']), werkgeverAnder: 404 },
  },
  'POST /api/voorstellen/:id/accepteren': {
    grens: true,
    prepare: async () => ({ path: `/api/voorstellen/${await newVoorstel()}/accepteren`, body: { startdatum: '2026-12-01' } }),
    expect: { ...only(201, ['beheerder', 'werkgever']), werkgeverAnder: 404 },
  },
  'POST /api/voorstellen/:id/afwijzen': {
    grens: true,
    prepare: async () => ({ path: `/api/voorstellen/${await newVoorstel()}/afwijzen`, body: { reden: 'Past niet in het rooster' } }),
    expect: { ...only(200, ['beheerder', 'werkgever']), werkgeverAnder: 404 },
  },
  'POST /api/voorstellen/:id/intrekken': {
    grens: true,
    prepare: async () => ({ path: `/api/voorstellen/${await newVoorstel()}/intrekken` }),
    expect: only(200, ['beheerder', 'jobhunter']),
  },
  'GET /api/plaatsingen': { expect: only(200, ['beheerder', 'jobcoach', 'jobcoachAnder']) },
  'GET /api/plaatsingen/:id': {
    grens: true,
    prepare: async () => ({ path: `/api/plaatsingen/${await newPlaatsing()}` }),
    expect: { ...only(200, ['beheerder', 'jobcoach']), jobcoachAnder: 404 },
  },
  'GET /api/plaatsingen/:id/nazorg': {
    grens: true,
    prepare: async () => ({ path: `/api/plaatsingen/${await newPlaatsing()}/nazorg` }),
    expect: { ...only(200, ['beheerder', 'jobcoach']), jobcoachAnder: 404 },
  },
  'POST /api/plaatsingen/:id/nazorg': {
    grens: true,
    prepare: async () => ({
      path: `/api/plaatsingen/${await newPlaatsing()}/nazorg`,
      body: { datum: '2026-11-20', met: 'beiden', kanaal: 'bezoek', samenvatting: 'Startgesprek op de werkplek.' },
    }),
    expect: { ...only(201, ['jobcoach']), jobcoachAnder: 404 },
  },
  'POST /api/plaatsingen/:id/beeindigen': {
    grens: true,
    prepare: async () => ({ path: `/api/plaatsingen/${await newPlaatsing()}/beeindigen`, body: { einddatum: '2026-11-20', eindreden: 'verhuisd' } }),
    expect: { ...only(200, ['beheerder', 'jobcoach']), jobcoachAnder: 404 },
  },
  'POST /api/plaatsingen/:id/toewijzen': {
    grens: true,
    prepare: async () => ({ path: `/api/plaatsingen/${await newPlaatsing()}/toewijzen`, body: { jobcoachId } }),
    expect: only(200, ['beheerder']),
  },
  'GET /api/jobcoaches': { expect: only(200, ['beheerder', 'jobhunter', 'werkgever', 'werkgeverAnder']) },
  'GET /api/agenda': { expect: only(200, ['jobcoach', 'jobcoachAnder']) },
  'POST /api/agenda': { expect: only(201, ['jobcoach', 'jobcoachAnder']) },
  'DELETE /api/agenda': { expect: only(204, ['jobcoach', 'jobcoachAnder']) },
  // the feed has no session: an unknown secret is a 404 for everyone (the real feed is tested in agenda.test.ts)
  'GET /api/agenda/:token/contacten.ics': {
    prepare: async () => ({ path: `/api/agenda/${'x'.repeat(43)}/contacten.ics` }),
    expect: { anoniem: 404, ...loggedIn(404) },
  },
  'GET /api/monitor': { expect: only(200, ['beheerder']) },
  'GET /api/monitor/export.csv': { expect: only(200, ['beheerder']) },
  'GET /api/deelnemers/:id/export': {
    grens: true,
    prepare: async () => ({ path: `/api/deelnemers/${await newDeelnemer()}/export` }),
    expect: only(200, ['beheerder']),
  },
  'DELETE /api/deelnemers/:id': {
    grens: true,
    prepare: async () => ({ path: `/api/deelnemers/${await newDeelnemer()}` }),
    expect: only(204, ['beheerder']),
  },
  'POST /api/avg/bewaartermijn': { expect: only(200, ['beheerder']) },
  'GET /api/audit': { expect: only(200, ['beheerder']) },
  // meldingen: everyone logged in has their own; one melding exists only for its own recipient
  'GET /api/meldingen': { expect: { anoniem: 401, ...loggedIn(200) } },
  'GET /api/meldingen/ongelezen': { expect: { anoniem: 401, ...loggedIn(200) } },
  'POST /api/meldingen/alles-gelezen': { expect: { anoniem: 401, ...loggedIn(200) } },
  'POST /api/meldingen/:id/gelezen': {
    prepare: async () => ({ path: `/api/meldingen/${await newMeldingVoorJobhunter()}/gelezen` }),
    expect: { anoniem: 401, ...loggedIn(404), jobhunter: 200 },
  },
  'GET /api/meldingen/voorkeur': { expect: { anoniem: 401, ...loggedIn(200) } },
  'PUT /api/meldingen/voorkeur': { prepare: async () => ({ body: { mail: 'direct' } }), expect: { anoniem: 401, ...loggedIn(200) } },
  'PUT /api/gemeenten/:id/matchdrempel': {
    grens: true,
    prepare: async () => ({ path: `/api/gemeenten/${t.DORDRECHT}/matchdrempel`, body: { drempel: 70 } }),
    expect: only(200, ['beheerder']),
  },
  // no session: the signed token says who; a wrong one is a 400 whoever sends it (the real link is tested in meldingen.test.ts)
  'POST /api/afmelden': { prepare: async () => ({ body: { token: `${'x'.repeat(20)}.${'y'.repeat(43)}` } }), expect: { anoniem: 400, ...loggedIn(400) } },
  // self-registration (issue 19): the form and the links from e-mail need no session; anyone gets the same
  'POST /api/aanmeldingen': {
    prepare: async () => {
      await t.database.db.delete(loginPoging)
      return { body: { naam: 'Bakkerij Test', soort: 'overig', postcode: '3311', contactpersoon: { naam: 'Test', telefoon: '078-123 45 67' }, email: `a${Math.random().toString(36).slice(2)}@test.example`, wachtwoord: 'Stroopwafel-met-koffie-9' } }
    },
    expect: { anoniem: 200, ...loggedIn(200) },
  },
  'POST /api/aanmeldingen/bevestigen': { prepare: async () => ({ body: geenLink }), expect: { anoniem: 400, ...loggedIn(400) } },
  'POST /api/uitnodigingen/bekijken': { prepare: async () => ({ body: geenLink }), expect: { anoniem: 400, ...loggedIn(400) } },
  'POST /api/uitnodigingen/accepteren': { prepare: async () => ({ body: { ...geenLink, naam: 'N', wachtwoord: 'Stroopwafel-met-koffie-9' } }), expect: { anoniem: 400, ...loggedIn(400) } },
  'POST /api/uitnodigingen': { prepare: async () => ({ body: { email: `c${Math.random().toString(36).slice(2)}@test.example` } }), expect: only(200, ['werkgever', 'werkgeverAnder']) },
  // vetting: a beheerder whose werkgebied holds the postcode (Dordrecht); one elsewhere gets a 404
  'GET /api/aanmeldingen': { expect: only(200, ['beheerder']) },
  'GET /api/aanmeldingen/:id': { prepare: async () => ({ path: `/api/aanmeldingen/${await newAanmelding()}` }), expect: only(200, ['beheerder']), grens: true },
  'POST /api/aanmeldingen/:id/goedkeuren': { prepare: async () => ({ path: `/api/aanmeldingen/${await newAanmelding()}/goedkeuren` }), expect: only(200, ['beheerder']), grens: true },
  'POST /api/aanmeldingen/:id/afwijzen': {
    prepare: async () => ({ path: `/api/aanmeldingen/${await newAanmelding()}/afwijzen`, body: { reden: 'Geen bestaand bedrijf gevonden.' } }),
    expect: only(200, ['beheerder']),
    grens: true,
  },
  'GET /api/organisaties/:id/gebruikers': { prepare: async () => ({ path: `/api/organisaties/${orgA}/gebruikers` }), expect: { ...only(200, ['beheerder', 'werkgever']), werkgeverAnder: 404 } },
  'GET /api/health': { expect: { anoniem: 200, ...loggedIn(200) } },
  'GET /api/openapi.json': { expect: { anoniem: 200, ...loggedIn(200) } },
  'GET /api/docs': { expect: { anoniem: 200, ...loggedIn(200) } },
}

beforeAll(async () => {
  provider = await startTestProvider({ redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [`${ORIGIN}/inloggen`] })
  t = await testApp({ ...provider.env, ...MAIL_GEEN_SERVER })
  orgA = await t.makeOrganisatie('Organisatie A')
  const orgB = await t.makeOrganisatie('Organisatie B')
  const delft = await t.makeGemeente('Delft')
  const users = {
    beheerder: await t.makeUser('beheerder'),
    jobhunter: await t.makeUser('jobhunter'),
    jobcoach: await t.makeUser('jobcoach'),
    jobcoachAnder: await t.makeUser('jobcoach'),
    werkgever: await t.makeUser('werkgever', orgA),
    werkgeverAnder: await t.makeUser('werkgever', orgB),
    jobhunterElders: await t.makeUser('jobhunter', undefined, { werkgebied: [delft] }),
    jobcoachElders: await t.makeUser('jobcoach', undefined, { werkgebied: [delft] }),
    beheerderElders: await t.makeUser('beheerder', undefined, { werkgebied: [delft] }),
    jobhunterRegio: await t.makeUser('jobhunter', undefined, { werkgebied: [t.DORDRECHT, await t.makeGemeente('Zwijndrecht')] }),
  }
  for (const [wie, u] of Object.entries(users)) {
    cookies[wie as Wie] = u.cookie
    emails[wie as Wie] = u.email
  }
  jobcoachId = users.jobcoach.id
  jobhunterId = users.jobhunter.id
})
afterAll(async () => {
  t.close()
  await provider.close()
})

describe('role × route matrix', () => {
  it('every API route of the app has an entry in the matrix (and no entry is stale)', async () => {
    const fresh = await testApp()
    const routes = [...new Set(fresh.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))]
    fresh.close()
    expect(routes.sort()).toEqual(Object.keys(matrix).sort())
  })

  it('every entry says what every role gets, anonymous and the other werkgever and jobcoach included', () => {
    for (const [route, entry] of Object.entries(matrix)) expect(Object.keys(compleet(entry)).sort(), route).toEqual([...iedereen].sort())
  })

  const cells = Object.entries(matrix).flatMap(([route, entry]) =>
    Object.entries(compleet(entry)).map(([wie, status]) => ({ route, wie: wie as Wie, status: status as number, entry })),
  )
  it.each(cells)('$route as $wie answers $status', (cell) => checkCell(cell, cookies, (wie) => t.login(emails[wie]!)))
})

/** The callers who can sign in through the organisation's provider (werkgevers keep their password). */
const viaOidc: Wie[] = ['beheerder', 'jobhunter', 'jobcoach', 'jobcoachAnder', 'jobhunterElders', 'jobcoachElders', 'beheerderElders', 'jobhunterRegio']

describe('role × route matrix, with sessions made through OIDC', () => {
  const oidcCookies: Partial<Record<Wie, string>> = {}
  beforeAll(async () => {
    for (const wie of viaOidc) oidcCookies[wie] = await oidcSession(t, provider, emails[wie]!)
  })
  const cells = Object.entries(matrix).flatMap(([route, entry]) =>
    Object.entries(compleet(entry))
      .filter(([wie]) => viaOidc.includes(wie as Wie))
      .map(([wie, status]) => ({ route, wie: wie as Wie, status: status as number, entry })),
  )
  it.each(cells)('$route as $wie (OIDC session) answers $status', (cell) => checkCell(cell, oidcCookies, (wie) => oidcSession(t, provider, emails[wie]!)))
})

/** One cell: the call as `wie`, with a fresh session (`login`) where the call ends the one it uses. */
async function checkCell(
  { route, wie, status, entry }: { route: string; wie: Wie; status: number; entry: Entry },
  cookiesOf: Partial<Record<Wie, string>>,
  login: (wie: Wie) => Promise<string>,
) {
  {
    const [method, pattern] = route.split(' ') as [string, string]
    const { path = pattern, body } = (await entry.prepare?.()) ?? {}
    const cookie = entry.ownSession && wie !== 'anoniem' ? await login(wie) : cookiesOf[wie]
    const res = await t.request(method, path, { cookie, body })
    expect(res.status, res.text.slice(0, 300)).toBe(status)
    if (status >= 400 && path.startsWith('/api')) {
      expect(res.json.error.code).toBeTypeOf('string')
      expect(res.json.error.message).toBeTypeOf('string')
      // a refused request never carries data
      expect(Object.keys(res.json)).toEqual(['error'])
    }
  }
}

/**
 * A deelnemer erased after an ended plaatsing with `jobcoach`: before the erase the beheerder, the
 * jobhunter and that jobcoach could read the dossier; afterwards it is a 404 for each of them.
 */
const newErasedDeelnemer = async () => {
  const plekId = await newPlekOfA()
  await t.request('POST', `/api/plekken/${plekId}/publiceren`, { cookie: cookies.werkgever })
  const deelnemerId = (await t.request('POST', '/api/deelnemers', { cookie: cookies.jobhunter, body: deelnemerBody({ toestemmingDelen: true }) })).json.id as string
  const v = await t.request('POST', '/api/voorstellen', { cookie: cookies.jobhunter, body: { deelnemerId, plekId, modus: 'aanbodgericht', jobcoachId } })
  const p = await t.request('POST', `/api/voorstellen/${v.json.id}/accepteren`, { cookie: cookies.werkgever, body: { startdatum: '2026-11-02' } })
  await t.request('POST', `/api/plaatsingen/${p.json.id}/beeindigen`, { cookie: cookies.jobcoach, body: { einddatum: '2026-11-20', eindreden: 'verhuisd' } })
  expect((await t.request('GET', `/api/deelnemers/${deelnemerId}`, { cookie: cookies.jobcoach })).status).toBe(200)
  expect((await t.request('DELETE', `/api/deelnemers/${deelnemerId}`, { cookie: cookies.beheerder })).status).toBe(204)
  return deelnemerId
}

/** Every route that reads one deelnemer by id (in the path, or the body of a voorstel), called for an erased deelnemer. */
const gewist: Record<string, Entry> = {
  'GET /api/deelnemers/:id': {
    prepare: async () => ({ path: `/api/deelnemers/${await newErasedDeelnemer()}` }),
    expect: { ...only(404, ['beheerder', 'jobhunter', 'jobcoach']), jobcoachAnder: 404 },
  },
  'PATCH /api/deelnemers/:id': {
    prepare: async () => ({ path: `/api/deelnemers/${await newErasedDeelnemer()}`, body: { status: 'zoekend' } }),
    expect: only(404, ['beheerder', 'jobhunter']),
  },
  'GET /api/deelnemers/:id/matches': {
    prepare: async () => ({ path: `/api/deelnemers/${await newErasedDeelnemer()}/matches` }),
    expect: only(404, ['beheerder', 'jobhunter']),
  },
  'GET /api/deelnemers/:id/export': {
    prepare: async () => ({ path: `/api/deelnemers/${await newErasedDeelnemer()}/export` }),
    expect: only(404, ['beheerder']),
  },
  'DELETE /api/deelnemers/:id': {
    prepare: async () => ({ path: `/api/deelnemers/${await newErasedDeelnemer()}` }),
    expect: only(404, ['beheerder']),
  },
  'PUT /api/deelnemers/:id/regievoerder': {
    prepare: async () => ({ path: `/api/deelnemers/${await newErasedDeelnemer()}/regievoerder`, body: { regievoerderId: jobhunterId } }),
    expect: only(404, ['beheerder']),
  },
  'PUT /api/deelnemers/:id/gemeente': {
    prepare: async () => ({ path: `/api/deelnemers/${await newErasedDeelnemer()}/gemeente`, body: { gemeenteId: t.DORDRECHT } }),
    expect: only(404, ['beheerder']),
  },
  'POST /api/voorstellen': {
    prepare: async () => {
      const plekId = await newPlekOfA()
      await t.request('POST', `/api/plekken/${plekId}/publiceren`, { cookie: cookies.werkgever })
      return { body: { deelnemerId: await newErasedDeelnemer(), plekId, modus: 'aanbodgericht' } }
    },
    expect: only(404, ['jobhunter']),
  },
}

describe('an erased deelnemer × route matrix', () => {
  it('every route with a deelnemer id in its path has an entry', () => {
    const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/deelnemers/:id')).map((r) => `${r.method} ${r.path}`))]
    expect(routes.sort()).toEqual(Object.keys(gewist).filter((r) => r.includes('/deelnemers/:id')).sort())
    for (const [route, entry] of Object.entries(gewist)) expect(Object.keys(compleet(entry)).sort(), route).toEqual([...iedereen].sort())
  })

  const cells = Object.entries(gewist).flatMap(([route, entry]) =>
    Object.entries(compleet(entry)).map(([wie, status]) => ({ route, wie: wie as Wie, status: status as number, entry })),
  )
  it.each(cells)('$route for an erased deelnemer as $wie answers $status', async ({ route, wie, status, entry }) => {
    const [method, pattern] = route.split(' ') as [string, string]
    const { path = pattern, body } = (await entry.prepare?.()) ?? {}
    const res = await t.request(method, path, { cookie: cookies[wie], body })
    expect(res.status, res.text.slice(0, 300)).toBe(status)
    expect(Object.keys(res.json)).toEqual(['error'])
    if (status === 404) expect(res.json.error).toEqual({ code: 'niet-gevonden', message: 'De deelnemer is niet gevonden.' })
  })
})
