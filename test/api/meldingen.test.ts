import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { deelnemerBody, fourUsers, plekBody, type TestApp, type User } from '../helpers.js'
import { mailOutbox, melding, plekSignalering, werkgebied } from '../../db/schema.js'
import { startMeldingen, type MeldingenRuntime } from '../../server/meldingen/index.js'
import { SignaleringWorker } from '../../server/meldingen/signalering.js'
import { runDailyJobs, runHourlyJobs } from '../../server/daily-jobs.js'
import { afmeldToken } from '../../server/services/meldingen.js'

// Meldingen through the API on a real database: who hears of what, once, and what the words say.

const NAAM = 'Amina Yusuf'
let t: TestApp, werkgever: User, jobhunter: User, jobcoach: User, beheerder: User, m: MeldingenRuntime
beforeEach(async () => {
  ;({ t, werkgever, jobhunter, jobcoach, beheerder } = await fourUsers())
  m = startMeldingen(t.deps, { background: false })
})
afterEach(() => t.close())

const meldingenVan = async (u: User) => (await t.request('GET', '/api/meldingen', { cookie: u.cookie })).json
const publish = async (body: Record<string, unknown> = {}) => {
  const { json } = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody(body) })
  expect((await t.request('POST', `/api/plekken/${json.id}/publiceren`, { cookie: werkgever.cookie })).status).toBe(200)
  return json.id as string
}
const deelnemer = async (body: Record<string, unknown> = {}) =>
  (await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: NAAM, kinderopvang: 'geregeld', toestemmingDelen: true, ...body }) })).json.id as string

describe('proactive matching', () => {
  it('a published plek that fits gives its jobhunter one melding linking to the match list; not in the request, once per state', async () => {
    await deelnemer()
    await deelnemer({ naam: 'Tweede Persoon' })
    const plekId = await publish({ titel: 'Magazijnmedewerker met buddy' })
    // the publish request only queued the run
    expect((await meldingenVan(jobhunter)).total).toBe(0)
    expect(await t.database.db.select().from(plekSignalering)).toHaveLength(1)
    await m.signalering.drain()
    const lijst = await meldingenVan(jobhunter)
    expect(lijst.items).toHaveLength(1)
    expect(lijst.items[0]).toMatchObject({ soort: 'plek-past', titel: 'Nieuwe plek „Magazijnmedewerker met buddy” past bij 2 van uw deelnemers', link: `/plekken/${plekId}/matches`, gelezen: false })
    expect(JSON.stringify(lijst)).not.toContain('Amina')
    expect((await t.request('GET', '/api/meldingen/ongelezen', { cookie: jobhunter.cookie })).json).toEqual({ ongelezen: 1 })
    // the link opens the match list with those deelnemers
    const matches = await t.request('GET', lijst.items[0].link.replace(/^/, '/api'), { cookie: jobhunter.cookie })
    expect(matches.json.items.map((i: any) => i.deelnemer.naam).sort()).toEqual([NAAM, 'Tweede Persoon'])

    // a change that does not matter, and the same run again on a second instance: nothing new
    await t.request('PATCH', `/api/plekken/${plekId}`, { cookie: werkgever.cookie, body: { omschrijving: 'Andere woorden, zelfde plek en zelfde uren.' } })
    await new SignaleringWorker(t.deps).drain()
    await t.database.db.update(plekSignalering).set({ doneAt: null })
    await Promise.all([m.signalering.drain(), new SignaleringWorker(t.deps).drain()])
    expect((await meldingenVan(jobhunter)).total).toBe(1)
    // a change in what decides who fits (dagdelen) is a new state: one new melding
    await t.request('PATCH', `/api/plekken/${plekId}`, { cookie: werkgever.cookie, body: { dagdelen: ['ma-ochtend', 'wo-ochtend'] } })
    await m.signalering.drain()
    expect((await meldingenVan(jobhunter)).total).toBe(2)
    expect((await meldingenVan(jobhunter)).items.map((i: { titel: string }) => i.titel)).toContain('Plek „Magazijnmedewerker met buddy” is gewijzigd en past nu bij 2 van uw deelnemers')
    // the werkgever, jobcoach and beheerder heard nothing of it
    for (const u of [werkgever, jobcoach, beheerder]) expect((await meldingenVan(u)).total).toBe(0)
  })

  it('the gemeente’s threshold decides; a beheerder of that gemeente sets it', async () => {
    await deelnemer()
    const hoog = await t.request('PUT', `/api/gemeenten/${t.DORDRECHT}/matchdrempel`, { cookie: beheerder.cookie, body: { drempel: 100 } })
    expect(hoog.json).toMatchObject({ matchDrempel: 100 })
    expect((await t.request('PUT', `/api/gemeenten/${t.DORDRECHT}/matchdrempel`, { cookie: jobhunter.cookie, body: { drempel: 10 } })).status).toBe(403)
    const elders = await t.makeGemeente()
    expect((await t.request('PUT', `/api/gemeenten/${elders}/matchdrempel`, { cookie: beheerder.cookie, body: { drempel: 10 } })).status).toBe(404)
    await publish()
    await m.signalering.drain()
    expect((await meldingenVan(jobhunter)).total).toBe(0)
  })

  it('nobody outside the plek’s reach or another jobhunter’s deelnemers is counted', async () => {
    await deelnemer({ postcode: '6041' }) // Roermond: out of reach
    await publish()
    await m.signalering.drain()
    expect((await meldingenVan(jobhunter)).total).toBe(0)
  })

  it('a deelnemer in a gemeente no longer in their regievoerder’s werkgebied counts for nobody', async () => {
    await deelnemer()
    await t.database.db.delete(werkgebied).where(and(eq(werkgebied.gebruikerId, jobhunter.id), eq(werkgebied.gemeenteId, t.DORDRECHT)))
    await publish()
    await m.signalering.drain()
    expect((await meldingenVan(jobhunter)).total).toBe(0)
  })
})

