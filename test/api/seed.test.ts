import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { countRows, testApp, type TestApp } from '../helpers.js'
import { bootstrap } from '../../server/bootstrap.js'
import { deelnemer, gebruiker, nazorgcontact, organisatie, plaatsing, plek, voorstel } from '../../db/schema.js'
import { loadConfig } from '../../server/config.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const counts = () =>
  countRows(t, { organisaties: organisatie, plekken: plek, deelnemers: deelnemer, gebruikers: gebruiker, voorstellen: voorstel, plaatsingen: plaatsing, nazorg: nazorgcontact })

describe('start-up data', () => {
  it('the demo seed is idempotent and every demo account can log in', async () => {
    const deps = { ...t.deps, config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true' }) }
    const lines = await bootstrap(deps)
    const first = await counts()
    expect(first).toMatchObject({ organisaties: 15, plekken: 61, deelnemers: 80, gebruikers: 9 })
    // the demo journey: every Roermond voorstel became a plaatsing with its nazorg log, plus two for the demo werkgever
    expect(first.plaatsingen).toBeGreaterThanOrEqual(8)
    expect(first.voorstellen).toBe(first.plaatsingen + 2)
    expect(first.nazorg).toBeGreaterThan(30)
    await bootstrap(deps)
    expect(await counts()).toEqual(first)
    for (const rol of ['beheerder', 'jobhunter', 'jobcoach', 'werkgever']) {
      expect(lines.join('\n')).toContain(`${rol}@demo.example`)
      await expect(t.login(`${rol}@demo.example`, 'Welkom-demo-2026')).resolves.toMatch(/^sessie=/)
    }
  })

  it('creates the first beheerder from ADMIN_EMAIL and ADMIN_PASSWORD once', async () => {
    const deps = { ...t.deps, config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', ADMIN_EMAIL: 'Beheer@Gemeente.example', ADMIN_PASSWORD: 'Een-lang-beheerwachtwoord' }) }
    expect(await bootstrap(deps)).toEqual(['Beheerder aangemaakt: beheer@gemeente.example (wachtwoord uit ADMIN_PASSWORD)'])
    expect(await bootstrap(deps)).toEqual([])
    await expect(t.login('beheer@gemeente.example', 'Een-lang-beheerwachtwoord')).resolves.toMatch(/^sessie=/)
  })
})

describe('demo journey', () => {
  it('gives the jobcoach overdue and silent plaatsingen, the werkgever voorstellen to answer and the monitor figures', async () => {
    await bootstrap({ ...t.deps, config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true' }) })
    const jobcoach = await t.login('jobcoach@demo.example', 'Welkom-demo-2026')
    const mijn = (await t.request('GET', '/api/plaatsingen', { cookie: jobcoach })).json.items
    expect(mijn.length).toBeGreaterThanOrEqual(5)
    expect(mijn.some((p: any) => p.langGeenContact)).toBe(true)
    expect(mijn.some((p: any) => p.achterstallig && !p.langGeenContact)).toBe(true)
    expect(mijn.some((p: any) => !p.achterstallig)).toBe(true)
    const werkgever = await t.login('werkgever@demo.example', 'Welkom-demo-2026')
    const vs = (await t.request('GET', '/api/voorstellen', { cookie: werkgever })).json.items
    expect(vs.map((v: any) => v.status).sort()).toEqual(['afgewezen', 'voorgesteld'])
    expect(vs.every((v: any) => v.criteria.every((c: any) => !c.knockout))).toBe(true)
    const beheerder = await t.login('beheerder@demo.example', 'Welkom-demo-2026')
    const m = (await t.request('GET', '/api/monitor', { cookie: beheerder })).json
    expect(m.plaatsingen.gestart).toBeGreaterThanOrEqual(8)
    expect(Object.keys(m.eindredenen).length).toBeGreaterThanOrEqual(2)
    expect(m.duurzaamheid.na3Maanden.basis).toBeGreaterThan(0)
    expect(Object.keys(m.knelpunten.totaal).length).toBeGreaterThan(4)
  })
})

describe('demo gemeenten (issue 15)', () => {
  it('the regional jobhunter works in the four Drechtsteden gemeenten; Roermond and Delft staff see only their own', async () => {
    const lines = await bootstrap({ ...t.deps, config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true' }) })
    expect(lines.some((l) => l.includes('jobhunter@demo.example') && l.includes('Drechtsteden'))).toBe(true)
    const login = (email: string) => t.login(email, 'Welkom-demo-2026')
    const regio = await login('jobhunter@demo.example')
    const gemeenten = (await t.request('GET', '/api/gemeenten', { cookie: regio })).json.items.map((g: { naam: string }) => g.naam)
    expect(gemeenten).toEqual(['Dordrecht', 'Papendrecht', 'Sliedrecht', 'Zwijndrecht'])
    const lijst = (await t.request('GET', '/api/deelnemers?perPage=100', { cookie: regio })).json.items
    expect(new Set(lijst.map((d: { gemeenteNaam: string }) => d.gemeenteNaam))).toEqual(new Set(gemeenten))
    const dordrecht = lijst.find((d: { gemeenteNaam: string }) => d.gemeenteNaam === 'Dordrecht').id
    const roermond = await login('jobhunter.roermond@demo.example')
    expect((await t.request('GET', `/api/deelnemers/${dordrecht}`, { cookie: roermond })).status).toBe(404)
    expect((await t.request('GET', `/api/deelnemers/${dordrecht}/matches`, { cookie: roermond })).status).toBe(404)
    const roermondLijst = (await t.request('GET', '/api/deelnemers?perPage=100', { cookie: roermond })).json.items
    expect(roermondLijst.length).toBeGreaterThan(0)
    expect(roermondLijst.every((d: { gemeenteNaam: string }) => d.gemeenteNaam === 'Roermond')).toBe(true)
    const delft = await login('beheerder.delft@demo.example')
    expect((await t.request('GET', `/api/deelnemers/${dordrecht}/export`, { cookie: delft })).status).toBe(404)
    const platform = await login('beheerder@demo.example')
    expect((await t.request('GET', `/api/deelnemers/${dordrecht}/export`, { cookie: platform })).status).toBe(200)
  })
})
