import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deelnemerBody, plekBody, testApp, type TestApp, type User } from '../helpers.js'
import { startMeldingen, type MeldingenRuntime } from '../../server/meldingen/index.js'
import { runHourlyJobs } from '../../server/daily-jobs.js'
import { mailOutbox } from '../../db/schema.js'
import { startSmtp, type TestSmtp } from '../smtp.js'

// E-mail of meldingen through a real SMTP server in this process (smtp-server), read with
// mailparser: who gets what, that no deelnemer's name is anywhere in the message, retries, the
// daily digest, and the unsubscribe link.

const NAAM = 'Amina Yusuf'
const deelnemerSporen = /Amina|Yusuf|A\. ?Y\.|Somalisch|1991/

let t: TestApp, smtp: TestSmtp, m: MeldingenRuntime, werkgever: User, jobhunter: User
beforeEach(async () => {
  smtp = await startSmtp()
  t = await testApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Participatieplekken <noreply@plekken.example>', MAIL_TIMEOUT_SECONDS: '5' })
  m = startMeldingen(t.deps, { background: false })
  werkgever = await t.makeUser('werkgever', await t.makeOrganisatie('Zorgcentrum De Merwe'))
  jobhunter = await t.makeUser('jobhunter')
})
afterEach(async () => {
  t.close()
  await smtp.close()
})

/** A published plek of the werkgever and a voorstel for it (fresh logins: the test moves the clock past sessions). */
async function voorstel(titel = 'Magazijnmedewerker met buddy') {
  const [wg, jh] = [await t.login(werkgever.email), await t.login(jobhunter.email)]
  const plek = (await t.request('POST', '/api/plekken', { cookie: wg, body: plekBody({ titel }) })).json.id
  await t.request('POST', `/api/plekken/${plek}/publiceren`, { cookie: wg })
  const d = (await t.request('POST', '/api/deelnemers', { cookie: jh, body: deelnemerBody({ naam: NAAM, toestemmingDelen: true }) })).json.id
  const v = await t.request('POST', '/api/voorstellen', { cookie: jh, body: { deelnemerId: d, plekId: plek, modus: 'vraaggericht', toelichting: `${NAAM} wil graag in de logistiek werken.` } })
  expect(v.status, v.text).toBe(201)
  return v.json.id as string
}

const expectNoDeelnemer = (bron: string, text = '', html = '') => {
  expect(bron).not.toMatch(deelnemerSporen)
  expect(text).not.toMatch(deelnemerSporen)
  expect(html).not.toMatch(deelnemerSporen)
}

