import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { skipBrowser, useBrowserApp } from './harness.js'

// Proactive matching seen by the people involved, in real Chromium against the real server (its
// meldingen workers run as in `npm start`): a werkgever publishes a plek that fits a deelnemer of
// the demo jobhunter; the jobhunter's bell counts it within seconds; its link opens the match list.

const app = useBrowserApp()

/** A JSON call with the page's session (the browser context's cookies), as the web app makes it. */
async function apiCall(page: Page, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await page.request.fetch(`${app.url}${path}`, { method, headers: { origin: app.url, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) })
  expect(res.status(), await res.text()).toBeLessThan(300)
  return res.json()
}

describe.skipIf(skipBrowser)('meldingen in de browser', () => {
  test('werkgever publiceert een passende plek → de bel van de jobhunter telt 1 → de link opent de matchlijst met die deelnemer', async () => {
    // the jobhunter reads the meldingen the demo history left, so the bell starts empty
    const jobhunter = await app.openAs('jobhunter')
    await jobhunter.getByTestId('meldingen-bel').click()
    await expect.poll(() => jobhunter.url()).toMatch(/\/meldingen$/)
    await jobhunter.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor()
    // the list is loaded once its summary shows ("U heeft nog geen meldingen." or "3 meldingen, …")
    await jobhunter.locator('p[aria-live="polite"]').filter({ hasText: /nog geen meldingen|ongelezen/ }).waitFor()
    const alles = jobhunter.getByRole('button', { name: 'Alles gelezen' })
    if (await alles.isVisible()) await alles.click()
    await expect.poll(() => jobhunter.getByTestId('meldingen-bel').textContent(), { timeout: 10_000 }).toBe('Meldingen')
    await jobhunter.goto(`${app.url}/deelnemers?regievoerder=ik`)

    // one of the jobhunter's own zoekende deelnemers, and a plek made to fit them
    const eigen = (await apiCall(jobhunter, 'GET', '/api/deelnemers?regievoerder=ik&status=zoekend&perPage=100')).items as { id: string; gemeenteId: string }[]
    const dordrecht = eigen.filter((d) => d.gemeenteId === 'gemeente-GM0505')
    expect(dordrecht.length).toBeGreaterThan(0)
    const d = await apiCall(jobhunter, 'GET', `/api/deelnemers/${dordrecht[0]!.id}`)

    const werkgever = await app.browser.newContext({ locale: 'nl-NL' }).then((c) => c.newPage())
    await werkgever.goto(`${app.url}/inloggen`)
    await werkgever.getByLabel('E-mailadres').fill('werkgever@demo.example')
    await werkgever.getByLabel('Wachtwoord').fill('Welkom-demo-2026')
    await werkgever.getByRole('button', { name: 'Inloggen' }).click()
    await werkgever.waitForURL((u) => !u.pathname.startsWith('/inloggen'))
    const laag = { spreken: 'A0', luisteren: 'A0', lezen: 'A0', schrijven: 'A0' }
    const plek = await apiCall(werkgever, 'POST', '/api/plekken', {
      titel: 'Magazijnmedewerker met buddy (e2e)',
      omschrijving: 'Je werkt samen met vaste collega’s die Nederlands met je spreken.',
      sector: d.wensen.sectoren[0] ?? 'logistiek',
      vorm: 'werkervaringsplek',
      postcode: d.postcode,
      urenPerWeek: d.urenPerWeek,
      dagdelen: d.beschikbareDagdelen.slice(0, 3),
      capaciteit: 1,
      taalniveau: laag,
      lagerNiveauMetOndersteuning: true,
      taalrijkheid: { nederlandsVoertaal: true, samenwerkenMetCollegas: true, vastTaalmaatje: true, mondelingeInstructies: true, taalcoachWelkom: true },
      begeleiding: ['buddy', 'werkbegeleider', 'taalcoach'],
      opbouw: true,
      fysiekeBelasting: 'laag',
      werkdruk: 'laag',
      binnenSchooltijden: true,
      vereisten: { rijbewijs: false, vog: false, vca: false },
      vergoeding: { soort: 'onkostenvergoeding', bedragPerMaand: 95 },
    })
    // precondition, asked of the matcher itself: the deelnemer fits (score at least the default 70)
    const vooraf = await apiCall(jobhunter, 'GET', `/api/plekken/${plek.id}/matches`)
    const passend = vooraf.items.find((m: any) => m.deelnemer.id === d.id)
    expect(passend?.score, JSON.stringify(passend?.criteria)).toBeGreaterThanOrEqual(70)

    // the werkgever publishes in the web app
    await werkgever.goto(`${app.url}/mijn-plekken`)
    await werkgever.getByRole('button', { name: 'Magazijnmedewerker met buddy (e2e) publiceren' }).click()
    await werkgever.getByText('is gepubliceerd en nu vindbaar voor jobhunters').waitFor()
    const gepubliceerd = Date.now()

    // the jobhunter's bell: 1, as a number in text; the count is announced
    const bel = jobhunter.getByRole('link', { name: 'Meldingen 1 ongelezen', exact: true })
    await bel.waitFor({ timeout: 20_000 })
    const seconden = (Date.now() - gepubliceerd) / 1000
    console.log(`bel telt 1 na ${seconden.toFixed(1)} s`)
    expect(await jobhunter.getByRole('status').filter({ hasText: 'nieuwe melding' }).textContent()).toBe('U heeft een nieuwe melding.')
    expect(await jobhunter.getByTestId('meldingen-bel').getAttribute('href')).toBe('/meldingen')

    // the melding links to the match list of that plek, with the deelnemer in it
    await jobhunter.getByTestId('meldingen-bel').click()
    const link = jobhunter.getByRole('link', { name: /^Nieuwe plek „Magazijnmedewerker met buddy \(e2e\)” past bij \d+ van uw deelnemers$/ })
    await link.click()
    await expect.poll(() => new URL(jobhunter.url()).pathname).toBe(`/plekken/${plek.id}/matches`)
    await jobhunter.getByText(d.naam).first().waitFor()
    await expect.poll(() => jobhunter.getByTestId('meldingen-bel').textContent()).toBe('Meldingen')
    await werkgever.context().close()
  })
})
