import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { ernstigeAxeFouten, skipBrowser, submitLogin, useBrowserApp } from './harness.js'

// The web app in real Chromium against the real server (temp database with the demo data).
// One server and one browser for the whole file; the scenarios build on each other:
// the werkgever's plek from (a) is what the jobhunter finds in (b).

const TITEL = 'Medewerker kaasmakerij'
const TITEL_TOETSENBORD = 'Assistent fietsenwerkplaats'

const app = useBrowserApp()
let page: Page

/** Types the plek form's main fields in the form's order, as a werkgever would (without `beroep`, that field stays empty). */
async function fillPlekForm(plek: { titel: string; omschrijving: string; beroep?: string; sector: string; vorm: string; postcode: string; uren: { min: string; max: string }; dagdelen: string[] }) {
  await page.getByLabel('Titel').fill(plek.titel)
  await page.getByLabel('Omschrijving van het werk').fill(plek.omschrijving)
  if (plek.beroep !== undefined) await page.getByLabel('Beroep').fill(plek.beroep)
  await page.getByLabel('Sector', { exact: true }).selectOption(plek.sector)
  await page.getByLabel('Vorm', { exact: true }).selectOption(plek.vorm)
  await page.getByLabel('Postcode van de werkplek').fill(plek.postcode)
  await page.getByLabel('Minimaal aantal uren per week').fill(plek.uren.min)
  await page.getByLabel('Maximaal aantal uren per week').fill(plek.uren.max)
  for (const dd of plek.dagdelen) await page.getByLabel(dd, { exact: true }).check()
}

