import { describe, expect, test } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { DEMO_WACHTWOORD, demoEmail, skipBrowser, useBrowserApp } from './harness.js'
import { addDays, datumInNederland } from '../../server/clock.js'

// Issue 17, items 2 and 8: a werkgever accepts with a startdatum four days ahead and sees the start
// and the jobcoach on the accepted voorstel; the placed deelnemer's dossier no longer offers that
// plek; the jobcoach can record the startgesprek before the start ("Start op", not "Gestart op").
// Real Chromium against the real server (the demo data); the voorstel is made through the API.

const PLEK = 'demo-plek-biesboschhof-gastvrouw-huiskamer' // werkgever@demo.example's organisatie
const PLEK_TITEL = 'Gastvrouw of gastheer in de huiskamer'
const JOBCOACH = 'Dirk de Coach' // the demo jobcoach of the Drechtsteden

const app = useBrowserApp({ timezoneId: 'Europe/Amsterdam' })
const tekst = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ')
const datumTekst = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })

/** A voorstel of the jobhunter for the best zoekende deelnemer with consent, with the demo jobcoach. */
async function maakVoorstel(): Promise<{ naam: string; deelnemerId: string }> {
  const ctx = await app.browser.newContext()
  try {
    expect((await ctx.request.post(`${app.url}/api/sessie`, { data: { email: demoEmail('jobhunter'), wachtwoord: DEMO_WACHTWOORD } })).status()).toBe(200)
    const matches = await (await ctx.request.get(`${app.url}/api/plekken/${PLEK}/matches`)).json()
    const m = matches.items.find((x: { deelnemer: { toestemmingDelen: boolean; status: string } }) => x.deelnemer.toestemmingDelen && x.deelnemer.status === 'zoekend')
    const coaches = await (await ctx.request.get(`${app.url}/api/jobcoaches?deelnemerId=${m.deelnemer.id}`)).json()
    const coach = (coaches.items ?? coaches).find((j: { naam: string }) => j.naam === JOBCOACH)
    const res = await ctx.request.post(`${app.url}/api/voorstellen`, { data: { deelnemerId: m.deelnemer.id, plekId: PLEK, modus: 'vraaggericht', jobcoachId: coach.id } })
    expect(res.status(), await res.text()).toBe(201)
    return { naam: m.deelnemer.naam, deelnemerId: m.deelnemer.id }
  } finally {
    await ctx.close()
  }
}

describe.skipIf(skipBrowser)('na het accepteren', () => {
  test('startdatum over vier dagen: de werkgever ziet start en jobcoach, het dossier biedt de plek niet meer aan, de jobcoach legt vandaag het startgesprek vast ("Start op")', async () => {
    const { naam, deelnemerId } = await maakVoorstel()
    const vandaag = datumInNederland(app.clock.now())
    const start = addDays(vandaag, 4)

    let page: Page = await app.openAs('werkgever')
    await page.goto(`${app.url}/voorstellen`)
    const kaart = page.locator('li.pp-voorstel').filter({ hasText: naam })
    await kaart.getByRole('button', { name: `${naam} accepteren voor ${PLEK_TITEL}` }).click()
    await kaart.getByLabel('Startdatum').fill(start)
    await kaart.getByRole('button', { name: 'Accepteren en plaatsing starten' }).click()
    await expect.poll(() => tekst(page.locator('main'))).toContain(`De plaatsing start op ${datumTekst(start)}`)
    // item 8: the accepted voorstel shows the startdatum and the jobcoach, the werkgever's contact
    await page.getByLabel('Status').selectOption('geaccepteerd')
    const geaccepteerd = page.locator('li.pp-voorstel').filter({ hasText: naam })
    await expect.poll(() => tekst(geaccepteerd)).toContain(`Start op${datumTekst(start)}`)
    expect(await tekst(geaccepteerd)).toContain(`Uw aanspreekpunt${JOBCOACH}, jobcoach · jobcoach.drechtsteden@demo.example`)
    expect(await geaccepteerd.getByRole('link', { name: 'jobcoach.drechtsteden@demo.example' }).getAttribute('href')).toBe('mailto:jobcoach.drechtsteden@demo.example')

    // item 8: the placed deelnemer's dossier no longer offers the plek they are placed in
    page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/deelnemers/${deelnemerId}`)
    const passend = page.locator('section.pp-passend')
    await expect.poll(() => tekst(passend)).toContain('is geplaatst. De plek van de plaatsing staat hier niet bij')
    await expect.poll(() => passend.locator('.pp-mini-matches, p').count()).toBeGreaterThan(0)
    expect(await tekst(passend)).not.toContain(PLEK_TITEL)
    await page.goto(`${app.url}/deelnemers/${deelnemerId}/matches?inclusiefUitgesloten=true`)
    await page.waitForSelector('#match-status:not(:empty)')
    expect(await page.locator(`li.pp-match[data-id="${PLEK}"]`).count()).toBe(0)

    page = await app.openAs('jobcoach.drechtsteden')
    await page.getByRole('row').filter({ hasText: naam }).getByRole('link', { name: naam }).click()
    await expect.poll(() => tekst(page.locator('h1'))).toBe(naam)
    const feiten = await tekst(page.locator('.pp-feiten'))
    expect(feiten).toContain(`Start op${datumTekst(start)} (over 4 dagen)`) // <dt> then <dd>
    expect(feiten).not.toContain('Gestart op')

    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Contact vastleggen' }) })
    await expect.poll(() => form.getByLabel('Datum', { exact: true }).inputValue()).toBe(vandaag)
    expect(await form.getByLabel('Soort contact').inputValue()).toBe('startgesprek')
    await form.getByLabel('Bezoek').check()
    await form.getByLabel('Samenvatting').fill('Kennismaking met de werkgever vóór de eerste werkdag; rooster besproken.')
    await form.getByRole('button', { name: 'Contact opslaan' }).click()
    await expect.poll(() => page.locator('.pp-tijdlijn > li').count()).toBe(1)
    expect(await tekst(page.locator('.pp-tijdlijn > li').first())).toContain('Startgesprek')
    expect(await page.getByRole('alert').count()).toBe(0)
  })
})
