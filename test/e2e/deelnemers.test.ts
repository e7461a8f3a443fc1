import { describe, expect, test } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { skipBrowser, useBrowserApp } from './harness.js'

// The jobhunter's deelnemer and matching screens in real Chromium against the real server (a temp
// database with the demo data: 80 deelnemers `demo-deelnemer-<key>`, plekken `demo-plek-<key>`).
// Its own server, so the plekken the werkgever scenarios in app.test.ts add cannot move a ranking.

const NAAM = 'Amal Testfixture Haddou'
const DEELNEMER = 'demo-deelnemer-samer-darwish' // Delft: 4 plekken fit, many are excluded
const PLEK = 'demo-plek-krispijn-gastvrouw-taalcafe' // Dordrecht: a few deelnemers fit, many are excluded

const app = useBrowserApp()
let page: Page

const icoonVoor = { groen: '✓', oranje: '~', rood: '✗' } as const

/** Scores (0–100) of the result cards in a list, in page order. */
const scores = (lijst: Locator) => lijst.locator(':scope > li .pp-match__getal').allTextContents().then((t) => t.map(Number))

/** Every chip says its colour with an icon too, and the criterion by name. */
async function controleerChips(kaart: Locator) {
  const chips = kaart.locator('.pp-chip')
  expect(await chips.count()).toBe(10)
  for (const chip of await chips.all()) {
    const kleur = (await chip.getAttribute('data-kleur')) as keyof typeof icoonVoor
    const tekst = (await chip.textContent()) ?? ''
    expect(tekst.trim().startsWith(icoonVoor[kleur])).toBe(true)
    expect(tekst).toMatch(/Dagdelen|Uren|Reisafstand|Taalniveau|Taalrijkheid|Wensen|Belastbaarheid|Begeleiding|Kinderopvang|Vereisten/)
  }
}

