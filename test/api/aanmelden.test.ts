import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { countRows, MAIL_GEEN_SERVER, plekBody, testApp, type TestApp, type User } from '../helpers.js'
import { startMeldingen, type MeldingenRuntime } from '../../server/meldingen/index.js'
import { aanmelding, audit, gebruiker, loginPoging, mailOutbox, melding, organisatie, toegangslink } from '../../db/schema.js'
import { deleteVerlopenAanmeldingen } from '../../server/services/aanmeldingen.js'
import { lijktOp } from '../../server/domain/aanmelding.js'
import { startSmtp, type TestSmtp } from '../smtp.js'

// Self-registration through the API on a real database, with the e-mails going through a real SMTP
// server in this process: register → mail → confirm → vetting → publish, and every refusal.

let t: TestApp, smtp: TestSmtp, m: MeldingenRuntime, beheerder: User
beforeEach(async () => {
  smtp = await startSmtp()
  t = await testApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Participatieplekken <noreply@plekken.example>', MAIL_TIMEOUT_SECONDS: '5' })
  m = startMeldingen(t.deps, { background: false })
  beheerder = await t.makeUser('beheerder') // werkgebied Dordrecht
})
afterEach(async () => {
  t.close()
  await smtp.close()
})

const WACHTWOORD = 'Stroopwafel-met-koffie-9'
export const aanmeldBody = (over: Record<string, unknown> = {}) => ({
  naam: 'Bakkerij De Korenschoof',
  soort: 'werkgever',
  kvkNummer: '12345678',
  postcode: '3311 AB',
  plaats: 'Dordrecht',
  contactpersoon: { naam: 'Fatima El Amrani', telefoon: '078-123 45 67' },
  email: 'fatima@korenschoof.example',
  wachtwoord: WACHTWOORD,
  ...over,
})

/** Sends the outbox and answers the mails that arrived for `aan` since `vanaf`. */
async function mailsAan(aan: string, vanaf = 0) {
  await m.mail.drain()
  return smtp.ontvangen.slice(vanaf).filter((o) => o.aan.includes(aan))
}
const linkIn = (text: string, pad: string) => {
  const url = text.match(new RegExp(`https?://\\S+${pad}\\?token=\\S+`))?.[0]
  if (!url) throw new Error(`geen link ${pad} in:\n${text}`)
  return new URL(url).searchParams.get('token')!
}
const register = (over: Record<string, unknown> = {}, headers?: Record<string, string>) => t.request('POST', '/api/aanmeldingen', { body: aanmeldBody(over), headers })
const confirm = (token: string) => t.request('POST', '/api/aanmeldingen/bevestigen', { body: { token } })
const orgOf = async (email: string) => (await t.database.db.select({ id: gebruiker.organisatieId }).from(gebruiker).where(eq(gebruiker.email, email)))[0]!.id!

async function registeredAndConfirmed(over: Record<string, unknown> = {}) {
  const body = aanmeldBody(over)
  expect((await register(over)).status).toBe(200)
  const [mail] = await mailsAan(body.email)
  expect((await confirm(linkIn(mail!.mail.text!, '/aanmelden/bevestigen'))).status).toBe(200)
  return orgOf(body.email)
}

