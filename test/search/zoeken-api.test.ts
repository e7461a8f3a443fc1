import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { plekBody, testApp, type TestApp } from '../helpers.js'
import { plek } from '../../db/schema.js'
import { FlakyIndex, indexedIds } from './flaky-index.js'
import { isSearchable } from '../../server/domain/zoeken.js'
import { MeilisearchRequestError } from 'meilisearch'

let t: TestApp
let werkgever: Awaited<ReturnType<TestApp['makeUser']>>
let jobhunter: Awaited<ReturnType<TestApp['makeUser']>>
let flaky: FlakyIndex

beforeEach(async () => {
  flaky = new FlakyIndex()
  t = await testApp({}, flaky)
  werkgever = await t.makeUser('werkgever', await t.makeOrganisatie('Groothandel Merwede'))
  jobhunter = await t.makeUser('jobhunter')
})
afterEach(() => t.close())

async function publish(body: Record<string, unknown> = {}) {
  const created = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody(body) })
  expect(created.status).toBe(201)
  const pub = await t.request('POST', `/api/plekken/${created.json.id}/publiceren`, { cookie: werkgever.cookie })
  expect(pub.status).toBe(200)
  return created.json.id as string
}

const search = (qs: string) => t.request('GET', `/api/zoeken?${qs}`, { cookie: jobhunter.cookie })

describe('GET /api/zoeken', () => {
  it('finds a published plek with a typo, a facet filter and postcode + straal, nearest first', async () => {
    const near = await publish({ titel: 'Magazijnmedewerker', postcode: '3311 AB' })
    const far = await publish({ titel: 'Magazijnmedewerker Delft', postcode: '2611' })
    await publish({ titel: 'Magazijnmedewerker zonder buddy', begeleiding: ['werkbegeleider'] })
    await t.indexer.drain()
    const res = await search('q=magazijnmedewerkr&sector=logistiek&begeleiding=buddy&postcode=3311&straalKm=15&sort=afstand')
    expect(res.status).toBe(200)
    expect(res.json.items.map((i: any) => i.id)).toEqual([near])
    expect(res.json.items[0]).toMatchObject({ titel: 'Magazijnmedewerker', organisatieNaam: 'Groothandel Merwede', plaats: 'Dordrecht', taalrijkheidsscore: 5 })
    expect(res.json.items[0].afstandKm).toBeLessThan(2)
    expect(res.json.total).toBe(1)
    expect(res.json.facets.sector).toEqual({ logistiek: 1 })
    expect(res.json.facets.begeleiding).toEqual({ buddy: 1, werkbegeleider: 1 })
    const wide = await search('q=magazijnmedewerker&postcode=3311&straalKm=50&sort=afstand')
    expect(wide.json.items.at(-1).id).toBe(far)
  })

  it('shows only gepubliceerd plekken: concept and closed ones are not found', async () => {
    const open = await publish({ titel: 'Schoonmaker open' })
    const concept = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ titel: 'Schoonmaker concept' }) })
    const closed = await publish({ titel: 'Schoonmaker gesloten' })
    await t.request('POST', `/api/plekken/${closed}/sluiten`, { cookie: werkgever.cookie })
    await t.indexer.drain()
    const res = await search('q=schoonmaker')
    expect(res.json.items.map((i: any) => i.id)).toEqual([open])
    expect(concept.json.id).toBeDefined()
  })

  it('leaves out a plek whose capaciteit is taken', async () => {
    const full = await publish({ titel: 'Kok restaurant', capaciteit: 1 })
    await t.indexer.drain()
    expect((await search('q=kok')).json.total).toBe(1)
    // a plaatsing (later issue) takes a unit of capaciteit; here we set it directly and signal the change
    await t.database.db.update(plek).set({ bezet: 1, versie: 9 }).where(eq(plek.id, full))
    const { outbox } = await import('../../db/schema.js')
    await t.database.db.insert(outbox).values({ plekId: full, versie: 9, createdAt: t.clock.now().toISOString() })
    await t.indexer.drain()
    expect((await search('q=kok')).json.total).toBe(0)
  })

  it('offers the filter a query word names (voorgesteldeFilters), unless it is chosen already', async () => {
    const id = await publish({ titel: 'Afwasser', sector: 'horeca', omschrijving: 'Je wast pannen af in een grote keuken.' })
    await t.indexer.drain()
    const res = await search('q=Horeca')
    expect(res.json.items.map((i: any) => i.id)).toEqual([id])
    expect(res.json.voorgesteldeFilters).toEqual([{ filter: 'sector', waarde: 'horeca', woord: 'horeca' }])
    expect((await search('q=horeca&sector=horeca')).json.voorgesteldeFilters).toBeUndefined()
    expect((await search('q=pannen')).json.voorgesteldeFilters).toBeUndefined()
    expect((await search('q=vrijwilligers buddy')).json.voorgesteldeFilters).toEqual([
      { filter: 'vorm', waarde: 'vrijwilligerswerk', woord: 'vrijwilligers' },
      { filter: 'begeleiding', waarde: 'buddy', woord: 'buddy' },
    ])
  })

  it('an edit shows in search after the outbox is drained', async () => {
    const id = await publish({ titel: 'Gastheer' })
    await t.indexer.drain()
    // (not Gastvrouw: ESCO makes gastheer and gastvrouw synonyms, so either finds the other)
    await t.request('PATCH', `/api/plekken/${id}`, { cookie: werkgever.cookie, body: { titel: 'Fietsenmaker buurthuis' } })
    await t.indexer.drain()
    expect((await search('q=fietsenmaker')).json.items.map((i: any) => i.id)).toEqual([id])
    expect((await search('q=gastheer')).json.total).toBe(0)
  })

  it.each([
    ['sector=ruimtevaart', 'sector.0', /Onbekende waarde "ruimtevaart"/],
    ['straalKm=10', 'straalKm', /Vul een postcode in/],
    ['sort=afstand', 'sort', /alleen met een postcode/],
    ['postcode=1000&straalKm=5', 'postcode', /kennen we niet/],
    ['perPage=1000', 'perPage', /hoogstens 100/],
    ['sort=prijs', 'sort', /Kies uit: relevantie, afstand, taalrijkheid, nieuwste/],
  ])('?%s answers 400 naming %s', async (qs, field, message) => {
    const res = await search(qs)
    expect(res.status).toBe(400)
    expect(res.json.error.fields[field]).toMatch(message)
  })

  it('is for jobhunters and beheerders only', async () => {
    expect((await t.request('GET', '/api/zoeken', { cookie: werkgever.cookie })).status).toBe(403)
    expect((await t.request('GET', '/api/zoeken')).status).toBe(401)
  })
})

