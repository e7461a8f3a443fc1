import { describe, expect, test } from 'vitest'
import type { Locator } from 'playwright-core'
import { skipBrowser, useBrowserApp } from './harness.js'
import { plekBody } from '../helpers.js'

// Issue 17: the screen findings without a file of their own (items 4, 6, 7, 9, 11). Real Chromium
// against the real server with the demo data; each test opens its own logged-in page.

const app = useBrowserApp()
const tekst = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()

describe.skipIf(skipBrowser)('beheer: een account uitschakelen (item 4)', () => {
  test('Uitschakelen vraagt eerst bevestiging; Annuleren laat het account actief en zet de focus terug', async () => {
    const page = await app.openAs('beheerder')
    await page.goto(`${app.url}/beheer/gebruikers`)
    const rij = page.getByRole('row').filter({ hasText: 'jobhunter.roermond@demo.example' })
    await rij.getByRole('button', { name: /uitschakelen$/ }).click()
    // nothing happened yet: the question, with the focus on the red button
    await expect.poll(() => tekst(rij)).toContain('uitschakelen? Dit account kan dan niet meer inloggen')
    expect(await tekst(rij)).toContain('Actief')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, uitschakelen')
    await rij.getByRole('button', { name: 'Annuleren' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/uitschakelen$/)
    expect(await tekst(rij)).toContain('Actief')

    await rij.getByRole('button', { name: /uitschakelen$/ }).click()
    await rij.getByRole('button', { name: 'Ja, uitschakelen' }).click()
    await expect.poll(() => tekst(rij)).toContain('Uitgeschakeld')
    await expect.poll(() => tekst(page.locator('main'))).toContain('is uitgeschakeld en kan niet meer inloggen')
    // and back on, so the demo account works for the rest of the file
    await rij.getByRole('button', { name: /inschakelen$/ }).click()
    await expect.poll(() => tekst(rij)).toContain('Actief')
  })
})

describe.skipIf(skipBrowser)('mijn plekken: publiceren en sluiten (items 5 en 9)', () => {
  test('na Publiceren blijft de focus op de rij (de status), niet op <body>; een concept sluiten zegt niet dat jobhunters het niet meer vinden', async () => {
    const page = await app.openAs('werkgever')
    // fresh concepten through the API, so the demo's own plekken stay as they are
    const concept = async (titel: string) => {
      const res = await page.request.post(`${app.url}/api/plekken`, { data: plekBody({ titel }) })
      expect(res.status(), await res.text()).toBe(201)
    }
    await concept('Testplek publiceren')
    await concept('Testplek concept sluiten')
    await page.goto(`${app.url}/mijn-plekken`)
    const rij = page.getByRole('row').filter({ hasText: 'Testplek publiceren' })
    await rij.getByRole('button', { name: 'Testplek publiceren publiceren' }).click()
    await expect.poll(() => tekst(rij)).toContain('Gepubliceerd')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^status-/)
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? '')).toContain('Testplek publiceren')

    const conceptRij = page.getByRole('row').filter({ hasText: 'Testplek concept sluiten' })
    await conceptRij.getByRole('button', { name: /sluiten$/ }).click()
    const vraag = await tekst(conceptRij.locator('.pp-confirm'))
    expect(vraag).toContain('Het wordt dan niet gepubliceerd')
    expect(vraag).not.toContain('Jobhunters vinden')
    await conceptRij.getByRole('button', { name: 'Annuleren' }).click()
  })
})

describe.skipIf(skipBrowser)('stille invoer in het plekformulier (item 6)', () => {
  test('24–28 uur op vier ochtenden krijgt een waarschuwing; genoeg dagdelen laten hem verdwijnen', async () => {
    const page = await app.openAs('werkgever')
    await page.goto(`${app.url}/plekken/nieuw`)
    await page.getByLabel('Minimaal aantal uren per week').fill('24')
    await page.getByLabel('Maximaal aantal uren per week').fill('28')
    const dagdeel = (dd: string) => page.locator(`input[name="dagdelen"][value="${dd}"]`)
    for (const dag of ['ma', 'di', 'wo', 'do']) await dagdeel(`${dag}-ochtend`).check()
    const waarschuwing = page.locator('.utrecht-alert, [role="alert"], .pp-alert').filter({ hasText: 'ongeveer 16 uur werk' })
    await expect.poll(() => waarschuwing.count()).toBe(1)
    expect(await tekst(waarschuwing)).toContain('u vraagt minstens 24 uur. Kies 6 of meer dagdelen, of minder uren.')
    for (const dag of ['ma', 'di']) await dagdeel(`${dag}-middag`).check()
    await expect.poll(() => waarschuwing.count()).toBe(0)
  })
})