describe('the path of a new organisatie', () => {
  it('register → confirmation mail → confirm → concept but no publishing → beheerder approves (mailed, audited) → publishes', async () => {
    const antwoord = await register()
    expect(antwoord.status).toBe(200)
    expect(antwoord.json.bericht).toMatch(/We hebben een e-mail gestuurd/)
    // nothing usable before the address is confirmed
    const vooraf = await t.request('POST', '/api/sessie', { body: { email: 'fatima@korenschoof.example', wachtwoord: WACHTWOORD } })
    expect(vooraf.status).toBe(401)
    expect(vooraf.json.error.message).toBe('Het e-mailadres of het wachtwoord klopt niet.')
    expect((await t.request('GET', '/api/aanmeldingen', { cookie: beheerder.cookie })).json.total).toBe(0)

    const [mail] = await mailsAan('fatima@korenschoof.example')
    expect(mail!.mail.subject).toBe('Bevestig de aanmelding van Bakkerij De Korenschoof')
    expect(mail!.mail.text).toMatch(/De link werkt 24 uur en maar één keer/)
    expect(mail!.mail.headers.get('list-unsubscribe')).toBeUndefined()
    const bevestigd = await confirm(linkIn(mail!.mail.text!, '/aanmelden/bevestigen'))
    expect(bevestigd.status, bevestigd.text).toBe(200)
    expect(bevestigd.json.bericht).toMatch(/Uw e-mailadres is bevestigd/)

    // the beheerder whose werkgebied holds 3311 (Dordrecht) hears of it
    const meldingen = (await t.request('GET', '/api/meldingen', { cookie: beheerder.cookie })).json
    const orgId = await orgOf('fatima@korenschoof.example')
    expect(meldingen.items).toEqual([expect.objectContaining({ soort: 'aanmelding-nieuw', titel: 'Nieuwe aanmelding: „Bakkerij De Korenschoof”', link: `/aanmeldingen/${orgId}` })])
    const lijst = (await t.request('GET', '/api/aanmeldingen', { cookie: beheerder.cookie })).json
    expect(lijst.items).toEqual([expect.objectContaining({ id: orgId, status: 'aangemeld', gemeente: { id: t.DORDRECHT, naam: 'Dordrecht' }, kvkNummer: '12345678' })])

    const wg = await t.login('fatima@korenschoof.example', WACHTWOORD)
    expect((await t.request('GET', `/api/organisaties/${orgId}`, { cookie: wg })).json.status).toBe('aangemeld')
    const plek = await t.request('POST', '/api/plekken', { cookie: wg, body: plekBody() })
    expect(plek.status).toBe(201)
    const teVroeg = await t.request('POST', `/api/plekken/${plek.json.id}/publiceren`, { cookie: wg })
    expect(teVroeg.status).toBe(409)
    expect(teVroeg.json.error).toEqual({ code: 'organisatie-niet-goedgekeurd', message: expect.stringMatching(/^De gemeente controleert de aanmelding van uw organisatie nog/) })
    const uitnodigen = await t.request('POST', '/api/uitnodigingen', { cookie: wg, body: { email: 'collega@korenschoof.example' } })
    expect(uitnodigen.status).toBe(409)
    expect(uitnodigen.json.error.message).toBe("Collega's uitnodigen kan zodra de gemeente de aanmelding van uw organisatie heeft goedgekeurd.")

    const vanaf = smtp.ontvangen.length
    const goed = await t.request('POST', `/api/aanmeldingen/${orgId}/goedkeuren`, { cookie: beheerder.cookie })
    expect(goed.status, goed.text).toBe(200)
    expect(goed.json).toMatchObject({ status: 'goedgekeurd', beoordeeldDoor: 'Test beheerder' })
    const [goedMail] = await mailsAan('fatima@korenschoof.example', vanaf)
    expect(goedMail!.mail.subject).toBe('Goedgekeurd: Bakkerij De Korenschoof kan plekken aanbieden')
    expect((await t.request('POST', `/api/plekken/${plek.json.id}/publiceren`, { cookie: wg })).json.status).toBe('gepubliceerd')
    const acties = (await t.database.db.select().from(audit).where(eq(audit.objectId, orgId))).map((a) => a.actie)
    expect(acties).toEqual(['organisatie-aangemeld', 'aanmelding-goedgekeurd'])
    expect((await t.request('POST', `/api/aanmeldingen/${orgId}/afwijzen`, { cookie: beheerder.cookie, body: { reden: 'Toch niet, te laat bedacht.' } })).json.error.code).toBe('aanmelding-al-beoordeeld')
  })

  it('a link works once and for 24 hours; a changed link is refused', async () => {
    await register()
    const [mail] = await mailsAan('fatima@korenschoof.example')
    const token = linkIn(mail!.mail.text!, '/aanmelden/bevestigen')
    const vals = await confirm(`${token.slice(0, -2)}xx`)
    expect(vals.status).toBe(400)
    expect(vals.json.error).toMatchObject({ code: 'ongeldige-link', message: 'Deze link klopt niet. Gebruik de hele link uit de e-mail.' })
    expect((await confirm(token)).status).toBe(200)
    const weer = await confirm(token)
    expect(weer.status).toBe(409)
    expect(weer.json.error).toEqual({ code: 'link-gebruikt', message: 'Deze link is al gebruikt. Uw e-mailadres is bevestigd: u kunt inloggen.' })

    await register({ email: 'later@bakker.example', naam: 'Bakkerij Later' })
    const [later] = await mailsAan('later@bakker.example')
    t.clock.advance(24 * 60 * 60_000 + 1000)
    const verlopen = await confirm(linkIn(later!.mail.text!, '/aanmelden/bevestigen'))
    expect(verlopen.status).toBe(409)
    expect(verlopen.json.error.code).toBe('link-verlopen')
    expect(verlopen.json.error.message).toBe('Deze link is verlopen: een bevestigingslink werkt 24 uur. Meld uw organisatie opnieuw aan; u krijgt dan een nieuwe link.')
    // never confirmed: removed by the daily job, nothing of it stays
    expect(await deleteVerlopenAanmeldingen(t.deps)).toBe(1)
    expect(await t.database.db.select().from(gebruiker).where(eq(gebruiker.email, 'later@bakker.example'))).toEqual([])
    expect((await t.database.db.select().from(organisatie).where(eq(organisatie.naam, 'Bakkerij Later')))).toEqual([])
  })

  it('registering again before confirming replaces the unconfirmed registration; the old link stops working', async () => {
    await register({ naam: 'Bakkerij Tikfout' })
    const [eerste] = await mailsAan('fatima@korenschoof.example')
    await register()
    const tweede = await mailsAan('fatima@korenschoof.example', 1)
    expect(tweede.map((o) => o.mail.subject)).toEqual(['Bevestig de aanmelding van Bakkerij De Korenschoof'])
    expect((await confirm(linkIn(eerste!.mail.text!, '/aanmelden/bevestigen'))).json.error.code).toBe('ongeldige-link')
    expect((await confirm(linkIn(tweede[0]!.mail.text!, '/aanmelden/bevestigen'))).status).toBe(200)
    expect((await t.database.db.select().from(organisatie)).map((o) => o.naam)).toEqual(['Bakkerij De Korenschoof'])
  })
})

