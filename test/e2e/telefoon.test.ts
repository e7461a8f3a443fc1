import { describe, expect, test } from 'vitest'
import { skipBrowser, useBrowserApp } from './harness.js'

// Issue 17, item 11: the web app on a phone (390 × 844, as an iPhone 12–14). Real Chromium against
// the real server with the demo data.

const app = useBrowserApp({ viewport: { width: 390, height: 844 } })
const HOOGTE = 844

describe.skipIf(skipBrowser)('op een telefoon', () => {
  test('de kop is hooguit 120 px hoog en de eerste match begint op het eerste scherm', async () => {
    const page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/deelnemers/demo-deelnemer-ahmed-el-idrissi/matches`)
    await page.waitForSelector('ol.pp-matches > li')
    const kop = await page.locator('.pp-header').boundingBox()
    expect(kop!.height).toBeLessThanOrEqual(120)
    const match = await page.locator('ol.pp-matches > li').first().boundingBox()
    expect(match!.y + 120).toBeLessThan(HOOGTE) // its score and title are visible without scrolling
    // nothing in the header is cut off or pushed out: Uitloggen is on screen, the brand is whole
    const uit = await page.getByRole('button', { name: 'Uitloggen' }).boundingBox()
    expect(uit!.x + uit!.width).toBeLessThanOrEqual(390)
    expect(await page.locator('.pp-header__brand').evaluate((a) => a.scrollWidth <= a.clientWidth)).toBe(true)
    // the name is still there for a screen reader
    expect(await page.locator('.pp-header__user').textContent()).toContain('ingelogd als')
  })

  test('de week in het dossier past op het scherm (geen "avonc")', async () => {
    const page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/deelnemers/demo-deelnemer-ahmed-el-idrissi`)
    const week = page.locator('.pp-table-scroll').filter({ has: page.locator('th', { hasText: 'avond' }) }).first()
    await week.waitFor()
    const [breed, zichtbaar] = await week.evaluate((w) => [w.scrollWidth, w.clientWidth])
    expect(breed).toBeLessThanOrEqual(zichtbaar)
    const avond = await week.locator('th', { hasText: 'avond' }).boundingBox()
    expect(avond!.x + avond!.width).toBeLessThanOrEqual(390)
  })

  test('de focusring in de kop van de inlogpagina blijft binnen de kop', async () => {
    const page = await app.openPage()
    await page.goto(`${app.url}/inloggen`)
    await page.waitForSelector('input')
    const merk = page.locator('.pp-header__brand')
    await merk.focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab') // a keyboard focus, so :focus-visible applies
    expect(await merk.evaluate((a) => a === document.activeElement && a.matches(':focus-visible'))).toBe(true)
    const ring = await merk.evaluate((a) => {
      const s = getComputedStyle(a)
      const r = a.getBoundingClientRect()
      const buiten = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset)
      const kop = a.closest('.pp-header')!.getBoundingClientRect()
      return { boven: r.top - buiten - kop.top, onder: kop.bottom - (r.bottom + buiten), links: r.left - buiten - kop.left }
    })
    expect(ring.boven).toBeGreaterThanOrEqual(2)
    expect(ring.onder).toBeGreaterThanOrEqual(2)
    expect(ring.links).toBeGreaterThanOrEqual(2)

    // the first Tab: "Naar de inhoud" is a bar above the header's content, not a box over the brand
    await page.goto(`${app.url}/inloggen`)
    await page.waitForSelector('input')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Naar de inhoud' })
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true)
    const [balk, inhoud] = await Promise.all([skip.boundingBox(), page.locator('.pp-header__inner').boundingBox()])
    expect(balk!.y).toBeGreaterThanOrEqual(0)
    expect(balk!.y + balk!.height).toBeLessThanOrEqual(inhoud!.y + 0.5)
    expect(await skip.evaluate((a) => { const s = getComputedStyle(a); return parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) <= 0 })).toBe(true) // the ring inside the bar
  })

  test('"Andere jobcoach" wordt niet aangeboden als er in de gemeente geen andere jobcoach is', async () => {
    const page = await app.openAs('beheerder')
    // in the demo, the deelnemers with an active plaatsing live where Joke Jobcoach is the only jobcoach
    const lijst = await (await page.request.get(`${app.url}/api/plaatsingen?status=actief`)).json()
    const p = lijst.items[0]
    const coaches = await (await page.request.get(`${app.url}/api/jobcoaches?deelnemerId=${p.deelnemerId}`)).json()
    expect(coaches.items.filter((j: { id: string }) => j.id !== p.jobcoachId)).toEqual([])
    await page.goto(`${app.url}/plaatsingen/${p.id}`)
    await page.waitForSelector('.pp-feiten')
    await page.waitForLoadState('networkidle')
    expect(await page.getByRole('heading', { name: 'Andere jobcoach' }).count()).toBe(0)
    // in the list the choice says so instead of offering nobody
    await page.goto(`${app.url}/plaatsingen`)
    const rij = page.getByRole('row').filter({ hasText: p.deelnemer.naam })
    await rij.getByRole('button', { name: /andere jobcoach toewijzen/ }).click()
    await expect.poll(async () => (await rij.textContent()) ?? '').toContain('Er is geen andere jobcoach in de gemeente van')
    expect(await rij.getByRole('combobox').count()).toBe(0)
  })
})
