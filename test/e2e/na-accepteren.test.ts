import { describe, expect, test } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { DEMO_WACHTWOORD, demoEmail, skipBrowser, useBrowserApp } from './harness.js'
import { addDays, datumInNederland } from '../../server/clock.js'

// Issue 17, item 2 (and 8): a werkgever accepts with a startdatum four days ahead; the jobcoach can
// record the startgesprek before the start, and the plaatsing says "Start op", not "Gestart op".
// Real Chromium against the real server (the demo data); the voorstel is made through the API.

const PLEK = 'demo-plek-biesboschhof-gastvrouw-huiskamer' // werkgever@demo.example's organisatie
const PLEK_TITEL = 'Gastvrouw of gastheer in de huiskamer'
const JOBCOACH = 'Dirk de Coach' // the demo jobcoach of the Drechtsteden

const app = useBrowserApp({ timezoneId: 'Europe/Amsterdam' })
const tekst = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ')
const datumTekst = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })

/** A voorstel of the jobhunter for the best zoekende deelnemer with consent, with the demo jobcoach. */
async function maakVoorstel(): Promise<{ naam: string }> {
  const ctx = await app.browser.newContext()
  try {
    expect((await ctx.request.post(`${app.url}/api/sessie`, { data: { email: demoEmail('jobhunter'), wachtwoord: DEMO_WACHTWOORD } })).status()).toBe(200)
    const matches = await (await ctx.request.get(`${app.url}/api/plekken/${PLEK}/matches`)).json()
    const m = matches.items.find((x: { deelnemer: { toestemmingDelen: boolean; status: string } }) => x.deelnemer.toestemmingDelen && x.deelnemer.status === 'zoekend')
    const coaches = await (await ctx.request.get(`${app.url}/api/jobcoaches?deelnemerId=${m.deelnemer.id}`)).json()
    const coach = (coaches.items ?? coaches).find((j: { naam: string }) => j.naam === JOBCOACH)
    const res = await ctx.request.post(`${app.url}/api/voorstellen`, { data: { deelnemerId: m.deelnemer.id, plekId: PLEK, modus: 'vraaggericht', jobcoachId: coach.id } })
    expect(res.status(), await res.text()).toBe(201)
    return { naam: m.deelnemer.naam }
  } finally {
    await ctx.close()
  }
}

describe.skipIf(skipBrowser)('na het accepteren', () => {
  test('startdatum over vier dagen: de jobcoach legt vandaag het startgesprek vast; de plaatsing zegt "Start op"', async () => {
    const { naam } = await maakVoorstel()
    const vandaag = datumInNederland(app.clock.now())
    const start = addDays(vandaag, 4)

    let page: Page = await app.openAs('werkgever')
    await page.goto(`${app.url}/voorstellen`)
    const kaart = page.locator('li.pp-voorstel').filter({ hasText: naam })
    await kaart.getByRole('button', { name: `${naam} accepteren voor ${PLEK_TITEL}` }).click()
    await kaart.getByLabel('Startdatum').fill(start)
    await kaart.getByRole('button', { name: 'Accepteren en plaatsing starten' }).click()
    await expect.poll(() => tekst(page.locator('main'))).toContain(`De plaatsing start op ${datumTekst(start)}`)

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