describe('what registration reveals', () => {
  it('an address with an account gets the same answer; its owner gets a mail instead; nothing is created', async () => {
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie('Zorgcentrum De Merwe'))
    const nieuw = await register({ email: 'nieuw@korenschoof.example' })
    const voor = await countRows(t, { organisatie, gebruiker, aanmelding })
    const bekend = await register({ email: werkgever.email.toUpperCase(), naam: 'Iets Anders' })
    expect(bekend.status).toBe(nieuw.status)
    expect(bekend.json).toEqual(nieuw.json)
    expect(await countRows(t, { organisatie, gebruiker, aanmelding })).toEqual(voor)
    const [mail] = await mailsAan(werkgever.email)
    expect(mail!.mail.subject).toBe('Aanmelding met uw e-mailadres')
    expect(mail!.mail.text).toMatch(/Voor dit adres bestaat al een account. Er is niets veranderd./)
    expect(mail!.mail.text).not.toMatch(/token=/)
  })

  it('a filled honeypot gets the same answer and nothing is stored or mailed', async () => {
    const voor = await countRows(t, { organisatie, gebruiker, mailOutbox })
    const r = await register({ website: 'http://spam.example' })
    expect(r.status).toBe(200)
    expect(r.json.bericht).toMatch(/We hebben een e-mail gestuurd/)
    expect(await countRows(t, { organisatie, gebruiker, mailOutbox })).toEqual(voor)
    expect(t.logs.some((l) => l.event === 'aanmelding-honeypot' && !JSON.stringify(l).includes('korenschoof'))).toBe(true)
  })

  it('refusals of the form are Dutch and per field; the KvK-nummer is required where the soort has one', async () => {
    const r = await register({ kvkNummer: undefined, postcode: '12', wachtwoord: 'kort', contactpersoon: { naam: '', telefoon: 'x' } })
    expect(r.status).toBe(400)
    expect(r.json.error.fields).toMatchObject({
      kvkNummer: 'Vul het KvK-nummer van uw organisatie in (8 cijfers).',
      postcode: 'Vul een postcode in als 1234 AB (of alleen de vier cijfers).',
      wachtwoord: 'Kies een wachtwoord van minstens 12 tekens.',
      'contactpersoon.telefoon': 'Vul een telefoonnummer in, bijvoorbeeld 078-123 45 67.',
    })
    expect((await register({ kvkNummer: '1234567' })).json.error.fields.kvkNummer).toBe('Een KvK-nummer bestaat uit 8 cijfers.')
    expect((await register({ soort: 'onderwijsinstelling', kvkNummer: undefined })).status).toBe(200)
    expect((await register({ postcode: '1000', email: 'x@y.example' })).json.error.fields.postcode).toBe('Deze postcode kennen we niet. Controleer de vier cijfers.')
  })

  it('registrations slow down per domain at one address (429 in Dutch); another address is not held up', async () => {
    const van = (ip: string) => ({ 'x-forwarded-for': ip })
    const t2 = await testApp({ TRUST_PROXY: 'true', ...MAIL_GEEN_SERVER })
    const reg = (i: number, ip: string) => t2.request('POST', '/api/aanmeldingen', { body: aanmeldBody({ email: `p${i}@korenschoof.example` }), headers: van(ip) })
    for (let i = 0; i < 5; i++) expect((await reg(i, '10.0.0.1')).status).toBe(200)
    const zesde = await reg(5, '10.0.0.1')
    expect(zesde.status).toBe(429)
    expect(zesde.headers.get('retry-after')).toBe('5')
    expect(zesde.json.error).toEqual({ code: 'te-veel-pogingen', message: 'Te veel aanmeldingen vanaf dit adres of voor dit e-maildomein. Wacht 5 seconden en probeer het dan opnieuw.' })
    expect((await reg(6, '10.0.0.2')).status).toBe(200)
    t2.clock.advance(5000)
    expect((await reg(7, '10.0.0.1')).status).toBe(200)
    expect((await t2.database.db.select().from(loginPoging)).every((r) => !r.sleutel.includes('korenschoof'))).toBe(true)
    t2.close()
  })
})

