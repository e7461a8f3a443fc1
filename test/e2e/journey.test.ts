import { beforeAll, describe, expect, test } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { DEMO_WACHTWOORD, demoEmail, ernstigeAxeFouten, skipBrowser, useBrowserApp } from './harness.js'
import { datumInNederland, addDays } from '../../server/clock.js'

// The whole journey of issue 7 in real Chromium against the real server (temp database, demo data):
// a jobhunter proposes a deelnemer from a match, the werkgever sees only what is shared and accepts,
// the jobcoach records two contacts (and corrects one), time moves on until the plaatsing is
// achterstallig and then silent for 28 days, and the beheerder's monitor counts it. The scenarios
// build on each other, so they run in order on one server. The server's clock is moved with
// `app.clock.advance`; the browser's clock is not, so dates come from the server.

const PLEK = 'demo-plek-biesboschhof-gastvrouw-huiskamer' // werkgever@demo.example's organisatie, capaciteit 3
const PLEK_TITEL = 'Gastvrouw of gastheer in de huiskamer'
const ORGANISATIE = 'Woonzorgcentrum Biesboschhof'
const JOBCOACH = 'Dirk de Coach' // the demo jobcoach of the Drechtsteden, where the deelnemer lives
const TOELICHTING = 'Heeft in de proefweek al met bewoners gesproken en wil graag in de zorg beginnen.'
const DAG = 24 * 60 * 60 * 1000

const app = useBrowserApp({ timezoneId: 'Europe/Amsterdam' })
let page: Page

/** What the journey carries from one scenario to the next. */
const reis = {
  t0: '', // the server's date when the journey starts
  deelnemerId: '',
  naam: '',
  ander: '', // a second deelnemer, proposed meanwhile and withdrawn
  gevoelig: [] as string[], // values of the deelnemer a werkgever must never see
  plaatsingUrl: '',
  /** The monitor's figures for a fixed period around the journey, before it started. */
  periode: { van: '', tot: '' },
  basis: { gestart: 0, vervoer: 0, vervoerEinde: 0 },
}

const vandaag = () => datumInNederland(app.clock.now())
const wacht = () => page.waitForFunction(() => !document.querySelector('.pp-loading') && !document.querySelector('[aria-busy="true"]'))
async function axe(naam: string) {
  await wacht()
  expect(await ernstigeAxeFouten(page, naam)).toEqual([])
}
const tekst = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ')

/** The monitor's figures as the API answers them for a beheerder (a baseline, taken outside the browser). */
async function monitorCijfers(periode: { van: string; tot: string }) {
  const ctx = await app.browser.newContext()
  try {
    const inlog = await ctx.request.post(`${app.url}/api/sessie`, { data: { email: demoEmail('beheerder'), wachtwoord: DEMO_WACHTWOORD } })
    expect(inlog.status()).toBe(200)
    const res = await ctx.request.get(`${app.url}/api/monitor?van=${periode.van}&tot=${periode.tot}`)
    expect(res.status()).toBe(200)
    return (await res.json()) as { plaatsingen: { gestart: number }; knelpunten: { totaal: Record<string, number> }; eindredenen: Record<string, number> }
  } finally {
    await ctx.close()
  }
}

