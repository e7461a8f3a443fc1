import { beforeAll, describe, expect, test } from 'vitest'
import type { APIRequestContext } from 'playwright-core'
import { deelnemerBody, plekBody } from '../helpers.js'
import { skipBrowser, useBrowserApp } from './harness.js'

// Stored text with markup and scripts is shown as text (issue 8, part 2). A werkgever's plek and a
// jobhunter's deelnemer and voorstel carry markup in every free-text field a screen shows; each
// screen must show it literally, create no element from it, and run none of it.
//
// The browser contexts bypass the app's CSP on purpose: the CSP (no inline scripts) would block an
// injected `onerror` by itself, and this test is about the other layer, that nothing is injected.

const plekTitel = 'Xsstitel <img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>'
const plekOmschrijving =
  'Xssomschrijving magazijn "><svg onload=window.__xss=1> <a href="javascript:window.__xss=1">klik</a> javascript:window.__xss=1 <iframe src="javascript:window.__xss=1"></iframe> &lt;b&gt;'
const deelnemerNaam = 'Xssnaam <img src=x onerror="window.__xss=1"> Haddou'
const werkervaring = 'Xsswerk <script>window.__xss=1</script> "><svg onload=window.__xss=1> <b>vet</b> javascript:window.__xss=1'
const toelichting = 'Xsstoelichting <img src=x onerror="window.__xss=1"><a href="javascript:window.__xss=1">klik</a>'

const app = useBrowserApp({ bypassCSP: true })
const ids: Record<string, string> = {}

/** JSON through the browser context's own session (its cookie), as the app's client would send it. */
async function post(request: APIRequestContext, path: string, data: unknown) {
  const res = await request.post(`${app.url}${path}`, { data })
  const body = await res.json().catch(() => undefined)
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${JSON.stringify(body)}`)
  return body
}

/** Elements or attributes that only injected markup would bring. */
const geinjecteerd = () =>
  app.page.evaluate(() =>
    [...document.querySelectorAll('[onerror], [onload], img[src="x"], iframe, body script, a[href^="javascript:" i], svg[onload]')].map((e) => e.outerHTML.slice(0, 120)),
  )

/** The screen shows every literal as text, created no element from it and ran none of it. */
async function alsTekst(literals: string[]) {
  const p = app.page
  const main = p.locator('main')
  for (const literal of literals) await expect.poll(() => main.innerText(), { timeout: 15_000 }).toContain(literal)
  expect(await geinjecteerd()).toEqual([])
  expect(await p.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
}

describe.skipIf(skipBrowser)('opgeslagen opmaak en scripts zijn tekst in de browser', () => {
  beforeAll(async () => {
    const werkgever = await app.openAs('werkgever')
    const plek = await post(werkgever.request, '/api/plekken', plekBody({ titel: plekTitel, omschrijving: plekOmschrijving }))
    ids.plek = plek.id
    await post(werkgever.request, `/api/plekken/${plek.id}/publiceren`, {})

    const jobhunter = await app.openAs('jobhunter')
    const body = deelnemerBody({
      naam: deelnemerNaam,
      werkervaring,
      toestemmingDelen: true,
      // close to the plek in every respect, so each appears in the other's match list
      urenPerWeek: { min: 12, max: 16 },
      taalniveau: { spreken: 'B1', luisteren: 'B1', lezen: 'A2', schrijven: 'A2' },
      wensen: { sectoren: ['logistiek'], vormen: ['werkervaringsplek'] },
      kinderopvang: 'geregeld',
      gemeenteId: 'gemeente-GM0505', // the demo jobhunter works in four gemeenten: Dordrecht
    })
    // one stays zoekend (the match lists look for those), the other one is voorgesteld
    ids.deelnemer = (await post(jobhunter.request, '/api/deelnemers', body)).id
    const voorgesteld = await post(jobhunter.request, '/api/deelnemers', body)
    await post(jobhunter.request, '/api/voorstellen', { deelnemerId: voorgesteld.id, plekId: plek.id, modus: 'aanbodgericht', toelichting })
  }, 90_000)

  test('werkgever: Mijn plekken en de plekpagina tonen titel en omschrijving letterlijk', async () => {
    const p = await app.openAs('werkgever')
    await p.goto(`${app.url}/mijn-plekken`)
    await alsTekst([plekTitel])
    await p.goto(`${app.url}/plekken/${ids.plek}`)
    await alsTekst([plekTitel, plekOmschrijving])
  })

  test('werkgever: het voorstel toont de toelichting en de naam van de deelnemer letterlijk', async () => {
    const p = await app.openAs('werkgever')
    await p.goto(`${app.url}/voorstellen`)
    await alsTekst([toelichting, deelnemerNaam])
  })

  test('jobhunter: zoekresultaten en de plekpagina tonen de plek letterlijk', async () => {
    const p = await app.openAs('jobhunter')
    // the index follows the database within moments; the search page asks again as the query changes
    await expect
      .poll(
        async () => {
          await p.goto(`${app.url}/zoeken?q=Xsstitel`)
          return p.locator('main').innerText()
        },
        { timeout: 20_000 },
      )
      .toContain(plekTitel)
    await alsTekst([plekTitel, 'Xssomschrijving'])
    await p.goto(`${app.url}/plekken/${ids.plek}`)
    await alsTekst([plekTitel, plekOmschrijving])
  })

  test('jobhunter: deelnemerlijst en dossier tonen naam en werkervaring letterlijk', async () => {
    const p = await app.openAs('jobhunter')
    await p.goto(`${app.url}/deelnemers?q=Xssnaam`)
    await alsTekst([deelnemerNaam])
    await p.goto(`${app.url}/deelnemers/${ids.deelnemer}`)
    await alsTekst([deelnemerNaam, werkervaring])
  })

  test('jobhunter: de matchlijsten in beide richtingen tonen titel en naam letterlijk', async () => {
    const p = await app.openAs('jobhunter')
    await p.goto(`${app.url}/deelnemers/${ids.deelnemer}/matches?inclusiefUitgesloten=true`)
    await alsTekst([deelnemerNaam, plekTitel])
    await p.goto(`${app.url}/plekken/${ids.plek}/matches?inclusiefUitgesloten=true`)
    await alsTekst([plekTitel, deelnemerNaam])
  })

  test('controle: dezelfde tekst als HTML ingevoegd zou wél gezien worden (de controles hierboven zijn niet leeg)', async () => {
    const p = await app.openAs('jobhunter')
    await p.goto(`${app.url}/plekken/${ids.plek}`)
    await alsTekst([plekTitel])
    await p.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), plekTitel)
    await expect.poll(() => p.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(1)
    expect((await geinjecteerd()).length).toBeGreaterThan(0)
  })
})