describe('signals for what someone must act on', () => {
  it('voorstel → werkgever; declined → jobhunter; accepted → jobhunter and the jobcoach; ended → jobhunter; contacts → jobcoach, once', async () => {
    const d = await deelnemer()
    const plekId = await publish()
    const v1 = (await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId, modus: 'vraaggericht' } })).json
    const w = await meldingenVan(werkgever)
    expect(w.items).toEqual([expect.objectContaining({ soort: 'voorstel-nieuw', titel: 'Nieuw voorstel voor „Magazijnmedewerker orderpicken”', link: '/voorstellen?status=voorgesteld' })])
    expect(JSON.stringify(w)).not.toContain('Amina')

    await t.request('POST', `/api/voorstellen/${v1.id}/afwijzen`, { cookie: werkgever.cookie, body: { reden: 'Amina spreekt nog te weinig Nederlands voor deze plek.' } })
    let j = await meldingenVan(jobhunter)
    expect(j.items[0]).toMatchObject({ soort: 'voorstel-afgewezen', titel: 'Voorstel afgewezen voor „Magazijnmedewerker orderpicken”' })
    // the werkgever's free text (which may name the person) stays at the voorstel
    expect(JSON.stringify(j)).not.toContain('Amina')

    t.clock.advance(60_000) // newest first: one minute later
    const v2 = (await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId, modus: 'vraaggericht' } })).json
    const acc = await t.request('POST', `/api/voorstellen/${v2.id}/accepteren`, { cookie: werkgever.cookie, body: { startdatum: '2026-11-23', jobcoachId: jobcoach.id } })
    expect(acc.status).toBe(201)
    j = await meldingenVan(jobhunter)
    expect(j.items[0]).toMatchObject({ soort: 'voorstel-geaccepteerd' })
    const c = await meldingenVan(jobcoach)
    expect(c.items).toEqual([expect.objectContaining({ soort: 'plaatsing-toegewezen', link: `/plaatsingen/${acc.json.id}` })])

    // the startgesprek is due today: one melding, however often the job runs
    t.clock.advance(60_000)
    await runHourlyJobs(t.deps)
    await runHourlyJobs(t.deps)
    expect((await meldingenVan(jobcoach)).items.map((x: any) => x.soort)).toEqual(['contact-vandaag', 'plaatsing-toegewezen'])
    t.clock.advance(2 * 86_400_000)
    await runHourlyJobs(t.deps)
    await runHourlyJobs(t.deps)
    const soorten = await t.database.db.select({ soort: melding.soort }).from(melding).where(eq(melding.gebruikerId, jobcoach.id)).orderBy(melding.createdAt)
    expect(soorten.map((x) => x.soort)).toEqual(['plaatsing-toegewezen', 'contact-vandaag', 'contact-achterstallig'])

    // two days on, the sessions of this morning have run out: log in again
    const [coach, hunter] = [await t.login(jobcoach.email), await t.login(jobhunter.email)]
    await t.request('POST', `/api/plaatsingen/${acc.json.id}/beeindigen`, { cookie: coach, body: { einddatum: '2026-11-24', eindreden: 'gezondheid' } })
    j = (await t.request('GET', '/api/meldingen', { cookie: hunter })).json
    expect(j.items[0]).toMatchObject({ soort: 'plaatsing-beeindigd', link: `/deelnemers/${d}/matches` })
    const alle = await t.database.db.select({ titel: melding.titel, tekst: melding.tekst }).from(melding)
    expect(JSON.stringify(alle)).not.toMatch(/Amina|Yusuf|A\. ?Y\./)
  })
})