describe.skipIf(skipBrowser)('van voorstel tot nazorg en monitor in de browser', () => {
  beforeAll(async () => {
    reis.t0 = vandaag()
    // a fixed period, so the figures of other (demo) plaatsingen cannot shift when the clock moves
    reis.periode = { van: addDays(reis.t0, -60), tot: addDays(reis.t0, 45) }
    const m = await monitorCijfers(reis.periode)
    reis.basis = { gestart: m.plaatsingen.gestart, vervoer: m.knelpunten.totaal.vervoer ?? 0, vervoerEinde: m.eindredenen.vervoer ?? 0 }
  }, 60_000)

  test('(a) de jobhunter opent de passende deelnemers van een plek en stelt een deelnemer met toestemming voor, met de demo-jobcoach', async () => {
    page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/plekken/${PLEK}`)
    await page.getByRole('link', { name: 'Passende deelnemers' }).click()
    await expect.poll(() => page.url()).toContain(`/plekken/${PLEK}/matches`)
    await page.waitForSelector('ol.pp-matches > li')
    await wacht()

    // the best-ranked deelnemer who is zoekend and agreed to share
    const kaart = page.locator('ol.pp-matches > li').filter({ hasText: 'Toestemming om te delen' }).filter({ hasNotText: 'Geen toestemming om te delen' }).filter({ hasText: 'Zoekend' }).first()
    reis.deelnemerId = (await kaart.getAttribute('data-id'))!
    reis.naam = (await kaart.locator('h3 a').textContent())!.trim()
    const d = await (await page.request.get(`${app.url}/api/deelnemers/${reis.deelnemerId}`)).json()
    expect(d.toestemmingDelen).toBe(true)
    const labels: Record<string, string> = { asielstatushouder: 'Asielstatushouder', gezinsmigrant: 'Gezinsmigrant', 'niet-gealfabetiseerd': 'alfabetiseerd', 'anders-gealfabetiseerd': 'alfabetiseerd', gealfabetiseerd: 'alfabetiseerd' }
    reis.gevoelig = [d.moedertaal, d.ondersteuningsbehoefte, d.postcode, labels[d.doelgroep], labels[d.geletterdheid], String(d.geboortejaar), ...(d.andereTalen ?? [])].filter((v): v is string => Boolean(v))

    // a deelnemer without consent cannot be proposed: the dialog says so and links to the dossier
    const zonder = page.locator('ol.pp-matches > li').filter({ hasText: 'Geen toestemming om te delen' }).first()
    if (await zonder.count()) {
      await zonder.getByRole('button', { name: /^Voorstellen/ }).click()
      const dialoog = page.getByRole('dialog')
      await expect.poll(() => tekst(dialoog)).toContain('geen toestemming gegeven')
      expect(await dialoog.getByRole('link', { name: 'Leg de toestemming vast in het dossier' }).getAttribute('href')).toMatch(/\/deelnemers\/.+\/bewerken$/)
      await axe('voorstellen zonder toestemming (dialoog)')
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    }

    // a refusal of the server is shown in the dialog with what to do: here someone else proposed
    // the next deelnemer for this plek meanwhile (made through the API, the page does not know it)
    const ander = page.locator('ol.pp-matches > li').filter({ hasText: 'Toestemming om te delen' }).filter({ hasNotText: 'Geen toestemming om te delen' }).filter({ hasText: 'Zoekend' }).nth(1)
    const anderId = (await ander.getAttribute('data-id'))!
    reis.ander = (await ander.locator('h3 a').textContent())!.trim()
    expect((await page.request.post(`${app.url}/api/voorstellen`, { data: { deelnemerId: anderId, plekId: PLEK, modus: 'vraaggericht' } })).status()).toBe(201)
    await ander.getByRole('button', { name: /^Voorstellen/ }).click()
    const geweigerd = page.getByRole('dialog')
    await geweigerd.getByRole('button', { name: 'Voorstel versturen' }).click()
    await expect.poll(() => tekst(geweigerd.getByRole('alert'))).toContain('Het voorstel is niet verstuurd. Deze deelnemer is al voorgesteld voor deze plek')
    expect(await geweigerd.getByRole('link', { name: 'Bekijk de voorstellen van deze deelnemer' }).getAttribute('href')).toBe(`/voorstellen?deelnemerId=${anderId}`)
    expect(await geweigerd.getByLabel('Naam', { exact: true }).isChecked()).toBe(true) // the form is kept
    await axe('voorstellen geweigerd (dialoog)')
    await geweigerd.getByRole('button', { name: 'Annuleren' }).click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)

    await kaart.getByRole('button', { name: /^Voorstellen/ }).click()
    const dialoog = page.getByRole('dialog', { name: `Voorstellen: ${reis.naam} voor “${PLEK_TITEL}”` })
    await dialoog.waitFor()
    // the standard choice of what the werkgever sees, and what is never shared
    for (const veld of ['Naam', 'Taalniveau', 'Beschikbare dagdelen', 'Uren per week']) expect(await dialoog.getByLabel(veld, { exact: true }).isChecked()).toBe(true)
    for (const veld of ['Geboortejaar', 'Woonplaats', 'Werkervaring']) expect(await dialoog.getByLabel(veld, { exact: true }).isChecked()).toBe(false)
    expect(await tekst(dialoog)).toContain('Doelgroep, moedertaal, geletterdheid en gezondheid (belastbaarheid, ondersteuningsbehoefte) worden nooit gedeeld')
    await dialoog.getByLabel('Persoonlijke toelichting voor de werkgever').fill(TOELICHTING)
    await dialoog.getByLabel(/^Wensen/).check()
    await expect.poll(() => dialoog.getByLabel('Jobcoach voor de nazorg').locator('option').allTextContents()).toContain(JOBCOACH)
    await dialoog.getByLabel('Jobcoach voor de nazorg').selectOption({ label: JOBCOACH })
    await axe('voorstellen (dialoog)')
    await dialoog.getByRole('button', { name: 'Voorstel versturen' }).click()

    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expect.poll(() => tekst(page.locator('main'))).toContain(`Het voorstel is verstuurd: ${reis.naam} voor “${PLEK_TITEL}”`)
    await expect.poll(() => tekst(kaart)).toContain('Voorgesteld; het voorstel staat open.')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Bekijk bij Voorstellen')

    // the other direction knows it too: on the deelnemer's own match list the plek is marked
    await page.goto(`${app.url}/deelnemers/${reis.deelnemerId}/matches`)
    await page.waitForSelector('ol.pp-matches > li')
    await expect.poll(() => tekst(page.locator(`li.pp-match[data-id="${PLEK}"]`))).toContain('Voorgesteld; het voorstel staat open.')

    // the dossier lists the voorstel, and so does the jobhunter's Voorstellen page
    await page.goto(`${app.url}/deelnemers/${reis.deelnemerId}`)
    await expect.poll(() => tekst(page.locator('main'))).toContain('Voorstellen en plaatsing')
    expect(await tekst(page.locator('.pp-dossier-voorstellen'))).toContain(PLEK_TITEL)
    await page.waitForSelector('.pp-mini-matches')
    await axe('deelnemer (dossier) met voorstel')
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Voorstellen' }).click()
    const rij = page.getByRole('row').filter({ hasText: reis.naam }).filter({ hasText: PLEK_TITEL }).filter({ hasNotText: 'Afgewezen' })
    await expect.poll(() => tekst(rij)).toContain('Open')
    expect(await rij.getByRole('button', { name: /intrekken$/ }).count()).toBe(1)
    await axe('voorstellen (jobhunter)')
    // the other one is withdrawn, after a confirmation
    const anderRij = page.getByRole('row').filter({ hasText: reis.ander }).filter({ hasText: PLEK_TITEL }).filter({ hasNotText: 'Afgewezen' })
    await anderRij.getByRole('button', { name: /intrekken$/ }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, intrekken')
    await page.getByRole('button', { name: 'Ja, intrekken' }).click()
    await expect.poll(() => tekst(page.locator('main'))).toContain(`Het voorstel van ${reis.ander} voor “${PLEK_TITEL}” is ingetrokken.`)
    await expect.poll(() => tekst(anderRij)).toContain('Ingetrokken')
    expect(await anderRij.getByRole('button', { name: /intrekken$/ }).count()).toBe(0)
  }, 60_000)

  test('(b) de werkgever ziet het voorstel met alleen de gedeelde gegevens, en accepteert', async () => {
    page = await app.openAs('werkgever')
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Voorstellen' }).click()
    await expect.poll(() => page.url()).toMatch(/\/voorstellen$/)
    const kaart = page.locator('li.pp-voorstel').filter({ hasText: reis.naam })
    await kaart.waitFor()
    const inhoud = await tekst(kaart)
    expect(inhoud).toContain(`voor “${PLEK_TITEL}”`)
    expect(inhoud).toContain(TOELICHTING)
    expect(inhoud).toMatch(/Taalniveau.*Spreken A\d/)
    expect(inhoud).toContain('Beschikbare dagdelen')
    expect(inhoud).toContain('Wensen')
    expect(inhoud).not.toContain('Geboortejaar')
    // nothing sensitive of this deelnemer is anywhere on the page, nor criteria about it
    const pagina = await tekst(page.locator('body'))
    for (const waarde of reis.gevoelig) expect(pagina, `“${waarde}” hoort niet op de pagina van de werkgever`).not.toContain(waarde)
    for (const woord of ['Moedertaal', 'Doelgroep', 'Geletterdheid', 'Belastbaarheid', 'Kinderopvang', 'Reisafstand']) expect(pagina).not.toContain(woord)
    // and not in what the browser received either
    const antwoord = await (await page.request.get(`${app.url}/api/voorstellen`)).json()
    const ontvangen = antwoord.items.find((v: { deelnemer: { naam?: string } }) => v.deelnemer.naam === reis.naam)
    expect(Object.keys(ontvangen.deelnemer).sort()).toEqual(['beschikbareDagdelen', 'naam', 'taalniveau', 'urenPerWeek', 'wensen'])
    expect(ontvangen).not.toHaveProperty('deelnemerId')
    await axe('voorstellen (werkgever)')

    // declining needs a reason; a too short one is refused and what was typed stays
    await kaart.getByRole('button', { name: `${reis.naam} afwijzen voor ${PLEK_TITEL}` }).click()
    await kaart.getByLabel('Reden').fill('Ho')
    await kaart.getByRole('button', { name: 'Voorstel afwijzen' }).click()
    await expect.poll(() => tekst(kaart.getByRole('alert'))).toContain('Geef kort de reden.')
    expect(await kaart.getByLabel('Reden').inputValue()).toBe('Ho')
    expect(await kaart.getByLabel('Reden').getAttribute('aria-invalid')).toBe('true')
    await axe('voorstel afwijzen met fout (werkgever)')
    await kaart.getByRole('button', { name: 'Annuleren' }).click()

    await kaart.getByRole('button', { name: `${reis.naam} accepteren voor ${PLEK_TITEL}` }).click()
    const start = kaart.getByLabel('Startdatum')
    await expect.poll(() => start.inputValue()).toBe(reis.t0) // today by default
    await axe('voorstel accepteren (werkgever)')
    // an emptied date picker asks for a date, not for the JJJJ-MM-DD format
    await start.fill('')
    await kaart.getByRole('button', { name: 'Accepteren en plaatsing starten' }).click()
    await expect.poll(() => tekst(kaart.getByRole('alert'))).toContain('Kies een startdatum.')
    expect(await tekst(kaart)).not.toContain('JJJJ-MM-DD')
    await start.fill(reis.t0)
    await kaart.getByRole('button', { name: 'Accepteren en plaatsing starten' }).click()
    await expect.poll(() => tekst(page.locator('main'))).toContain(`U heeft ${reis.naam} geaccepteerd voor “${PLEK_TITEL}”`)
    // an accepted voorstel is no longer open
    await expect.poll(() => page.locator('li.pp-voorstel').filter({ hasText: reis.naam }).count()).toBe(0)
    await page.getByLabel('Status').selectOption('geaccepteerd')
    await expect.poll(() => tekst(page.locator('li.pp-voorstel').filter({ hasText: reis.naam }))).toContain('Geaccepteerd')

    // the deelnemer is now geplaatst: the dossier form shows that status read-only, and saving keeps it
    page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/deelnemers/${encodeURIComponent(reis.deelnemerId)}/bewerken`)
    await expect.poll(() => tekst(page.locator('.pp-vaste-status'))).toContain('Geplaatst')
    expect(await tekst(page.locator('.pp-vaste-status'))).toContain('volgt uit de plaatsing')
    expect(await page.getByLabel('Status van het dossier').count()).toBe(0)
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click()
    await expect.poll(() => page.url()).toContain('opgeslagen=1')
  }, 60_000)

  test('(c) de jobcoach ziet de plaatsing in Mijn plaatsingen en legt twee contacten vast; een correctie laat beide zien', async () => {
    page = await app.openAs('jobcoach.drechtsteden')
    await expect.poll(() => page.url()).toMatch(/\/mijn-plaatsingen$/) // the jobcoach's start page
    const rij = page.getByRole('row').filter({ hasText: reis.naam })
    await expect.poll(() => tekst(rij)).toContain(ORGANISATIE)
    await rij.getByRole('link', { name: reis.naam }).click()
    await expect.poll(() => page.url()).toMatch(/\/plaatsingen\/[0-9a-f-]{36}$/)
    reis.plaatsingUrl = page.url()
    await expect.poll(() => tekst(page.locator('h1'))).toBe(reis.naam)
    expect(await tekst(page.locator('.pp-feiten'))).toContain(JOBCOACH)
    expect(await tekst(page.locator('main'))).toContain('Nog geen contacten vastgelegd.')

    // first contact: the startgesprek, today, with both; a knelpunt
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Contact vastleggen' }) })
    await expect.poll(() => form.getByLabel('Datum', { exact: true }).inputValue()).toBe(reis.t0)
    expect(await form.getByLabel('Soort contact').inputValue()).toBe('startgesprek')
    expect(await form.getByLabel('Beiden (driegesprek)').isChecked()).toBe(true)
    expect(await form.getByLabel('Volgend contact').inputValue()).toBe(addDays(reis.t0, 14))
    await form.getByRole('button', { name: 'Contact opslaan' }).click() // forgot kanaal and samenvatting
    await expect.poll(() => tekst(page.getByRole('alert').first())).toContain('Kies hoe het contact was.')
    await axe('plaatsing met fouten in het contactformulier')
    await form.getByLabel('Bezoek').check()
    await form.getByLabel('Samenvatting').fill('Kennismaking op de afdeling met de coördinator vrijwilligers. Gaat goed, maar de bus is vaak te laat.')
    await form.getByLabel('Vervoer', { exact: true }).check()
    await form.getByLabel('Afgesproken acties').fill('Fiets regelen via het doorbraakbudget.')
    await form.getByLabel('Doorbraakbudget ingezet').check()
    await form.getByLabel('Bedrag in euro').fill('85,50')
    await form.getByLabel('Waarvoor').fill('tweedehands fiets')
    await form.getByRole('button', { name: 'Contact opslaan' }).click()
    await expect.poll(() => tekst(page.locator('main'))).toContain('Het contact van')
    let log = page.locator('.pp-tijdlijn > li')
    await expect.poll(() => log.count()).toBe(1)
    expect(await tekst(log.first())).toMatch(/Startgesprek.*Met beiden \(driegesprek\) · bezoek.*Vervoer.*€ 85,50 voor tweedehands fiets/)

    // three days later (the server's clock; the session has expired meanwhile)
    app.clock.advance(3 * DAG)
    page = await app.openAs('jobcoach.drechtsteden')
    await page.goto(reis.plaatsingUrl)
    log = page.locator('.pp-tijdlijn > li') // locators belong to a page
    const form2 = page.locator('form', { has: page.getByRole('heading', { name: 'Contact vastleggen' }) })
    await expect.poll(() => form2.getByLabel('Datum', { exact: true }).inputValue()).toBe(addDays(reis.t0, 3)) // the server's today, not the browser's
    expect(await form2.getByLabel('Soort contact').inputValue()).toBe('contactmoment')
    expect(await form2.getByLabel('Volgend contact').inputValue()).toBe(addDays(reis.t0, 17))
    await form2.getByLabel('Deelnemer', { exact: true }).check()
    await form2.getByLabel('Telefoon').check()
    await form2.getByLabel('Samenvatting').fill('Fiets is er, komt nu op tijd. Vindt de gesprekken met bewoners leuk.')
    await form2.getByRole('button', { name: 'Contact opslaan' }).click()
    await expect.poll(() => log.count()).toBe(2)
    expect(await tekst(page.locator('.pp-feiten'))).toContain('Volgend contact')
    expect(await tekst(page.locator('.pp-feiten'))).toContain('(over 14 dagen)')

    // a correction is a new entry; the old one stays, struck through, with a link to its correction
    await log.first().getByRole('button', { name: /^Corrigeer/ }).click()
    const correctie = page.locator('form', { has: page.getByRole('heading', { name: 'Contact corrigeren' }) })
    await expect.poll(() => correctie.getByLabel('Samenvatting').inputValue()).toContain('Fiets is er')
    expect(await correctie.getByLabel('Telefoon').isChecked()).toBe(true)
    await correctie.getByLabel('Samenvatting').fill('Fiets is er, komt nu op tijd. Vindt de gesprekken met bewoners leuk. Wil later meer uren.')
    await axe('plaatsing, contact corrigeren')
    await correctie.getByRole('button', { name: 'Correctie opslaan' }).click()
    await expect.poll(() => log.count()).toBe(3)
    const [nieuwste, oud, eerste] = [log.nth(0), log.nth(1), log.nth(2)]
    expect(await tekst(nieuwste)).toContain('Correctie')
    expect(await tekst(nieuwste)).toContain('Wil later meer uren.')
    expect(await tekst(oud)).toContain('Gecorrigeerd')
    expect(await oud.locator('s').count()).toBe(1)
    expect(await oud.getByRole('link', { name: 'naar de correctie' }).getAttribute('href')).toBe(`#contact-${await nieuwste.getAttribute('data-id')}`)
    expect(await oud.getByRole('button', { name: /^Corrigeer/ }).count()).toBe(0)
    expect(await tekst(eerste)).toContain('Startgesprek')

    // the agenda link: shown once, copyable, the feed has the plek but never the deelnemer's name
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn plaatsingen' }).click()
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url })
    await page.getByRole('button', { name: 'Agenda-link maken' }).click()
    const link = page.getByLabel('Uw agenda-link')
    await expect.poll(() => link.inputValue()).toMatch(/\/api\/agenda\/[\w-]{20,}\/contacten\.ics$/)
    expect(await tekst(page.locator('.pp-agenda'))).toMatch(/Outlook.*Google Agenda/)
    await page.getByRole('button', { name: 'Kopieer link' }).click()
    await expect.poll(() => tekst(page.locator('.pp-agenda'))).toContain('De link is gekopieerd.')
    const feedUrl = await link.inputValue()
    const feed = (await (await page.request.get(feedUrl)).text()).replace(/\r\n /g, '')
    expect(feed).toContain('BEGIN:VCALENDAR')
    expect(feed).toContain(`nazorgcontact ${PLEK_TITEL}`)
    expect(feed).toContain(`DTSTART;VALUE=DATE:${addDays(reis.t0, 17).replaceAll('-', '')}`)
    expect(feed).not.toContain(reis.naam)
    await axe('mijn plaatsingen met agenda-link')
    await page.getByRole('button', { name: 'Link intrekken' }).click()
    await page.getByRole('button', { name: 'Ja, intrekken' }).click()
    await expect.poll(() => tekst(page.locator('.pp-agenda'))).toContain('De agenda-link is ingetrokken.')
    expect((await page.request.get(feedUrl)).status()).toBe(404)
  }, 60_000)

  test('(d) de tijd gaat verder: de plaatsing wordt achterstallig, en na 28 dagen stilte luider gemarkeerd, bovenaan', async () => {
    // 20 days after the start: the next contact (start + 17) is 6 days past due
    app.clock.advance(20 * DAG)
    page = await app.openAs('jobcoach.drechtsteden')
    await expect.poll(() => page.url()).toMatch(/\/mijn-plaatsingen$/)
    let rijen = page.locator('tbody tr.pp-plaatsing')
    await rijen.first().waitFor()
    let onze = rijen.filter({ hasText: reis.naam })
    await expect.poll(() => onze.getAttribute('data-signaal')).toBe('achterstallig')
    // in words and with an icon, not by colour alone
    expect(await tekst(onze.locator('.pp-signaal--achterstallig'))).toContain('Achterstallig: 6 dagen over de datum')
    expect(await onze.locator('.pp-signaal svg').count()).toBe(1)
    expect(await tekst(onze)).toContain('6 dagen geleden')
    // on top: everything above it is flagged as well (the demo data may hold other overdue plaatsingen)
    const signalen = await rijen.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-signaal'), tr.textContent]))
    const positie = signalen.findIndex(([, t]) => t?.includes(reis.naam))
    expect(signalen.slice(0, positie + 1).every(([s]) => s === 'achterstallig' || s === 'stil')).toBe(true)
    expect(await tekst(page.locator('#plaatsingen-status'))).toMatch(/[1-9]\d* achterstallig/)
    await axe('mijn plaatsingen, achterstallig')

    // nine days more: 29 days since the last contact, the loudest flag, and still on top
    app.clock.advance(9 * DAG)
    page = await app.openAs('jobcoach.drechtsteden', { viewport: { width: 390, height: 844 } })
    rijen = page.locator('tbody tr.pp-plaatsing')
    onze = rijen.filter({ hasText: reis.naam })
    await rijen.first().waitFor()
    await expect.poll(() => onze.getAttribute('data-signaal')).toBe('stil')
    expect(await tekst(onze.locator('.pp-signaal--stil'))).toContain('28 dagen of langer geen contact; 15 dagen achterstallig')
    const stil = await rijen.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-signaal'), tr.textContent]))
    expect(stil.slice(0, stil.findIndex(([, t]) => t?.includes(reis.naam)) + 1).every(([s]) => s === 'stil')).toBe(true)
    await axe('mijn plaatsingen, 28 dagen stil, telefoon')
    // the flag bar along the card never covers the name
    const kaartRand = (await onze.boundingBox())!.x
    const naamRand = (await onze.locator('.pp-plaatsing__naam').boundingBox())!.x
    expect(naamRand - kaartRand).toBeGreaterThanOrEqual(12)
    await onze.getByRole('link', { name: reis.naam }).click()
    await expect.poll(() => tekst(page.locator('.pp-badges'))).toContain('28 dagen of langer geen contact')
    await axe('plaatsing, telefoon')
  }, 60_000)

  test('(e) de monitor van de beheerder telt de plaatsing en het knelpunt; de beheerder beëindigt de plaatsing', async () => {
    page = await app.openAs('beheerder')
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Monitor' }).click()
    await expect.poll(() => page.url()).toMatch(/\/monitor$/)
    const gestart = page.locator('[data-cijfer="gestart"] dd')
    await gestart.waitFor()
    await axe('monitor, standaardperiode')
    await page.getByLabel('Van', { exact: true }).fill(reis.periode.van)
    await page.getByLabel('Tot en met').fill(reis.periode.tot)
    await page.getByRole('button', { name: 'Toon' }).click()
    await expect.poll(() => page.url()).toContain(`/monitor?van=${reis.periode.van}&tot=${reis.periode.tot}`)
    await expect.poll(() => gestart.textContent()).toBe(String(reis.basis.gestart + 1))
    const vervoer = page.locator('#tabel-knelpunten tr', { has: page.locator('th', { hasText: /^Vervoer$/ }) }).locator('td')
    await expect.poll(() => vervoer.textContent()).toBe(String(reis.basis.vervoer + 1))
    // the charts are images with a name, each with the figures as a table beside it
    for (const naam of [/nog actief na 3 en na 6 maanden/, /Hoe vaak elk knelpunt/, /Knelpunten per maand/]) expect(await page.getByRole('img', { name: naam }).count()).toBe(1)
    await axe('monitor')
    // on a phone the chart labels keep a readable size and each small chart names its first and last month
    await page.setViewportSize({ width: 390, height: 844 })
    const grootte = (sel: string) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    expect(await grootte('#grafiek-knelpunten .pp-liggend__label')).toBeGreaterThanOrEqual(12)
    expect(await grootte('#grafiek-knelpunten-maand .pp-veelvouden__maanden')).toBeGreaterThanOrEqual(12)
    const maandLabels = await page.locator('#grafiek-knelpunten-maand .pp-veelvouden__paneel').first().locator('.pp-veelvouden__maanden span').allTextContents()
    expect(maandLabels.length).toBe(2)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 900 })
    // the CSV has the same figures
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')
    expect(csvHref).toBe(`/api/monitor/export.csv?van=${reis.periode.van}&tot=${reis.periode.tot}`)
    const csv = await (await page.request.get(`${app.url}${csvHref}`)).text()
    expect(csv).toContain(`plaatsingen;gestart;${reis.basis.gestart + 1}`)
    expect(csv).toContain(`knelpunt;Vervoer;${reis.basis.vervoer + 1}`)
    // a filter narrows the figures: our plaatsing is in zorg, not in horeca
    await page.getByLabel('Sector', { exact: true }).selectOption('horeca')
    await page.getByRole('button', { name: 'Toon' }).click()
    await expect.poll(() => page.url()).toContain('sector=horeca')
    await expect.poll(() => tekst(page.locator('#monitor-status'))).toContain('Horeca')
    await expect.poll(async () => Number(await gestart.textContent())).toBeLessThan(reis.basis.gestart + 1)

    // the overview of all plaatsingen, with the jobcoach; the plaatsing page read-only for the beheerder
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Plaatsingen' }).click()
    const rij = page.getByRole('row').filter({ hasText: reis.naam })
    await expect.poll(() => tekst(rij)).toContain(JOBCOACH)
    expect(await rij.getAttribute('data-signaal')).toBe('stil')
    await axe('plaatsingen (beheerder)')
    await rij.getByRole('link', { name: reis.naam }).click()
    await expect.poll(() => page.locator('.pp-tijdlijn > li').count()).toBe(3)
    expect(await page.getByRole('heading', { name: 'Contact vastleggen' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /^Corrigeer/ }).count()).toBe(0)
    // Dirk de Coach is the Drechtsteden's only jobcoach: no "Andere jobcoach" to offer (issue 17, item 11)
    await page.waitForLoadState('networkidle')
    expect(await page.getByLabel('Nieuwe jobcoach').count()).toBe(0)
    await axe('plaatsing (beheerder)')

    // ending asks for the date and the reason, then for confirmation
    await page.getByRole('button', { name: 'Plaatsing beëindigen' }).click()
    await expect.poll(() => page.getByLabel('Einddatum').inputValue()).toBe(vandaag())
    await page.getByRole('button', { name: 'Verder' }).click()
    await expect.poll(() => tekst(page.getByRole('alert').first())).toContain('Kies de reden waarom de plaatsing stopt.')
    await page.getByLabel('Eindreden').selectOption('vervoer')
    await page.getByLabel('Toelichting').fill('Verhuist naar familie buiten de regio; de reistijd wordt te lang.')
    await page.getByRole('button', { name: 'Verder' }).click()
    await expect.poll(() => tekst(page.locator('#beeindigen-bevestig'))).toContain(`Weet u zeker dat u de plaatsing van ${reis.naam} wilt beëindigen`)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, beëindigen')
    await axe('plaatsing beëindigen, bevestiging')
    await page.getByRole('button', { name: 'Ja, beëindigen' }).click()
    await expect.poll(() => tekst(page.locator('main'))).toContain(`De plaatsing van ${reis.naam} is beëindigd`)
    expect(await tekst(page.locator('.pp-badges'))).toContain('Voortijdig beëindigd')
    expect(await page.getByRole('button', { name: 'Plaatsing beëindigen' }).count()).toBe(0)

    await page.goto(`${app.url}/monitor?van=${reis.periode.van}&tot=${reis.periode.tot}`)
    const eindreden = page.locator('#tabel-eindredenen tr', { has: page.locator('th', { hasText: /^Vervoer$/ }) }).locator('td')
    await expect.poll(() => eindreden.textContent()).toBe(String(reis.basis.vervoerEinde + 1))
  }, 60_000)
})