describe('when the search engine fails', () => {
  it('an engine that does not answer is a 503; any other error is a bug: a 500, logged by kind', async () => {
    flaky.down = true
    flaky.failure = () => new MeilisearchRequestError('http://127.0.0.1:1/indexes/plekken/search', new TypeError('fetch failed'))
    const unreachable = await search('q=plek')
    expect(unreachable.status).toBe(503)
    expect(unreachable.json.error.code).toBe('zoeken-niet-beschikbaar')

    flaky.failure = () => new TypeError("Cannot read properties of undefined (reading 'titel')")
    const bug = await search('q=plek')
    expect(bug.status).toBe(500)
    expect(bug.json.error.code).toBe('interne-fout')
    expect(t.logs.some((l) => l.level === 'error' && l.error === 'TypeError')).toBe(true)
  })
})

describe('when the search engine is down', () => {
  it('publishing still succeeds, health shows the lag, and after recovery the index matches the database exactly', async () => {
    const before = await publish({ titel: 'Eerste plek' })
    await t.indexer.drain()
    flaky.down = true
    const during = await publish({ titel: 'Tweede plek' })
    await t.request('PATCH', `/api/plekken/${before}`, { cookie: werkgever.cookie, body: { titel: 'Eerste plek, nieuwe titel' } })
    await t.request('POST', `/api/plekken/${before}/sluiten`, { cookie: werkgever.cookie })
    await expect(t.indexer.drain()).rejects.toThrow(/onbereikbaar/)

    t.clock.advance(45_000)
    const { cookie } = await t.makeUser('beheerder') // the details are for a beheerder
    expect((await t.request('GET', '/api/health')).json).toEqual({ status: 'degraded' })
    const health = await t.request('GET', '/api/health', { cookie })
    expect(health.status).toBe(200)
    expect(health.json.status).toBe('degraded')
    expect(health.json.zoekmachine.ok).toBe(false)
    expect(health.json.outbox.wachtend).toBeGreaterThanOrEqual(4)
    expect(health.json.outbox.oudsteSeconden).toBeGreaterThanOrEqual(45)
    expect(health.json.redenen.join(' ')).toMatch(/loopt \d+ seconden achter/)
    expect((await search('q=plek')).status).toBe(503)

    flaky.down = false
    t.clock.advance(120_000) // past the retry backoff
    await t.indexer.drain()
    const rows = await t.database.db.select().from(plek)
    expect(await indexedIds(flaky.inner)).toEqual(rows.filter(isSearchable).map((r) => r.id).sort())
    expect(await indexedIds(flaky.inner)).toEqual([during])
    const after = await t.request('GET', '/api/health', { cookie })
    expect(after.json).toMatchObject({ status: 'ok', outbox: { wachtend: 0 } })
  })
})
