import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count } from 'drizzle-orm'
import { testApp, type TestApp } from '../helpers.js'
import { bootstrap } from '../../server/bootstrap.js'
import { deelnemer, gebruiker, organisatie, plek } from '../../db/schema.js'
import { loadConfig } from '../../server/config.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const counts = async () => ({
  organisaties: (await t.database.db.select({ n: count() }).from(organisatie))[0]!.n,
  plekken: (await t.database.db.select({ n: count() }).from(plek))[0]!.n,
  deelnemers: (await t.database.db.select({ n: count() }).from(deelnemer))[0]!.n,
  gebruikers: (await t.database.db.select({ n: count() }).from(gebruiker))[0]!.n,
})

describe('start-up data', () => {
  it('the demo seed is idempotent and every demo account can log in', async () => {
    const deps = { ...t.deps, config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true' }) }
    const lines = await bootstrap(deps)
    const first = await counts()
    expect(first).toEqual({ organisaties: 15, plekken: 61, deelnemers: 80, gebruikers: 4 })
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
