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