describe.skipIf(skipBrowser)('webapp in de browser', () => {
  test('zonder e-mail (geen SMTP_URL) biedt de inlogpagina geen aanmelden aan, en Plekken aanbieden zegt waarom in plaats van een formulier dat niet af kan', async () => {
    page = await app.openPage()
    await page.goto(`${app.url}/inloggen`)
    await page.getByRole('button', { name: 'Inloggen' }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.getByRole('link', { name: 'Plekken aanbieden' }).count()).toBe(0)
    await page.goto(`${app.url}/aanmelden`)
    await page.getByText('Aanmelden via deze website kan hier nog niet').waitFor()
    expect(await page.getByLabel('Naam van de organisatie').count()).toBe(0)
    await page.getByRole('link', { name: 'Naar inloggen' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inloggen')
  })

  test('(a) een werkgever maakt één fout in het plekformulier, herstelt die zonder iets opnieuw te typen, slaat op en publiceert', async () => {
    page = await app.openAs('werkgever')
    await expect.poll(() => page.url()).toContain('/mijn-plekken')
    // every page names its icon, and the server has it (no 404 for /favicon.ico in the console)
    const icoon = await page.request.get(`${app.url}${await page.locator('link[rel="icon"]').getAttribute('href')}`)
    expect(icoon.status()).toBe(200)
    expect(icoon.headers()['content-type']).toContain('image/svg+xml')
    await page.getByRole('link', { name: 'Nieuwe plek' }).first().click()
    await fillPlekForm({
      titel: TITEL,
      omschrijving: 'Je helpt bij het keren en pekelen van de kazen en je praat met klanten in de winkel.',
      beroep: 'productiemedewerker',
      sector: 'productie',
      vorm: 'werkervaringsplek',
      postcode: '3311 AB',
      uren: { min: '16', max: '12' }, // the mistake
      dagdelen: ['maandagochtend', 'woensdagochtend', 'vrijdagochtend'],
    })

    // the taalrijkheid score follows the checklist as boxes are ticked
    const score = page.locator('#taalrijkheidsscore')
    await expect.poll(() => score.textContent()).toContain('0 van 10')
    await page.getByLabel('Nederlands is de voertaal').check()
    await page.getByLabel(/^Vast taalmaatje/).check()
    await page.getByLabel(/^Klantcontact/).check()
    await expect.poll(() => score.textContent()).toContain('4 van 10')
    expect(await score.textContent()).toContain('Er is contact met klanten')
    await page.getByLabel('Buddy').check()

    await page.getByRole('button', { name: 'Plek opslaan' }).click()
    const fout = page.locator('#veld-urenPerWeek-max-fout')
    await expect.poll(() => fout.textContent()).toContain('Het maximum aantal uren moet minstens even groot zijn als het minimum')
    const max = page.getByLabel('Maximaal aantal uren per week')
    expect(await max.getAttribute('aria-invalid')).toBe('true')
    expect(await max.getAttribute('aria-describedby')).toContain('veld-urenPerWeek-max-fout')
    expect(await page.getByRole('alert').first().textContent()).toContain('Niet alle velden zijn goed ingevuld')
    // nothing typed is lost
    expect(await page.getByLabel('Titel').inputValue()).toBe(TITEL)
    expect(await page.getByLabel('Beroep').inputValue()).toBe('productiemedewerker')
    expect(await page.getByLabel('woensdagochtend', { exact: true }).isChecked()).toBe(true)
    expect(await page.getByLabel(/^Klantcontact/).isChecked()).toBe(true)

    await max.fill('20')
    await page.getByRole('button', { name: 'Plek opslaan' }).click()
    await expect.poll(() => page.url()).toContain('/mijn-plekken')
    const rij = page.getByRole('row').filter({ hasText: TITEL })
    await expect.poll(() => rij.textContent()).toContain('Concept')
    await page.getByRole('button', { name: `${TITEL} publiceren` }).click()
    await expect.poll(() => rij.textContent()).toContain('Gepubliceerd')
  })

  test('(b) een jobhunter vindt de plek met een tikfout, filtert op een facet, opent hem en krijgt met Terug dezelfde resultaten', async () => {
    page = await app.openAs('jobhunter')
    // the jobhunter starts at Mijn deelnemers (their caseload); searching is one click away
    await expect.poll(() => page.url()).toContain('/deelnemers?regievoerder=ik')
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Plekken zoeken' }).click()
    await expect.poll(() => page.url()).toContain('/zoeken')
    const zoekveld = page.getByLabel('Zoek op beroep, werk of organisatie')
    await zoekveld.pressSequentially('kaasmakrij', { delay: 30 }) // typo: kaasmakerij
    // search as you type: the URL follows the input after the debounce
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('q=kaasmakrij')
    const resultaten = page.locator('.pp-results')
    await expect.poll(() => resultaten.textContent(), { timeout: 15_000 }).toContain(TITEL)

    await page.getByLabel(/^Productie \(\d+/).check()
    await expect.poll(() => page.url()).toContain('sector=productie')
    await expect.poll(() => page.locator('#zoek-status').textContent()).toMatch(/\d+ plek(ken)? gevonden/)
    const urlMetFilter = page.url()
    const gevonden = await resultaten.locator('h3').allTextContents()
    expect(gevonden).toContain(TITEL)

    await page.getByRole('link', { name: TITEL }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITEL)
    // everything needed to phone the werkgever
    await expect.poll(() => page.locator('.pp-card').textContent()).toMatch(/Telefoon/)
    const detail = await page.locator('main').textContent()
    expect(detail).toContain('16 tot 20 uur')
    expect(detail).toContain('Er is contact met klanten')
    expect(detail).toContain('Buddy')

    await page.goBack()
    await expect.poll(() => page.url()).toBe(urlMetFilter)
    await expect.poll(() => resultaten.locator('h3').allTextContents()).toEqual(gevonden)
    expect(await page.getByLabel(/^Productie \(\d+/).isChecked()).toBe(true)
    expect(await zoekveld.inputValue()).toBe('kaasmakrij')
  })

  test('(c) dezelfde werkgeversroute met alleen het toetsenbord', async () => {
    page = await app.openPage()
    const k = page.keyboard
    /** Tab (or Shift+Tab) until the focused element matches; fails after 150 steps. */
    async function tabNaar(match: (el: { id: string; text: string; label: string; tag: string }) => boolean, terug = false) {
      for (let i = 0; i < 150; i++) {
        await k.press(terug ? 'Shift+Tab' : 'Tab')
        const el = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement | null
          return { id: a?.id ?? '', text: a?.textContent?.trim() ?? '', label: a?.getAttribute('aria-label') ?? '', tag: a?.tagName ?? '' }
        })
        if (match(el)) return
      }
      throw new Error('Element niet bereikbaar met Tab')
    }
    const veld = (id: string) => (el: { id: string }) => el.id === id

    await page.goto(`${app.url}/inloggen`)
    await tabNaar(veld('veld-email'))
    await k.type('werkgever@demo.example')
    await k.press('Tab')
    await k.type('Welkom-demo-2026')
    await k.press('Enter')
    await expect.poll(() => page.url()).toContain('/mijn-plekken')

    await tabNaar((el) => el.tag === 'A' && el.text === 'Nieuwe plek')
    await k.press('Enter')
    await expect.poll(() => page.url()).toContain('/plekken/nieuw')
    await tabNaar(veld('veld-titel'))
    await k.type(TITEL_TOETSENBORD)
    await k.press('Tab')
    await k.type('Je helpt klanten in de werkplaats en praat de hele dag Nederlands met je collega’s.')
    await tabNaar(veld('veld-sector'))
    await k.type('Techniek')
    await tabNaar(veld('veld-vorm'))
    await k.type('Leerwerkplek')
    await tabNaar(veld('veld-postcode'))
    await k.type('3311 AB')
    await tabNaar(veld('veld-urenPerWeek-min'))
    await k.type('16')
    await k.press('Tab')
    await k.type('8') // the mistake: max below min
    await tabNaar(veld('dagdeel-di-middag'))
    await k.press('Space')
    await tabNaar(veld('veld-taalrijkheid-nederlandsVoertaal'))
    await k.press('Space')
    await tabNaar((el) => el.tag === 'BUTTON' && el.text === 'Plek opslaan')
    await k.press('Enter')

    // focus lands on the error summary; its link takes the keyboard to the field
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    await tabNaar((el) => el.tag === 'A' && el.text.includes('maximum aantal uren'))
    await k.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('veld-urenPerWeek-max')
    await k.press('Backspace')
    await k.type('24')
    expect(await page.getByLabel('Titel').inputValue()).toBe(TITEL_TOETSENBORD)
    expect(await page.getByLabel('dinsdagmiddag', { exact: true }).isChecked()).toBe(true)
    await tabNaar((el) => el.tag === 'BUTTON' && el.text === 'Plek opslaan')
    await k.press('Enter')
    await expect.poll(() => page.url()).toContain('/mijn-plekken')
    await tabNaar((el) => el.label === `${TITEL_TOETSENBORD} publiceren`)
    await k.press('Enter')
    const rij = page.getByRole('row').filter({ hasText: TITEL_TOETSENBORD })
    await expect.poll(() => rij.textContent()).toContain('Gepubliceerd')

    // closing asks for confirmation first, and keeps the keyboard on the confirm button
    await tabNaar((el) => el.label === `${TITEL_TOETSENBORD} sluiten`, true)
    await k.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, sluiten')
    await k.press('Enter')
    await expect.poll(() => rij.textContent()).toContain('Gesloten')
  })

  test('(d) axe-core vindt op geen enkel scherm ernstige of kritieke toegankelijkheidsfouten', async () => {
    async function axe(naam: string) {
      expect(await ernstigeAxeFouten(page, naam)).toEqual([])
    }
    const wacht = () => page.waitForFunction(() => !document.querySelector('.pp-loading') && !document.querySelector('[aria-busy="true"]'))

    page = await app.openPage()
    await page.goto(`${app.url}/inloggen`)
    await axe('inloggen')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await axe('inloggen met fouten')

    await app.loginAs('werkgever')
    await wacht()
    await axe('mijn plekken')
    await page.goto(`${app.url}/plekken/nieuw`)
    await axe('nieuwe plek')
    await page.getByRole('button', { name: 'Plek opslaan' }).click()
    await axe('nieuwe plek met fouten')
    await page.goto(`${app.url}/organisatie`)
    await wacht()
    await axe('organisatie')

    page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/zoeken?q=zorg`)
    await wacht()
    await axe('zoeken')
    await page.locator('.pp-results a').first().click()
    await page.waitForSelector('.pp-dl')
    await wacht()
    await axe('plek')
    await page.goto(`${app.url}/deelnemers`)
    await wacht()
    await axe('deelnemers')
    await page.goto(`${app.url}/deelnemers/demo-deelnemer-tarek-mansour`)
    await page.waitForSelector('.pp-mini-matches')
    await wacht()
    await axe('deelnemer (dossier)')
    await page.goto(`${app.url}/deelnemers/nieuw`)
    await axe('nieuwe deelnemer')
    await page.getByRole('button', { name: 'Deelnemer opslaan' }).click()
    await page.waitForSelector('#foutoverzicht-titel')
    await axe('nieuwe deelnemer met fouten')
    await page.goto(`${app.url}/deelnemers/demo-deelnemer-tarek-mansour/matches?inclusiefUitgesloten=true`)
    await page.waitForSelector('.pp-matches--uitgesloten')
    await wacht()
    await page.getByText('Hoe komt deze volgorde tot stand?').click()
    await page.locator('.pp-match__kies input').nth(0).check()
    await page.locator('.pp-match__kies input').nth(1).check()
    await page.getByRole('button', { name: 'Vergelijk', exact: true }).click()
    await page.waitForSelector('.pp-vergelijking table')
    await axe('passende plekken met uitgesloten en vergelijking')
    await page.goto(`${app.url}/plekken/demo-plek-krispijn-gastvrouw-taalcafe/matches`)
    await page.waitForSelector('.pp-matches')
    await wacht()
    await axe('passende deelnemers')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${app.url}/zoeken?q=zzzzqqq`)
    await wacht()
    await axe('zoeken zonder resultaten, telefoon')
    await page.goto(`${app.url}/deelnemers`)
    await wacht()
    await axe('deelnemers, telefoon')
    await page.goto(`${app.url}/deelnemers/nieuw`)
    await axe('nieuwe deelnemer, telefoon')
    await page.goto(`${app.url}/deelnemers/demo-deelnemer-tarek-mansour/matches`)
    await page.waitForSelector('.pp-matches')
    await wacht()
    await axe('passende plekken, telefoon')

    page = await app.openAs('beheerder')
    await page.goto(`${app.url}/beheer/gebruikers`)
    await wacht()
    await axe('gebruikers')
    await page.goto(`${app.url}/beheer/organisaties`)
    await wacht()
    await axe('organisaties')
  }, 90_000)

  test('een verlopen sessie stuurt naar inloggen en daarna terug naar dezelfde pagina', async () => {
    page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/zoeken?q=zorg&sector=zorg`)
    await page.waitForSelector('.pp-result')
    await app.context.clearCookies() // the session is gone
    await page.getByLabel(/^Horeca|^Zorg \(/).first().click()
    await expect.poll(() => page.url()).toContain('/inloggen?terug=')
    await submitLogin(page, 'jobhunter')
    await expect.poll(() => page.url()).toContain('/zoeken?q=zorg')
  })

  test('een werkgever van wie de sessie verloopt tijdens het invullen, verliest na opnieuw inloggen niets', async () => {
    page = await app.openAs('werkgever')
    await expect.poll(() => page.url()).toContain('/mijn-plekken')
    await page.getByRole('link', { name: 'Nieuwe plek' }).first().click()
    await fillPlekForm({
      titel: 'Medewerker fietsverhuur',
      omschrijving: 'Je geeft fietsen uit en legt klanten de route uit.',
      sector: 'cultuur-en-sport',
      vorm: 'vrijwilligerswerk',
      postcode: '2611 AB',
      uren: { min: '8', max: '12' },
      dagdelen: ['zaterdagochtend', 'zaterdagmiddag'],
    })
    await app.context.clearCookies() // the session ends while they type
    await page.getByRole('button', { name: 'Plek opslaan' }).click()
    await expect.poll(() => page.url()).toContain('/inloggen?terug=')
    await submitLogin(page, 'werkgever')
    await expect.poll(() => page.url()).toContain('/plekken/nieuw')
    expect(await page.getByLabel('Titel').inputValue()).toBe('Medewerker fietsverhuur')
    expect(await page.getByLabel('Omschrijving van het werk').inputValue()).toBe('Je geeft fietsen uit en legt klanten de route uit.')
    expect(await page.getByLabel('Sector', { exact: true }).inputValue()).toBe('cultuur-en-sport')
    expect(await page.getByLabel('zaterdagmiddag', { exact: true }).isChecked()).toBe(true)
    await expect.poll(() => page.locator('main').textContent()).toContain('Uw nog niet opgeslagen invoer is teruggezet.')
  })
})