describe.skipIf(skipBrowser)('deelnemers en matchen in de browser', () => {
  test('(a) een jobhunter legt een deelnemer vast met één fout, herstelt die zonder iets opnieuw te typen; een taallesdagdeel kan niet vrij worden', async () => {
    page = await app.openAs('jobhunter')
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Deelnemers', exact: true }).click()
    await expect.poll(() => page.url()).toMatch(/\/deelnemers$/)
    await page.getByRole('link', { name: 'Nieuwe deelnemer' }).click()
    await expect.poll(() => page.url()).toContain('/deelnemers/nieuw')

    // the demo jobhunter works in four gemeenten (Drechtsteden): the form asks which one, and offers only those
    expect(await page.getByLabel('Gemeente van de deelnemer').locator('option').allTextContents()).toEqual(['Kies een gemeente', 'Dordrecht', 'Papendrecht', 'Sliedrecht', 'Zwijndrecht'])
    await page.getByLabel('Gemeente van de deelnemer').selectOption({ label: 'Dordrecht' })
    await page.getByLabel('Naam', { exact: true }).fill(NAAM)
    await page.getByLabel('Geboortejaar').fill('1990')
    await page.getByLabel('Postcode', { exact: true }).fill('3300 AB') // the mistake: no such postcode (only the server knows)
    await page.getByLabel('Doelgroep').selectOption('gezinsmigrant')
    await page.getByLabel('Status van het dossier').selectOption('zoekend')
    // voorgesteld and geplaatst follow from a voorstel or plaatsing: never chosen by hand
    expect(await page.getByLabel('Status van het dossier').locator('option').allTextContents()).toEqual(['Intake', 'Zoekend', 'Uitgestroomd'])
    await page.getByLabel('Leerroute').selectOption('b1-route')
    await page.getByLabel('Geletterdheid').selectOption('gealfabetiseerd')
    await page.getByLabel('Spreken').selectOption('A2')
    await page.getByLabel('Moedertaal').fill('Tamazight')
    await page.getByLabel('Minimaal aantal uren per week').fill('8')
    await page.getByLabel('Maximaal aantal uren per week').fill('12')
    await page.getByLabel('Fiets').check()
    await page.getByLabel('Maximale reisafstand in km').fill('10')
    await page.getByLabel('Zorg', { exact: true }).check()
    await page.getByLabel('Wensberoep').fill('helpende zorg')

    // the week: taalles on monday and wednesday morning, free on three other dagdelen
    const cel = (dagdeel: string) => page.getByLabel(dagdeel, { exact: true })
    for (const dd of ['maandagochtend', 'woensdagochtend']) await cel(dd).selectOption('taalles')
    for (const dd of ['dinsdagochtend', 'donderdagochtend', 'vrijdagmiddag']) await cel(dd).selectOption('vrij')
    await expect.poll(() => page.locator('#rooster-telling').textContent()).toMatch(/Vrij: 3 dagdelen.*Taalles: 2 dagdelen/)

    // a taalles dagdeel is marked in words and style, and cannot be made free
    const maandag = cel('maandagochtend')
    expect(await maandag.inputValue()).toBe('taalles')
    expect(await page.locator('td:has(#dagdeel-ma-ochtend)').getAttribute('class')).toContain('pp-cel--taalles')
    expect(await maandag.locator('option:checked').textContent()).toBe('Taalles')
    expect(await maandag.locator('option[value="vrij"]').isDisabled()).toBe(true)
    expect(await cel('dinsdagochtend').locator('option[value="vrij"]').isDisabled()).toBe(false)
    // with the keyboard: from Taalles one step up skips the disabled Vrij, so the lesson is never overwritten by a free dagdeel
    await maandag.focus()
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => maandag.inputValue()).toBe('niet')
    await page.keyboard.press('ArrowDown') // now Vrij is allowed again: a deliberate second step
    await expect.poll(() => maandag.inputValue()).toBe('vrij')
    await maandag.selectOption('taalles')
    await expect.poll(() => maandag.inputValue()).toBe('taalles')
    expect(await maandag.locator('option[value="vrij"]').isDisabled()).toBe(true)
    await expect.poll(() => page.locator('#rooster-telling').textContent()).toMatch(/Vrij: 3 dagdelen.*Taalles: 2 dagdelen/)

    await page.getByRole('button', { name: 'Deelnemer opslaan' }).click()
    const fout = page.locator('#veld-postcode-fout')
    await expect.poll(() => fout.textContent()).toContain('Deze postcode kennen we niet')
    const postcode = page.getByLabel('Postcode', { exact: true })
    expect(await postcode.getAttribute('aria-invalid')).toBe('true')
    expect(await postcode.getAttribute('aria-describedby')).toContain('veld-postcode-fout')
    const samenvatting = page.getByRole('alert').first()
    await expect.poll(() => samenvatting.textContent()).toContain('Postcode: Deze postcode kennen we niet')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    // nothing typed is lost
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe(NAAM)
    expect(await page.getByLabel('Moedertaal').inputValue()).toBe('Tamazight')
    expect(await page.getByLabel('Doelgroep').inputValue()).toBe('gezinsmigrant')
    expect(await page.getByLabel('Zorg', { exact: true }).isChecked()).toBe(true)
    expect(await cel('woensdagochtend').inputValue()).toBe('taalles')
    expect(await cel('vrijdagmiddag').inputValue()).toBe('vrij')
    expect(await postcode.inputValue()).toBe('3300 AB')
    // the draft survives a reload of the tab (sessionStorage), grid included
    await page.reload()
    await expect.poll(() => page.locator('main').textContent()).toContain('Uw nog niet opgeslagen invoer is teruggezet.')
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe(NAAM)
    expect(await cel('maandagochtend').inputValue()).toBe('taalles')
    expect(await cel('dinsdagochtend').inputValue()).toBe('vrij')

    await postcode.fill('3311 AB')
    await page.getByRole('button', { name: 'Deelnemer opslaan' }).click()
    await expect.poll(() => page.url()).toMatch(/\/deelnemers\/[0-9a-f-]{36}\?opgeslagen=1$/)
    await expect.poll(() => page.locator('h1').textContent()).toBe(NAAM)
    const main = page.locator('main')
    await expect.poll(() => main.textContent()).toContain(`De gegevens van ${NAAM} zijn opgeslagen.`)
    expect(await main.textContent()).toContain('3311 AB Dordrecht')
    // the dossier's week shows what was saved: taalles stayed taalles, never free
    const week = page.locator('table.pp-rooster')
    const staat = (rij: string, kolom: number) => week.locator('tbody tr').filter({ hasText: rij }).locator('td').nth(kolom).getAttribute('data-staat')
    expect(await staat('maandag', 0)).toBe('taalles')
    expect(await staat('woensdag', 0)).toBe('taalles')
    expect(await staat('dinsdag', 0)).toBe('vrij')
    expect(await staat('vrijdag', 1)).toBe('vrij')
    expect(await staat('maandag', 1)).toBe('niet')
    expect(await week.locator('tbody tr').filter({ hasText: 'maandag' }).locator('td').first().textContent()).toContain('Taalles')
    // sensitive fields are marked as such
    expect(await page.locator('dd', { hasText: 'Tamazight' }).textContent()).toContain('Gevoelig')
    // the draft is gone once saved
    expect(await page.evaluate(() => sessionStorage.getItem('deelnemer-concept:nieuw'))).toBeNull()

    // the list finds the new deelnemer by name, as you type, and keeps the search in the URL
    await page.goto(`${app.url}/deelnemers`)
    await page.getByLabel('Zoek op naam').pressSequentially('testfixture', { delay: 20 })
    await expect.poll(() => page.url()).toContain('q=testfixture')
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1)
    expect(await page.locator('tbody tr').textContent()).toContain('Zoekend')
    await page.getByLabel('Status').selectOption('intake')
    await expect.poll(() => page.url()).toContain('status=intake')
    await expect.poll(() => page.locator('#deelnemers-status').textContent()).toBe('Geen deelnemers gevonden.')
    await page.goBack()
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1)
    await page.getByRole('link', { name: NAAM, exact: true }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(NAAM)
  })

  test('(b) een jobhunter opent de passende plekken van een deelnemer: gerangschikt met redenen, uitgesloten achteraan, twee naast elkaar', async () => {
    page = await app.openAs('jobhunter.delft') // Samer belongs to Delft: only Delft staff see the dossier
    await page.goto(`${app.url}/deelnemers?q=Samer`)
    await page.getByRole('link', { name: 'Samer Darwish', exact: true }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Samer Darwish')
    await page.locator('main').getByRole('link', { name: 'Passende plekken', exact: true }).click()
    await expect.poll(() => page.url()).toContain(`/deelnemers/${DEELNEMER}/matches`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Passende plekken voor Samer Darwish')
    expect(await page.getByRole('note').textContent()).toContain('Deze volgorde is een advies; u beslist.')

    const passend = page.locator('ol.pp-matches')
    await expect.poll(() => passend.locator(':scope > li').count()).toBeGreaterThanOrEqual(3)
    const passendScores = await scores(passend)
    expect(passendScores).toEqual([...passendScores].sort((a, b) => b - a)) // best first
    const n = passendScores.length
    await expect.poll(() => page.locator('#match-status').textContent()).toMatch(new RegExp(`^${n} passende plekken van \\d+ beoordeelde\\.$`))
    expect(await passend.locator('.pp-match__rang').allTextContents()).toEqual(passendScores.map((_, i) => `${i + 1}. `))
    // each result: summary, ten criteria at a glance, and the matcher's sentences
    const eerste = passend.locator(':scope > li').first()
    expect(await eerste.locator('.pp-muted').first().textContent()).toMatch(/ · \d+(,\d)? km$/)
    for (const kaart of await passend.locator(':scope > li').all()) {
      await controleerChips(kaart)
      expect(await kaart.locator('.pp-chip--knockout').count()).toBe(0)
      expect(await kaart.locator('.pp-alle-redenen li').count()).toBe(10)
    }
    const tweede = passend.locator(':scope > li').nth(1)
    expect(await tweede.locator('.pp-alle-redenen').textContent()).toMatch(/Dagdelen.*Beschikbaar op \d+ van de \d+ dagdelen/)
    expect(await page.getByRole('heading', { name: /^Uitgesloten/ }).count()).toBe(0)

    // the weights that produced this ranking
    await page.getByText('Hoe komt deze volgorde tot stand?').click()
    const gewichten = page.locator('.pp-gewichten tbody tr')
    expect(await gewichten.count()).toBe(10)
    expect(await gewichten.filter({ hasText: 'Dagdelen' }).textContent()).toMatch(/Dagdelen3\d+ %De vrije dagdelen \(zonder taalles\) dragen de minimale uren van de plek niet/)
    expect(await gewichten.filter({ hasText: 'Taalrijkheid' }).textContent()).toMatch(/Taalrijkheid3\d+ %Nooit; telt alleen mee in de score/)

    // excluded plekken come last, each with the knock-out that excludes it
    await page.getByLabel(/^Toon uitgesloten plekken/).check()
    await expect.poll(() => page.url()).toContain('inclusiefUitgesloten=true')
    const uitgesloten = page.locator('ul.pp-matches--uitgesloten')
    await expect.poll(() => uitgesloten.locator(':scope > li').count()).toBeGreaterThan(0)
    const m = await uitgesloten.locator(':scope > li').count()
    await expect.poll(() => page.getByRole('heading', { name: `Uitgesloten (${m})` }).count()).toBe(1)
    await expect.poll(() => page.locator('#match-status').textContent()).toContain(`${n} passende plekken van`)
    expect(await page.locator('#match-status').textContent()).toContain(`; ${m} uitgesloten door een harde grens`)
    expect(await scores(passend)).toEqual(passendScores) // the fitting ones are unchanged
    for (const kaart of await uitgesloten.locator(':scope > li').all()) {
      await controleerChips(kaart)
      expect(await kaart.locator('.pp-chip--knockout').count()).toBeGreaterThan(0)
      expect(await kaart.locator('.pp-uitgesloten-reden').textContent()).toMatch(/Uitgesloten door de harde (grens|grenzen) (dagdelen|uren|reisafstand|taalniveau|belastbaarheid|kinderopvang|vereisten)/)
      expect(await kaart.locator('.pp-redenen').first().textContent()).toContain('Knock-out')
    }
    // excluded ones come after every fitting one on the page
    const volgorde = await page.locator('.pp-match').evaluateAll((els) => els.map((e) => e.classList.contains('pp-match--uitgesloten')))
    expect(volgorde).toEqual([...Array(n).fill(false), ...Array(m).fill(true)])

    // compare: two at most, side by side per criterion
    const vergelijkKnop = page.getByRole('button', { name: 'Vergelijk', exact: true })
    expect(await vergelijkKnop.isDisabled()).toBe(true)
    const a = passend.locator(':scope > li').first()
    const b = uitgesloten.locator(':scope > li').first()
    const titelA = (await a.locator('h3 a').textContent())!
    const titelB = (await b.locator('h3 a').textContent())!
    await a.getByLabel(/^Vergelijken/).check()
    await b.getByLabel(/^Vergelijken/).check()
    const derde = passend.locator(':scope > li').nth(1).getByLabel(/^Vergelijken/)
    await derde.check({ force: true }).catch(() => {}) // refused: stays unchecked
    expect(await derde.isChecked()).toBe(false)
    await expect.poll(() => page.locator('.pp-vergelijkbalk').textContent()).toContain('Haal eerst een vinkje weg')
    await vergelijkKnop.click()
    const tabel = page.locator('.pp-vergelijking table')
    await expect.poll(() => tabel.count()).toBe(1)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vergelijking-titel')
    expect(await tabel.locator('thead th').allTextContents()).toEqual(['Criterium', titelA, titelB])
    const rijen = tabel.locator('tbody tr')
    expect(await rijen.count()).toBe(11) // totaalscore + 10 criteria
    expect(await rijen.first().textContent()).toMatch(/Totaalscore\d+ van 100\d+ van 100 · uitgesloten door een Knock-out/)
    // the comparison repeats the matcher's own sentences, per candidate
    const dagdelenA = await a.locator('.pp-alle-redenen li').first().textContent()
    const dagdelenRij = rijen.nth(1)
    expect(await dagdelenRij.locator('th').textContent()).toContain('Dagdelen')
    expect(dagdelenA).toContain((await dagdelenRij.locator('td').first().locator('.pp-vergelijk-cel > div').textContent())!)
    expect(await tabel.locator('tbody td').nth(1).textContent()).toBeTruthy()
    expect(await tabel.locator('tbody td:nth-child(3)').allTextContents().then((t) => t.some((x) => x.includes('Knock-out')))).toBe(true)
    expect(await tabel.locator('tbody td:nth-child(2)').allTextContents().then((t) => t.some((x) => x.includes('Knock-out')))).toBe(false)

    // hiding the excluded ones again drops the excluded choice and closes the comparison
    await page.getByLabel(/^Toon uitgesloten plekken/).uncheck()
    await expect.poll(() => uitgesloten.count()).toBe(0)
    await expect.poll(() => tabel.count()).toBe(0)
    await expect.poll(() => page.locator('.pp-vergelijkbalk').textContent()).toContain(`Gekozen (1 van 2): ${titelA}.`)
  })

  test('(c) vanaf een plek opent een jobhunter de passende deelnemers (vraaggericht), gerangschikt met redenen', async () => {
    page = await app.openAs('jobhunter')
    await page.goto(`${app.url}/plekken/${PLEK}`)
    const titel = (await page.locator('h1').textContent())!
    expect(titel.length).toBeGreaterThan(3)
    await page.getByRole('link', { name: 'Passende deelnemers' }).click()
    await expect.poll(() => page.url()).toContain(`/plekken/${PLEK}/matches`)
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Passende deelnemers voor ${titel}`)
    expect(await page.locator('main').textContent()).toContain('Vraaggericht: zoekende deelnemers gerangschikt vanuit de eisen en wensen van de werkgever.')

    const passend = page.locator('ol.pp-matches')
    await expect.poll(() => passend.locator(':scope > li').count()).toBeGreaterThanOrEqual(2)
    const s = await scores(passend)
    expect(s).toEqual([...s].sort((x, y) => y - x))
    for (const kaart of await passend.locator(':scope > li').all()) {
      expect(await kaart.locator('h3 a').getAttribute('href')).toMatch(/^\/deelnemers\/demo-deelnemer-[a-z-]+$/)
      expect(await kaart.locator('.pp-muted').first().textContent()).toMatch(/ · \d+(,\d)? km · (B1-route|Onderwijsroute|Z-route)$/)
      expect(await kaart.locator('.pp-badges').textContent()).toMatch(/Spreken A\d|Spreken B\d/)
      await controleerChips(kaart)
    }
    // the vraaggericht weights: the werkgever's requirements weigh most
    await page.getByText('Hoe komt deze volgorde tot stand?').click()
    expect(await page.locator('.pp-gewichten tbody tr').filter({ hasText: 'Vereisten' }).textContent()).toMatch(/Vereisten3\d+ %Een gevraagd rijbewijs of VCA ontbreekt/)
    // the summary of a deelnemer carries no sensitive data
    const tekst = (await page.locator('main').textContent())!
    for (const gevoelig of ['Asielstatushouder', 'Gezinsmigrant', 'gealfabetiseerd', 'Moedertaal']) expect(tekst).not.toContain(gevoelig)

    await page.getByLabel(/^Toon uitgesloten deelnemers/).check()
    const uitgesloten = page.locator('ul.pp-matches--uitgesloten > li')
    await expect.poll(() => uitgesloten.count()).toBeGreaterThan(0)
    expect(await uitgesloten.first().locator('.pp-chip--knockout').count()).toBeGreaterThan(0)

    // comparing works this way round too
    const kaarten = passend.locator(':scope > li')
    const namen = [(await kaarten.nth(0).locator('h3 a').textContent())!, (await kaarten.nth(1).locator('h3 a').textContent())!]
    await kaarten.nth(0).getByLabel(/^Vergelijken/).check()
    await kaarten.nth(1).getByLabel(/^Vergelijken/).check()
    await page.getByRole('button', { name: 'Vergelijk', exact: true }).click()
    const tabel = page.locator('.pp-vergelijking table')
    await expect.poll(() => tabel.locator('thead th').allTextContents()).toEqual(['Criterium', ...namen])
    expect(await tabel.locator('tbody tr').count()).toBe(11)
    expect(await tabel.locator('tbody th', { hasText: /^Vereisten/ }).textContent()).toBe('Vereistengewicht 3')

    // the deelnemer's link leads to the dossier
    await kaarten.nth(0).locator('h3 a').click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(namen[0])
  })
})
