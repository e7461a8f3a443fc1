import { describe, expect, test } from 'vitest'
import { skipBrowser, useBrowserApp } from './harness.js'

// Issue 14: a search word that names a sector, vorm or begeleiding ("horeca") finds those plekken,
// and the page offers to turn the word into the filter. Real Chromium against the real server (the
// demo data, the embedded engine).

const app = useBrowserApp()

describe.skipIf(skipBrowser)('zoeken: een woord wordt een filter', () => {
  test('"horeca" vindt horecaplekken en biedt het filter Horeca aan; toepassen zet het filter aan en haalt het woord uit de zoekvraag', async () => {
    const page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/zoeken`)
    await page.getByLabel('Zoek op beroep, werk of organisatie').fill('Horeca')
    const voorstel = page.locator('.pp-filtervoorstel')
    await expect.poll(() => voorstel.textContent()).toContain('Bedoelt u het filter Horeca?')
    await page.waitForSelector('.pp-result')
    const badges = await page.locator('.pp-result .pp-badge').allTextContents()
    expect(badges).toContain('Horeca')

    await voorstel.getByRole('button', { name: /Filter toepassen/ }).click()
    await expect.poll(() => new URL(page.url()).searchParams.getAll('sector')).toEqual(['horeca'])
    expect(new URL(page.url()).searchParams.get('q') ?? '').toBe('')
    await expect.poll(() => page.getByLabel(/^Horeca \(/).isChecked()).toBe(true)
    await expect.poll(() => voorstel.count()).toBe(0)
    await expect.poll(() => page.getByLabel('Zoek op beroep, werk of organisatie').inputValue()).toBe('')
    // every result is a horeca plek
    await page.waitForSelector('.pp-result')
    const sectoren = await page.locator('.pp-result .pp-badges').allTextContents()
    expect(sectoren.length).toBeGreaterThan(0)
    expect(sectoren.every((t) => t.includes('Horeca'))).toBe(true)
  })
})