describe('e-mail of meldingen', () => {
  it('a new voorstel: one mail to the werkgever, Dutch, text and HTML, no deelnemer data, a working unsubscribe link', async () => {
    await voorstel()
    await m.mail.drain()
    await m.mail.drain()
    expect(smtp.ontvangen).toHaveLength(1)
    const { aan, bron, mail } = smtp.ontvangen[0]!
    expect(aan).toEqual([werkgever.email])
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(werkgever.email)
    expect(mail.from?.value).toEqual([{ name: 'Participatieplekken', address: 'noreply@plekken.example' }])
    expect(mail.subject).toBe('Nieuw voorstel voor „Magazijnmedewerker met buddy”')
    expect(mail.text).toContain('Een jobhunter stelt een kandidaat voor. Bekijk het voorstel en geef antwoord.')
    expect(mail.text).toContain('http://localhost:3000/voorstellen?status=voorgesteld')
    expect(mail.html).toContain('<html lang="nl">')
    expect(mail.html).toContain('Bekijk het in Participatieplekken')
    expectNoDeelnemer(bron, mail.text, mail.html || '')
    // the unsubscribe link works without logging in
    const url = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(bron)![1]!
    expect(url).toMatch(/^http:\/\/localhost:3000\/afmelden\?token=/)
    expect(mail.text).toContain(url)
    const token = new URL(url).searchParams.get('token')!
    expect((await t.request('POST', '/api/afmelden', { body: { token } })).json).toEqual({ mail: 'uit' })
    await voorstel('Tweede plek')
    await m.mail.drain()
    expect(smtp.ontvangen).toHaveLength(1)
    expect((await t.database.db.select({ u: mailOutbox.uitkomst }).from(mailOutbox)).map((r) => r.u).sort()).toEqual(['uit', 'verzonden'])
  })

  it('a server that refuses for now: retried after a backoff, delivered once', async () => {
    smtp.weigerVolgende(1)
    await voorstel()
    await m.mail.drain()
    expect(smtp.ontvangen).toHaveLength(0)
    expect(t.logs.some((l) => l.event === 'mail-mislukt')).toBe(true)
    // the log line never holds the address or the message
    expect(JSON.stringify(t.logs)).not.toContain(werkgever.email)
    await m.mail.drain() // too early: the backoff holds it
    expect(smtp.ontvangen).toHaveLength(0)
    t.clock.advance(5_000)
    await m.mail.drain()
    await m.mail.drain()
    expect(smtp.ontvangen.map((o) => o.aan)).toEqual([[werkgever.email]])
    const [row] = await t.database.db.select().from(mailOutbox)
    expect(row).toMatchObject({ attempts: 1, uitkomst: 'verzonden' })
  })

  it('the daily digest groups a day’s meldingen in one mail the next day', async () => {
    expect((await t.request('PUT', '/api/meldingen/voorkeur', { cookie: werkgever.cookie, body: { mail: 'dagelijks' } })).status).toBe(200)
    await voorstel('Plek een')
    t.clock.advance(3 * 3600_000)
    await voorstel('Plek twee')
    t.clock.advance(3 * 3600_000)
    await voorstel('Plek drie')
    await m.mail.drain()
    await runHourlyJobs(t.deps)
    await m.mail.drain()
    expect(smtp.ontvangen).toHaveLength(0) // nothing during the day
    t.clock.set('2026-11-24T06:00:00.000Z') // the next morning
    await voorstel('Plek van vandaag')
    await runHourlyJobs(t.deps)
    await runHourlyJobs(t.deps)
    await m.mail.drain()
    expect(smtp.ontvangen).toHaveLength(1)
    const { aan, bron, mail } = smtp.ontvangen[0]!
    expect(aan).toEqual([werkgever.email])
    expect(mail.subject).toBe('Uw meldingen van maandag 23 november 2026 (3 meldingen)')
    const regels = mail.text!.split('\n').filter((r) => r.startsWith('- '))
    expect(regels).toEqual(['- Nieuw voorstel voor „Plek een”', '- Nieuw voorstel voor „Plek twee”', '- Nieuw voorstel voor „Plek drie”'])
    expect(mail.text).not.toContain('Plek van vandaag')
    expectNoDeelnemer(bron, mail.text, mail.html || '')
    // the day after: today's melding, alone
    t.clock.set('2026-11-25T06:00:00.000Z')
    await runHourlyJobs(t.deps)
    await m.mail.drain()
    expect(smtp.ontvangen.map((o) => o.mail.subject)).toEqual([
      'Uw meldingen van maandag 23 november 2026 (3 meldingen)',
      'Uw meldingen van dinsdag 24 november 2026 (1 melding)',
    ])
  })

  it('without SMTP_URL e-mail is off: meldingen stay in the app, nothing is sent', async () => {
    const zonder = await testApp()
    const runtime = startMeldingen(zonder.deps, { background: false })
    const w = await zonder.makeUser('werkgever', await zonder.makeOrganisatie())
    const j = await zonder.makeUser('jobhunter')
    const plek = (await zonder.request('POST', '/api/plekken', { cookie: w.cookie, body: plekBody() })).json.id
    await zonder.request('POST', `/api/plekken/${plek}/publiceren`, { cookie: w.cookie })
    const d = (await zonder.request('POST', '/api/deelnemers', { cookie: j.cookie, body: deelnemerBody({ toestemmingDelen: true }) })).json.id
    await zonder.request('POST', '/api/voorstellen', { cookie: j.cookie, body: { deelnemerId: d, plekId: plek, modus: 'vraaggericht' } })
    await runtime.mail.drain()
    expect((await zonder.request('GET', '/api/meldingen', { cookie: w.cookie })).json.total).toBe(1)
    expect((await zonder.database.db.select({ u: mailOutbox.uitkomst }).from(mailOutbox)).map((r) => r.u)).toEqual(['geen-smtp'])
    expect((await zonder.request('GET', '/api/meldingen/voorkeur', { cookie: w.cookie })).json.mailAan).toBe(false)
    zonder.close()
    expect(smtp.ontvangen).toHaveLength(0)
  })
})
