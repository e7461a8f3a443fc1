import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DEMO_WACHTWOORD, demoEmail, ernstigeAxeFouten, skipBrowser, useBrowserApp } from './harness.js'
import { startSmtp, type TestSmtp } from '../smtp.js'

// Plekken aanbieden (issue 19) as a new organisation walks it, in Chromium against the real server,
// with the e-mails going through a real SMTP server in this test: register → read the mail →
// confirm → the beheerder of Delft approves → the werkgever publishes; the rejected path with the
// duplicate-KvK warning; a link used twice and a link that ran out.

let smtp: TestSmtp
beforeAll(async () => {
  if (!skipBrowser) smtp = await startSmtp()
})
afterAll(async () => smtp?.close())
const app = useBrowserApp({}, () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Participatieplekken <noreply@plekken.example>', MAIL_TIMEOUT_SECONDS: '5' }))

/** Screenshots for the issue's closing note: outside the repository. */
const SHOTS = process.env.SHOTS_DIR ?? '/work/notes/shots-19'
const shot = async (page: Page, naam: string) => {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${naam}.png`, fullPage: true })
}

const WACHTWOORD = 'Verse-broodjes-om-zeven-uur'

/** The mail to `aan` whose subject matches, once the server's mail worker (polling each second) sent it. */
async function mailAan(aan: string, onderwerp: RegExp) {
  for (let i = 0; i < 300; i++) {
    const m = smtp.ontvangen.find((o) => o.aan.includes(aan) && onderwerp.test(o.mail.subject ?? ''))
    if (m) return m.mail
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`geen mail aan ${aan} met onderwerp ${onderwerp}; wel: ${smtp.ontvangen.map((o) => `${o.aan} ${o.mail.subject}`).join('; ')}`)
}
const linkIn = (text: string, pad: string) => {
  const url = text.match(new RegExp(`https?://\\S+${pad}\\?token=\\S+`))?.[0]
  if (!url) throw new Error(`geen link ${pad} in:\n${text}`)
  // the mail links to PUBLIC_URL (here unset: localhost and the configured port); the test server listens elsewhere
  const u = new URL(url)
  return `${app.url}${u.pathname}${u.search}`
}

/** A registration sent as the form sends it (for the paths that do not test the form itself). */
async function registerByApi(page: Page, body: Record<string, unknown>) {
  const status = await page.evaluate(async (b) => (await fetch('/api/aanmeldingen', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, body)
  expect(status).toBe(200)
}
const body = (over: Record<string, unknown>) => ({
  naam: 'Organisatie', soort: 'werkgever', postcode: '2611 AB', contactpersoon: { naam: 'Test Persoon', telefoon: '015-212 34 56' }, wachtwoord: WACHTWOORD, ...over,
})

async function confirmWithLink(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click()
}

async function loginWith(page: Page, email: string, wachtwoord = WACHTWOORD) {
  await page.goto(`${app.url}/inloggen`)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(wachtwoord)
  await page.getByRole('button', { name: 'Inloggen' }).click()
}

describe.skipIf(skipBrowser)('Plekken aanbieden', () => {
  it('register on a phone → mail → confirm → concept only → the beheerder of Delft approves → the werkgever publishes', async () => {
    const email = 'yusuf@goudenkorenaar.example'
    let page = await app.openPage({ viewport: { width: 390, height: 844 } })
    await page.goto(`${app.url}/inloggen`)
    await page.getByRole('link', { name: 'Plekken aanbieden' }).click()
    await page.getByRole('heading', { name: 'Plekken aanbieden' }).waitFor()
    expect(await ernstigeAxeFouten(page, 'aanmelden')).toEqual([])
    await page.getByLabel('Naam van de organisatie').fill('Bakkerij Het Gouden Korenaar')
    await page.getByLabel('Soort organisatie').selectOption('werkgever')
    await page.getByLabel('KvK-nummer').fill('1234')
    await page.getByLabel('Postcode').fill('2611 AB')
    await page.getByLabel('Uw naam').fill('Yusuf Demir')
    await page.getByLabel('Telefoonnummer').fill('015-212 34 56')
    await page.getByLabel('E-mailadres').fill(email)
    await page.getByLabel('Kies een wachtwoord').fill(WACHTWOORD)
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    // refused in Dutch at the field; everything typed is still there
    await page.getByText('Een KvK-nummer bestaat uit 8 cijfers.').first().waitFor()
    expect(await page.getByLabel('Naam van de organisatie').inputValue()).toBe('Bakkerij Het Gouden Korenaar')
    expect(await page.getByLabel('Kies een wachtwoord').inputValue()).toBe(WACHTWOORD)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await shot(page, 'aanmelden-390-fout')
    await page.getByLabel('KvK-nummer').fill('81234567')
    await shot(page, 'aanmelden-390-ingevuld')
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor()
    await shot(page, 'aanmelden-390-verstuurd')

    const mail = await mailAan(email, /^Bevestig de aanmelding van Bakkerij Het Gouden Korenaar$/)
    const link = linkIn(mail.text!, '/aanmelden/bevestigen')
    await confirmWithLink(page, link)
    await page.getByText('Uw e-mailadres is bevestigd.').waitFor()
    // the same link again: used
    await confirmWithLink(page, link)
    await page.getByText('Deze link is al gebruikt. Uw e-mailadres is bevestigd: u kunt inloggen.').waitFor()
    expect(await page.getByRole('link', { name: 'Naar inloggen' }).getAttribute('href')).toBe('/inloggen')

    // logged in: concept plekken yes, publishing not yet, and the screen says why
    await loginWith(page, email)
    await page.waitForURL((u) => u.pathname === '/mijn-plekken')
    await page.getByText('De gemeente controleert uw aanmelding.').waitFor()
    const plek = await page.evaluate(async () => {
      const r = await fetch('/api/plekken', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          titel: 'Hulp in de bakkerij', omschrijving: 'Je helpt bij het bakken en in de winkel, samen met vaste collega’s.', sector: 'detailhandel', vorm: 'werkervaringsplek',
          postcode: '2611 AB', urenPerWeek: { min: 12, max: 16 }, dagdelen: ['ma-ochtend', 'wo-ochtend'], capaciteit: 1,
          taalniveau: { spreken: 'A2', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' }, lagerNiveauMetOndersteuning: true,
          taalrijkheid: { nederlandsVoertaal: true, klantcontact: true }, begeleiding: ['buddy'], opbouw: true, fysiekeBelasting: 'middel', werkdruk: 'laag',
          binnenSchooltijden: true, vereisten: { rijbewijs: false, vog: false, vca: false }, vergoeding: { soort: 'geen' },
        }),
      })
      return { status: r.status, id: ((await r.json()) as { id: string }).id }
    })
    expect(plek.status).toBe(201)
    await page.reload()
    await page.getByRole('button', { name: /publiceren/i }).first().click()
    await page.getByText(/De gemeente controleert de aanmelding van uw organisatie nog\. U kunt de plek als concept bewaren; publiceren kan zodra de aanmelding is goedgekeurd\./).waitFor()
    await shot(page, 'werkgever-390-nog-niet-publiceren')

    // the beheerder of Delft (werkgebied holds 2611) has a melding and vets
    page = await app.openAs('beheerder.delft')
    await page.goto(`${app.url}/meldingen`)
    await page.getByText('Nieuwe aanmelding: „Bakkerij Het Gouden Korenaar”').waitFor()
    await page.goto(`${app.url}/aanmeldingen`)
    await page.getByRole('link', { name: 'Bakkerij Het Gouden Korenaar' }).click()
    await page.getByRole('heading', { name: 'Wat controleert u?' }).waitFor()
    await page.getByText('Geen organisatie met hetzelfde KvK-nummer of een naam die erop lijkt.').waitFor()
    expect(await ernstigeAxeFouten(page, 'aanmelding')).toEqual([])
    await page.getByRole('button', { name: 'Goedkeuren' }).click()
    await page.getByText('De aanmelding is goedgekeurd.').waitFor()
    const goed = await mailAan(email, /^Goedgekeurd: Bakkerij Het Gouden Korenaar kan plekken aanbieden$/)
    expect(goed.text).toMatch(/U kunt nu uw plekken publiceren/)

    // the werkgever publishes
    page = await app.openPage({ viewport: { width: 390, height: 844 } })
    await loginWith(page, email)
    await page.waitForURL((u) => u.pathname === '/mijn-plekken')
    expect(await page.getByText('De gemeente controleert uw aanmelding.').count()).toBe(0)
    await page.getByRole('button', { name: /publiceren/i }).first().click()
    await page.getByText('“Hulp in de bakkerij” is gepubliceerd en nu vindbaar voor jobhunters.').waitFor()

    // a colleague: invited on Organisatie, the link from the mail, a name and a password, logged in
    await page.goto(`${app.url}/organisatie`)
    await page.getByLabel('E-mailadres van uw collega').fill('anna@goudenkorenaar.example')
    await page.getByRole('button', { name: 'Uitnodiging sturen' }).click()
    await page.getByText('De uitnodiging is verstuurd.', { exact: false }).waitFor()
    await page.getByRole('cell', { name: 'anna@goudenkorenaar.example' }).waitFor()
    await shot(page, 'werkgever-390-collegas')
    const uitnodiging = await mailAan('anna@goudenkorenaar.example', /^Uitnodiging voor Bakkerij Het Gouden Korenaar op Participatieplekken$/)
    page = await app.openPage({ viewport: { width: 390, height: 844 } })
    await page.goto(linkIn(uitnodiging.text!, '/uitnodiging'))
    await page.getByText('U bent uitgenodigd om plekken van').waitFor()
    await page.getByLabel('Uw naam').fill('Anna de Wit')
    await page.getByLabel('Kies een wachtwoord').fill('Krentenbollen-op-zaterdag')
    await shot(page, 'uitnodiging-390')
    await page.getByRole('button', { name: 'Account maken' }).click()
    await page.getByText('Uw account is klaar.', { exact: false }).waitFor()
    await loginWith(page, 'anna@goudenkorenaar.example', 'Krentenbollen-op-zaterdag')
    await page.waitForURL((u) => u.pathname === '/mijn-plekken')
    await page.getByRole('link', { name: 'Hulp in de bakkerij' }).first().waitFor()
  })

  it('rejected: the beheerder sees the same KvK-nummer and a similar name, gives a reason; it is mailed and the account stops working', async () => {
    const email = 'info@blauwetegel-zuid.example'
    let page = await app.openPage()
    await page.goto(`${app.url}/aanmelden`)
    await registerByApi(page, body({ naam: 'Kinderopvang Blauwe Tegel', kvkNummer: '69473016', postcode: '2614 GV', email }))
    await confirmWithLink(page, linkIn((await mailAan(email, /^Bevestig de aanmelding/)).text!, '/aanmelden/bevestigen'))
    await page.getByText('Uw e-mailadres is bevestigd.').waitFor()

    page = await app.openAs('beheerder.delft')
    await page.goto(`${app.url}/aanmeldingen`)
    await page.getByRole('link', { name: 'Kinderopvang Blauwe Tegel' }).click()
    await page.getByText('Let op: dit KvK-nummer is al bekend.').waitFor()
    const rij = page.getByRole('row', { name: /Kinderopvang De Blauwe Tegel/ })
    expect(await rij.innerText()).toMatch(/69473016[\s\S]*Zelfde KvK-nummer, Naam lijkt erop/)
    await shot(page, 'beheerder-controle-zelfde-kvk')
    await page.getByRole('button', { name: 'Afwijzen…' }).click()
    await page.getByRole('button', { name: 'Afwijzen en e-mail sturen' }).click()
    await page.getByText('Vul dit veld in.').or(page.getByText('Gebruik minstens 10 tekens.')).first().waitFor()
    await page.getByLabel('Reden van afwijzen').fill('Dit KvK-nummer hoort bij Kinderopvang De Blauwe Tegel, die al meedoet. Bel ons als u een nieuwe vestiging bent.')
    await page.getByRole('button', { name: 'Afwijzen en e-mail sturen' }).click()
    await page.getByText(/De aanmelding is afgewezen\./).waitFor()
    await shot(page, 'beheerder-afgewezen')
    const af = await mailAan(email, /^Afgewezen: de aanmelding van Kinderopvang Blauwe Tegel$/)
    expect(af.text).toMatch(/De reden:\nDit KvK-nummer hoort bij Kinderopvang De Blauwe Tegel/)

    page = await app.openPage()
    await loginWith(page, email)
    await page.getByText('Het e-mailadres of het wachtwoord klopt niet.').first().waitFor()
  })

  it('an address that already has an account: the same answer on screen, a mail to the owner', async () => {
    const page = await app.openPage()
    await page.goto(`${app.url}/aanmelden`)
    await registerByApi(page, body({ naam: 'Nep Bedrijf', kvkNummer: '11111111', email: demoEmail('werkgever') }))
    const mail = await mailAan(demoEmail('werkgever'), /^Aanmelding met uw e-mailadres$/)
    expect(mail.text).toMatch(/Voor dit adres bestaat al een account/)
    await loginWith(page, demoEmail('werkgever'), DEMO_WACHTWOORD) // still the same account
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'))
  })

  it('a confirmation link that ran out (24 h) says so in Dutch', async () => {
    const email = 'laat@traagbedrijf.example'
    const page = await app.openPage()
    await page.goto(`${app.url}/aanmelden`)
    await registerByApi(page, body({ naam: 'Traag Bedrijf', kvkNummer: '22222222', email }))
    const link = linkIn((await mailAan(email, /^Bevestig de aanmelding/)).text!, '/aanmelden/bevestigen')
    app.clock.advance(24 * 60 * 60_000 + 60_000)
    await confirmWithLink(page, link)
    await page.getByText('Deze link is verlopen: een bevestigingslink werkt 24 uur. Meld uw organisatie opnieuw aan; u krijgt dan een nieuwe link.').waitFor()
    // no button to try again, a way on instead
    expect(await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Opnieuw aanmelden' }).getAttribute('href')).toBe('/aanmelden')
    await shot(page, 'link-verlopen')
  })
})
