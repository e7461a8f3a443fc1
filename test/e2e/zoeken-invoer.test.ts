import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { skipBrowser, useBrowserApp } from './harness.js'

// Issue 17, items 1, 5 and 6: on Plekken zoeken the boxes, the URL and the results always agree,
// nothing typed is dropped, paging moves to the results, and a postcode that cannot be used says so.
// Real Chromium against the real server (the demo data, the embedded engine).

const app = useBrowserApp()
const zoekveld = (page: Page) => page.getByLabel('Zoek op beroep, werk of organisatie')
const postcodeveld = (page: Page) => page.getByLabel('Postcode')
const param = (page: Page, naam: string) => new URL(page.url()).searchParams.get(naam)
const status = (page: Page) => page.locator('#zoek-status').textContent()

async function openZoeken() {
  const page = await app.openAs('jobhunter')
  await page.goto(`${app.url}/zoeken`)
  await page.waitForSelector('.pp-result')
  return page
}

describe.skipIf(skipBrowser)('zoeken: wat de gebruiker typt', () => {
  test('typen, Tab en meteen een postcode: beide blijven staan en beide staan in de URL', async () => {
    const page = await openZoeken()
    await zoekveld(page).pressSequentially('schoonmaak', { delay: 20 })
    await page.keyboard.press('Tab')
    await page.keyboard.type('2611', { delay: 20 })
    await expect.poll(() => param(page, 'postcode'), { timeout: 10_000 }).toBe('2611')
    expect(param(page, 'q')).toBe('schoonmaak')
    expect(await zoekveld(page).inputValue()).toBe('schoonmaak')
    expect(await postcodeveld(page).inputValue()).toBe('2611')
    await expect.poll(() => status(page)).toMatch(/gevonden/)
    // the results are those of the words: every title or text is about schoonmaak
    expect(await page.locator('.pp-result').count()).toBeGreaterThan(0)
  })

  test('na Terug tonen het vak, de URL en de resultaten dezelfde (lege) zoekvraag', async () => {
    const page = await openZoeken()
    await expect.poll(() => status(page)).toMatch(/gevonden/)
    const alles = await status(page)
    await zoekveld(page).pressSequentially('zorg', { delay: 150 })
    await expect.poll(() => param(page, 'q'), { timeout: 10_000 }).toBe('zorg')
    await expect.poll(() => status(page)).not.toBe(alles)
    await page.goBack()
    await expect.poll(() => param(page, 'q')).toBe(null)
    await expect.poll(() => zoekveld(page).inputValue()).toBe('')
    await expect.poll(() => status(page)).toBe(alles)
    // and forward again: the words come back in the box
    await page.goForward()
    await expect.poll(() => zoekveld(page).inputValue()).toBe('zorg')
  })

  test('een filter aanvinken terwijl het typen nog niet verstuurd is, houdt de woorden', async () => {
    const page = await openZoeken()
    await zoekveld(page).fill('magazijn')
    await page.getByLabel(/^Logistiek \(/).check()
    await expect.poll(() => new URL(page.url()).searchParams.getAll('sector')).toEqual(['logistiek'])
    expect(param(page, 'q')).toBe('magazijn')
    expect(await zoekveld(page).inputValue()).toBe('magazijn')
  })

  test('een onbruikbare postcode krijgt een melding en de URL houdt geen oude postcode vast', async () => {
    const page = await openZoeken()
    await postcodeveld(page).fill('2611')
    await page.keyboard.press('Tab')
    await expect.poll(() => param(page, 'postcode')).toBe('2611')
    for (const fout of ['0123', 'abcd']) {
      await postcodeveld(page).fill(fout)
      await page.keyboard.press('Tab')
      await expect.poll(() => page.locator('#veld-postcode-fout').textContent()).toContain('Vul een postcode in als 1234 AB')
      expect(await postcodeveld(page).getAttribute('aria-invalid')).toBe('true')
      await expect.poll(() => param(page, 'postcode')).toBe(null)
    }
    // a well-formed postcode that does not exist: the server's message
    await postcodeveld(page).fill('1001 AA')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('#veld-postcode-fout').textContent()).toContain('Deze postcode kennen we niet')
  })
})

describe.skipIf(skipBrowser)('zoeken: pagina’s en toetsenbord', () => {
  test('Volgende pagina gaat naar de bovenkant van de resultaten en zet de focus op hun kop', async () => {
    const page = await openZoeken()
    await expect.poll(() => status(page)).toMatch(/pagina 1 van/)
    await page.getByRole('link', { name: 'Volgende pagina' }).click()
    await expect.poll(() => status(page)).toMatch(/pagina 2 van/)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('resultaten-titel')
    const top = await page.locator('section[aria-labelledby="resultaten-titel"]').evaluate((s) => s.getBoundingClientRect().top)
    expect(top).toBeGreaterThanOrEqual(-1)
    expect(top).toBeLessThan(100)
  })

  test('de knop Zoeken is zichtbaar als hij focus heeft, en een link slaat de filters over', async () => {
    const page = await openZoeken()
    await page.getByLabel('Sorteren op').focus()
    await page.keyboard.press('Tab')
    const knop = page.getByRole('button', { name: 'Zoeken', exact: true })
    expect(await knop.evaluate((b) => b === document.activeElement)).toBe(true)
    expect((await knop.boundingBox())!.width).toBeGreaterThan(20)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Naar de resultaten' })
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true)
    expect((await skip.boundingBox())!.width).toBeGreaterThan(20)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('resultaten-titel')
    // the next Tab reaches the first result
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('.pp-result') !== null)).toBe(true)
  })
})
