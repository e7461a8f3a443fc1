import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { appWith, deelnemerBody, plekBody, type TestApp, type User } from '../helpers.js'

let t: TestApp, beheerder: User, jobhunter: User
beforeEach(async () => {
  ;({ t, beheerder, jobhunter } = await appWith('beheerder', 'jobhunter'))
})
afterEach(() => t.close())

const count = async (table: string) => Number((await t.deps.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))!.n)

describe('matching weights', () => {
  it('start at the documented defaults, version "standaard"', async () => {
    const res = await t.request('GET', '/api/matching/gewichten', { cookie: jobhunter.cookie })
    expect(res.status).toBe(200)
    expect(res.json.aanbodgericht).toMatchObject({ versie: 'standaard', gewichten: { dagdelen: 3, wensen: 3, kinderopvang: 1 } })
    expect(res.json.vraaggericht.knockouts).toContain('vereisten')
  })

  it('a beheerder changes one weight: new version, audited in the same write, used and recorded by the matcher', async () => {
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie('Zorgcentrum'))
    const plek = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })
    await t.request('POST', `/api/plekken/${plek.json.id}/publiceren`, { cookie: werkgever.cookie })
    await t.indexer.drain()
    const d = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody() })
    const voor = await t.request('GET', `/api/deelnemers/${d.json.id}/matches`, { cookie: jobhunter.cookie })
    expect(voor.json.gewichtenVersie).toBe('standaard')

    const res = await t.request('PUT', '/api/matching/gewichten/aanbodgericht', {
      cookie: beheerder.cookie,
      body: { gewichten: { taalrijkheid: 10, wensen: 0 }, toelichting: 'Taalrijkheid telt zwaarder in 2027' },
    })
    expect(res.status).toBe(200)
    expect(res.json.gewichten).toMatchObject({ taalrijkheid: 10, wensen: 0, dagdelen: 3 })
    expect(res.json.gewijzigdDoor.id).toBe(beheerder.id)
    const audit = await t.deps.db.all<{ actie: string; object_id: string; gebruiker_id: string; rol: string; details: string }>(sql`select * from audit where actie = 'gewichten-gewijzigd'`)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actie: 'gewichten-gewijzigd', object_id: 'aanbodgericht', gebruiker_id: beheerder.id, rol: 'beheerder' })
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ versie: res.json.versie, vorigeVersie: 'standaard', van: { taalrijkheid: 3 }, naar: { taalrijkheid: 10 } })

    const na = await t.request('GET', `/api/deelnemers/${d.json.id}/matches`, { cookie: jobhunter.cookie })
    expect(na.json.gewichtenVersie).toBe(res.json.versie)
    expect(na.json.gewichten.taalrijkheid).toBe(10)
    // the score is the weighted mean under the new weights
    const m = na.json.items[0]
    const g = na.json.gewichten as Record<string, number>
    const verwacht = m.criteria.reduce((s: number, c: any) => s + g[c.code]! * c.score, 0) / Object.values(g).reduce((a, b) => a + b, 0)
    expect(m.score).toBeCloseTo(verwacht * 100, -0.5)
    // the other direction is untouched
    expect((await t.request('GET', '/api/matching/gewichten', { cookie: jobhunter.cookie })).json.vraaggericht.versie).toBe('standaard')
    const historie = await t.request('GET', '/api/matching/gewichten/historie', { cookie: beheerder.cookie })
    expect(historie.json.items.map((v: any) => v.toelichting)).toEqual(['Taalrijkheid telt zwaarder in 2027'])
  })

  it('rejects bad weights with Dutch field errors and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ gewichten: { uren: -1 }, toelichting: 'Negatief gewicht' }, 'gewichten.uren'],
      [{ gewichten: { uren: 11 }, toelichting: 'Te groot gewicht' }, 'gewichten.uren'],
      [{ gewichten: { onbekend: 2 }, toelichting: 'Onbekend criterium' }, 'gewichten'],
      [{ gewichten: { uren: 2 } }, 'toelichting'],
      [{ gewichten: Object.fromEntries(['dagdelen', 'uren', 'reisafstand', 'taalniveau', 'taalrijkheid', 'wensen', 'belastbaarheid', 'begeleiding', 'kinderopvang', 'vereisten'].map((c) => [c, 0])), toelichting: 'Alles op nul' }, 'gewichten'],
    ]
    for (const [body, veld] of cases) {
      const res = await t.request('PUT', '/api/matching/gewichten/vraaggericht', { cookie: beheerder.cookie, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json.error.code).toBe('validatie')
      expect(Object.keys(res.json.error.fields).some((f) => f.startsWith(veld)), JSON.stringify(res.json.error.fields)).toBe(true)
    }
    expect((await t.request('PUT', '/api/matching/gewichten/zijwaarts', { cookie: beheerder.cookie, body: { gewichten: {}, toelichting: 'Onbekende richting' } })).status).toBe(400)
    expect(await count('matching_gewichten')).toBe(0)
    expect(await count("audit where actie = 'gewichten-gewijzigd'")).toBe(0)
  })
})