describe.skipIf(skipBrowser)('Nederlandse tekst (item 9)', () => {
  test('een leeg verplicht veld heet overal "Dit veld is verplicht."; facetten tellen "1 plek"; "B.V." krijgt geen tweede punt', async () => {
    let page = await app.openAs('werkgever')
    await page.goto(`${app.url}/plekken/nieuw`)
    await page.getByLabel('Titel', { exact: true }).fill('   ')
    await page.getByRole('button', { name: /opslaan|Concept/i }).first().click()
    await expect.poll(() => tekst(page.locator('main'))).toContain('Dit veld is verplicht.')
    expect(await tekst(page.locator('main'))).not.toContain('mag niet leeg zijn')

    page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/zoeken`)
    await page.waitForSelector('.pp-result')
    const tellingen = await page.locator('.pp-facets .pp-count').allTextContents()
    expect(tellingen.length).toBeGreaterThan(0)
    for (const t of tellingen) expect(t).toMatch(/^\((1 plek|\d+ plekken)\)$/)

    await page.goto(`${app.url}/deelnemers/demo-deelnemer-ahmed-el-idrissi/matches`)
    const kaart = page.locator('ol.pp-matches > li').filter({ hasText: 'B.V.' }).first()
    await kaart.getByRole('button', { name: /^Voorstellen/ }).click()
    const dialoog = page.getByRole('dialog')
    await expect.poll(() => tekst(dialoog)).toContain('De score en de redenen')
    expect(await tekst(dialoog)).toContain('B.V. De score')
    expect(await tekst(dialoog)).not.toContain('B.V..')
  })
})

describe.skipIf(skipBrowser)('geen doodlopende pagina’s (item 7)', () => {
  test('"niet gevonden" en "geen toegang" hebben een kop en een weg terug; een werkgever met de link van een jobcoach kan verder', async () => {
    const page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/plekken/bestaat-niet`)
    await expect.poll(() => tekst(page.locator('h1'))).toBe('Plek niet gevonden')
    expect(await tekst(page.locator('main'))).toContain('De plek is niet gevonden.')
    expect(await page.getByRole('link', { name: 'Naar uw startpagina' }).getAttribute('href')).toBe('/deelnemers?regievoerder=ik')

    const werkgever = await app.openAs('werkgever')
    await werkgever.goto(`${app.url}/mijn-plekken`)
    await werkgever.goto(`${app.url}/plaatsingen/een-plaatsing-van-de-jobcoach`)
    await expect.poll(() => tekst(werkgever.locator('h1'))).toBe('Geen toegang')
    expect(await tekst(werkgever.locator('main'))).toContain('Deze pagina is er voor de rollen jobcoach en beheerder. U bent ingelogd als werkgever')
    await werkgever.getByRole('link', { name: '← Terug naar de vorige pagina' }).click()
    await expect.poll(() => new URL(werkgever.url()).pathname).toBe('/mijn-plekken')
    await werkgever.goto(`${app.url}/plaatsingen/een-plaatsing-van-de-jobcoach`)
    await werkgever.getByRole('link', { name: 'Naar uw startpagina' }).click()
    await expect.poll(() => new URL(werkgever.url()).pathname).toBe('/mijn-plekken')
  })
})

describe.skipIf(skipBrowser)('monitor-CSV (item 10)', () => {
  test('de CSV gebruikt de woorden en percentages van het scherm, en de bestandsnaam noemt sector en vorm', async () => {
    const page = await app.openAs('beheerder')
    await page.goto(`${app.url}/monitor?sector=zorg&vorm=vrijwilligerswerk`)
    const knop = page.getByRole('link', { name: 'Download CSV' })
    await knop.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), knop.click()])
    expect(download.suggestedFilename()).toMatch(/^monitor-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-zorg-vrijwilligerswerk\.csv$/)
    const inhoud = (await (await page.request.get(`${app.url}${new URL(download.url()).pathname}${new URL(download.url()).search}`)).text())
    expect(inhoud).toContain('filter;sector;Zorg')
    expect(inhoud).toContain('filter;vorm;Vrijwilligerswerk')
    expect(inhoud).toMatch(/aandeel na 3 maanden \(%\);(\d+)?\r\n/)
    expect(inhoud).not.toMatch(/;0,\d+\r\n/) // no fractions
    expect(inhoud).not.toMatch(/werk-gevonden|sector zorg|vorm vrijwilligerswerk/) // no codes
  })
})
