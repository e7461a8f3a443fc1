import { describe, expect, test } from 'vitest'
import type { Locator } from 'playwright-core'
import { skipBrowser, useBrowserApp } from './harness.js'

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