describe('vetting', () => {
  it('shows organisaties with the same KvK-nummer or a similar name', async () => {
    const bestaand = await t.makeOrganisatie('Bakkerij de Korenschoof B.V.')
    await t.database.db.update(organisatie).set({ kvkNummer: '12345678' }).where(eq(organisatie.id, bestaand))
    const ander = await t.makeOrganisatie('Korenschoof')
    await t.makeOrganisatie('Slagerij Van Dam')
    const id = await registeredAndConfirmed()
    const detail = (await t.request('GET', `/api/aanmeldingen/${id}`, { cookie: beheerder.cookie })).json
    expect(detail.vergelijkbaar).toEqual([
      expect.objectContaining({ id: bestaand, kvkNummer: '12345678', waarom: ['zelfde-kvk', 'vergelijkbare-naam'], status: 'goedgekeurd' }),
      expect.objectContaining({ id: ander, waarom: ['vergelijkbare-naam'] }),
    ])
    expect(detail.gebruikers).toEqual([expect.objectContaining({ naam: 'Fatima El Amrani', email: 'fatima@korenschoof.example', actief: true, uitgenodigd: false })])
  })

  it('names alike: legal forms, case, accents and a typing slip do not count', () => {
    expect(lijktOp('Bakkerij De Korenschoof B.V.', 'bakkerij de korenschoof')).toBe(true)
    expect(lijktOp('Stichting Buurtwerk Crabbehof', 'Buurtwerk Crabbehof')).toBe(true)
    expect(lijktOp('Zorgcentrum De Merwe', 'Zorgcentrum de Merwee')).toBe(true)
    expect(lijktOp('Café Zuid', 'Cafe Zuid')).toBe(true)
    expect(lijktOp('Korenschoof Bakkerij B.V.', 'Bakkerij De Korenschoof')).toBe(true)
    expect(lijktOp('Zorgcentrum De Merwe', 'Zorgcentrum Het Anker')).toBe(false)
    expect(lijktOp('BV', 'NV')).toBe(false)
  })

  it('rejected: the reason is mailed, the accounts stop working, the decision is audited', async () => {
    const id = await registeredAndConfirmed()
    const wg = await t.login('fatima@korenschoof.example', WACHTWOORD)
    const kort = await t.request('POST', `/api/aanmeldingen/${id}/afwijzen`, { cookie: beheerder.cookie, body: { reden: 'nee' } })
    expect(kort.json.error.fields.reden).toBe('Gebruik minstens 10 tekens.')
    const vanaf = smtp.ontvangen.length
    const af = await t.request('POST', `/api/aanmeldingen/${id}/afwijzen`, { cookie: beheerder.cookie, body: { reden: 'Het KvK-nummer hoort bij een ander bedrijf. Bel ons gerust.' } })
    expect(af.status, af.text).toBe(200)
    expect(af.json).toMatchObject({ status: 'afgewezen', reden: 'Het KvK-nummer hoort bij een ander bedrijf. Bel ons gerust.' })
    const [mail] = await mailsAan('fatima@korenschoof.example', vanaf)
    expect(mail!.mail.subject).toBe('Afgewezen: de aanmelding van Bakkerij De Korenschoof')
    expect(mail!.mail.text).toMatch(/De reden:\nHet KvK-nummer hoort bij een ander bedrijf. Bel ons gerust./)
    expect((await t.request('GET', '/api/sessie', { cookie: wg })).status).toBe(401)
    expect((await t.request('POST', '/api/sessie', { body: { email: 'fatima@korenschoof.example', wachtwoord: WACHTWOORD } })).status).toBe(401)
    expect((await t.database.db.select().from(audit).where(eq(audit.objectId, id))).map((a) => [a.actie, a.gebruikerId])).toEqual([
      ['organisatie-aangemeld', null],
      ['aanmelding-afgewezen', beheerder.id],
    ])
    expect((await t.request('GET', '/api/aanmeldingen?status=afgewezen', { cookie: beheerder.cookie })).json.total).toBe(1)
  })

  it('only beheerders whose werkgebied holds the postcode see it; others get a 404; outside every gemeente the platform beheerder does', async () => {
    const elders = await t.makeUser('beheerder', undefined, { werkgebied: [await t.makeGemeente('Elders')] })
    const platform = await t.makeUser('beheerder', undefined, { werkgebied: [], platformBeheerder: true })
    const id = await registeredAndConfirmed()
    expect((await t.request('GET', '/api/aanmeldingen', { cookie: elders.cookie })).json.total).toBe(0)
    expect((await t.request('GET', `/api/aanmeldingen/${id}`, { cookie: elders.cookie })).status).toBe(404)
    expect((await t.request('POST', `/api/aanmeldingen/${id}/goedkeuren`, { cookie: elders.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/aanmeldingen/${id}`, { cookie: platform.cookie })).status).toBe(200)
    expect((await t.database.db.select().from(melding).where(eq(melding.gebruikerId, platform.id)))).toEqual([])

    const utrecht = await registeredAndConfirmed({ email: 'u@utrecht.example', naam: 'Koffiebar Oudegracht', postcode: '3511', plaats: 'Utrecht' })
    expect((await t.database.db.select({ link: melding.link }).from(melding).where(eq(melding.gebruikerId, platform.id)))).toEqual([{ link: `/aanmeldingen/${utrecht}` }])
    expect((await t.request('GET', `/api/aanmeldingen/${utrecht}`, { cookie: beheerder.cookie })).status).toBe(404)
  })
})

describe('colleagues', () => {
  it('an approved werkgever invites a colleague: one link, once, 7 days; the beheerder sees who belongs to the organisatie', async () => {
    const id = await registeredAndConfirmed()
    await t.request('POST', `/api/aanmeldingen/${id}/goedkeuren`, { cookie: beheerder.cookie })
    const wg = await t.login('fatima@korenschoof.example', WACHTWOORD)
    const uit = await t.request('POST', '/api/uitnodigingen', { cookie: wg, body: { email: 'Joost@Korenschoof.example', naam: 'Joost' } })
    expect(uit.status, uit.text).toBe(200)
    const [mail] = await mailsAan('joost@korenschoof.example')
    expect(mail!.mail.subject).toBe('Uitnodiging voor Bakkerij De Korenschoof op Participatieplekken')
    expect(mail!.mail.text).toMatch(/Fatima El Amrani nodigt u uit/)
    const token = linkIn(mail!.mail.text!, '/uitnodiging')
    expect((await t.request('POST', '/api/uitnodigingen/bekijken', { body: { token } })).json).toMatchObject({ email: 'joost@korenschoof.example', organisatieNaam: 'Bakkerij De Korenschoof' })
    expect((await t.request('POST', '/api/sessie', { body: { email: 'joost@korenschoof.example', wachtwoord: '!' } })).status).toBe(401)
    const aan = await t.request('POST', '/api/uitnodigingen/accepteren', { body: { token, naam: 'Joost Bakker', wachtwoord: 'Krentenbol-op-zaterdag-3' } })
    expect(aan.status, aan.text).toBe(200)
    const joost = await t.login('joost@korenschoof.example', 'Krentenbol-op-zaterdag-3')
    expect((await t.request('GET', '/api/sessie', { cookie: joost })).json.gebruiker).toMatchObject({ rol: 'werkgever', organisatieId: id })
    expect((await t.request('POST', '/api/uitnodigingen/accepteren', { body: { token, naam: 'Iemand', wachtwoord: 'Krentenbol-op-zaterdag-4' } })).json.error.code).toBe('link-gebruikt')

    const leden = (await t.request('GET', `/api/organisaties/${id}/gebruikers`, { cookie: beheerder.cookie })).json
    expect(leden.items.map((g: { naam: string; actief: boolean }) => [g.naam, g.actief])).toEqual([['Fatima El Amrani', true], ['Joost Bakker', true]])
    const ander = await t.makeUser('werkgever', await t.makeOrganisatie('Ander Bedrijf'))
    expect((await t.request('GET', `/api/organisaties/${id}/gebruikers`, { cookie: ander.cookie })).status).toBe(404)

    await t.request('POST', '/api/uitnodigingen', { cookie: wg, body: { email: 'laat@korenschoof.example' } })
    const [laat] = await mailsAan('laat@korenschoof.example')
    t.clock.advance(7 * 24 * 60 * 60_000 + 1000)
    const verlopen = await t.request('POST', '/api/uitnodigingen/accepteren', { body: { token: linkIn(laat!.mail.text!, '/uitnodiging'), naam: 'Laat', wachtwoord: 'Krentenbol-op-zaterdag-5' } })
    expect(verlopen.json.error).toEqual({ code: 'link-verlopen', message: 'Deze uitnodiging is verlopen: een uitnodiging werkt 7 dagen. Vraag uw collega om u opnieuw uit te nodigen.' })
    // an invitation never accepted leaves nothing behind once it ran out; accepted accounts stay
    expect(await deleteVerlopenAanmeldingen(t.deps)).toBe(1)
    expect((await t.database.db.select({ email: gebruiker.email }).from(gebruiker).where(eq(gebruiker.organisatieId, id))).map((g) => g.email).sort()).toEqual(['fatima@korenschoof.example', 'joost@korenschoof.example'])
    // the table holds ids, never the signed part of a link
    expect(JSON.stringify(await t.database.db.select().from(toegangslink))).not.toContain(token.split('.')[1])
  })
})

describe('without e-mail (no SMTP_URL)', () => {
  it('registering and inviting answer 503 email-uit in Dutch and store nothing; the login options say registering is off', async () => {
    expect((await t.request('GET', '/api/inlogopties')).json).toMatchObject({ aanmelden: true })
    const zonder = await testApp()
    try {
      expect((await zonder.request('GET', '/api/inlogopties')).json).toMatchObject({ aanmelden: false })
      const tabellen = { organisatie, gebruiker, aanmelding, toegangslink, mailOutbox, loginPoging }
      const voor = await countRows(zonder, tabellen)
      const res = await zonder.request('POST', '/api/aanmeldingen', { body: aanmeldBody() })
      expect(res.status, res.text).toBe(503)
      expect(res.json.error).toEqual({
        code: 'email-uit',
        message: 'Aanmelden via deze website kan hier nog niet: deze installatie verstuurt geen e-mail, en zonder e-mail kunnen we uw adres niet bevestigen. Neem contact op met de gemeente.',
      })
      expect(await countRows(zonder, tabellen)).toEqual(voor)

      const wg = await zonder.makeUser('werkgever', await zonder.makeOrganisatie('Zorgcentrum De Merwe'))
      const uit = await zonder.request('POST', '/api/uitnodigingen', { cookie: wg.cookie, body: { email: 'collega@merwe.example' } })
      expect(uit.status, uit.text).toBe(503)
      expect(uit.json.error.code).toBe('email-uit')
    } finally {
      zonder.close()
    }
  })
})