describe('reading and settings', () => {
  it('mark one and all read; another person’s melding does not exist for you', async () => {
    await deelnemer()
    await publish()
    await publish({ titel: 'Tweede plek', postcode: '3312 AB' })
    await m.signalering.drain()
    const [a] = (await meldingenVan(jobhunter)).items
    expect((await t.request('POST', `/api/meldingen/${a.id}/gelezen`, { cookie: werkgever.cookie })).status).toBe(404)
    const een = await t.request('POST', `/api/meldingen/${a.id}/gelezen`, { cookie: jobhunter.cookie })
    expect(een.json).toMatchObject({ id: a.id, gelezen: true })
    expect((await t.request('GET', '/api/meldingen/ongelezen', { cookie: jobhunter.cookie })).json.ongelezen).toBe(1)
    expect((await t.request('GET', '/api/meldingen?ongelezen=true', { cookie: jobhunter.cookie })).json.total).toBe(1)
    expect((await t.request('POST', '/api/meldingen/alles-gelezen', { cookie: jobhunter.cookie })).json).toEqual({ gemarkeerd: 1, ongelezen: 0 })
    expect((await t.request('GET', '/api/meldingen/ongelezen', { cookie: jobhunter.cookie })).json.ongelezen).toBe(0)
  })

  it('the e-mail preference, and unsubscribing with the signed link without logging in', async () => {
    expect((await t.request('GET', '/api/meldingen/voorkeur', { cookie: jobhunter.cookie })).json).toEqual({ mail: 'direct', mailAan: false })
    expect((await t.request('PUT', '/api/meldingen/voorkeur', { cookie: jobhunter.cookie, body: { mail: 'dagelijks' } })).json.mail).toBe('dagelijks')
    const fout = await t.request('PUT', '/api/meldingen/voorkeur', { cookie: jobhunter.cookie, body: { mail: 'soms' } })
    expect(fout.status).toBe(400)
    const token = afmeldToken(t.deps.config, jobhunter.id)
    const vervalst = `${token.split('.')[0]}.${'A'.repeat(43)}`
    const slecht = await t.request('POST', '/api/afmelden', { body: { token: vervalst } })
    expect(slecht.status).toBe(400)
    expect(slecht.json.error).toMatchObject({ code: 'ongeldige-afmeldlink' })
    // another person's id with this person's signature is refused too
    const ander = `${Buffer.from(werkgever.id).toString('base64url')}.${token.split('.')[1]}`
    expect((await t.request('POST', '/api/afmelden', { body: { token: ander } })).status).toBe(400)
    expect((await t.request('POST', '/api/afmelden', { body: { token } })).json).toEqual({ mail: 'uit' })
    expect((await t.request('GET', '/api/meldingen/voorkeur', { cookie: jobhunter.cookie })).json.mail).toBe('uit')
    const [w] = await t.database.db.select().from(melding).where(eq(melding.gebruikerId, werkgever.id))
    expect(w).toBeUndefined()
  })

  it('the daily job keeps meldingen a year, handled mail rows and runs 30 days', async () => {
    await deelnemer()
    await publish()
    await m.signalering.drain()
    await m.mail.drain() // no SMTP here: the row is closed as geen-smtp
    const tel = async () => ({
      meldingen: (await t.database.db.select().from(melding)).length,
      runs: (await t.database.db.select().from(plekSignalering)).length,
      mails: (await t.database.db.select().from(mailOutbox)).length,
    })
    expect(await tel()).toEqual({ meldingen: 1, runs: 1, mails: 1 })
    t.clock.advance(31 * 86_400_000)
    await runDailyJobs(t.deps)
    expect(await tel()).toEqual({ meldingen: 1, runs: 0, mails: 0 })
    t.clock.advance(335 * 86_400_000)
    await runDailyJobs(t.deps)
    expect(await tel()).toEqual({ meldingen: 0, runs: 0, mails: 0 })
  })

  it('without a session every meldingen route is a 401', async () => {
    for (const [method, path] of [['GET', '/api/meldingen'], ['GET', '/api/meldingen/ongelezen'], ['POST', '/api/meldingen/alles-gelezen'], ['GET', '/api/meldingen/voorkeur']] as const)
      expect((await t.request(method, path)).status).toBe(401)
  })
})
