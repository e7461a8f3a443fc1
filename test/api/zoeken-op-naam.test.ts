import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deelnemerBody, testApp, type TestApp } from '../helpers.js'

// The name searches of the lists (deelnemers, organisaties, a werkgever's plekken) take what the
// user typed literally: `%` and `_` are not wildcards.

let t: TestApp
let jobhunter: Awaited<ReturnType<TestApp['makeUser']>>
beforeEach(async () => {
  t = await testApp()
  jobhunter = await t.makeUser('jobhunter')
})
afterEach(() => t.close())

const namen = async (q: string) =>
  (await t.request('GET', `/api/deelnemers?q=${encodeURIComponent(q)}`, { cookie: jobhunter.cookie })).json.items.map((d: { naam: string }) => d.naam).sort()

describe('searching a list by name', () => {
  it('finds a part of the name in any case, and treats % and _ as ordinary characters', async () => {
    for (const naam of ['Amina Yusuf', 'Amina_Yusuf (test)', 'Samer 100% Darwish', 'Samer 1000 Darwish']) {
      expect((await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam }) })).status).toBe(201)
    }
    expect(await namen('amina')).toEqual(['Amina Yusuf', 'Amina_Yusuf (test)'])
    expect(await namen('a_y')).toEqual(['Amina_Yusuf (test)'])
    expect(await namen('100%')).toEqual(['Samer 100% Darwish'])
    expect(await namen('%')).toEqual(['Samer 100% Darwish'])
    expect(await namen('\\')).toEqual([])
  })

  it('does the same for organisaties', async () => {
    await t.makeOrganisatie('Bakkerij 50% Vers')
    await t.makeOrganisatie('Bakkerij 500 Vers')
    const beheerder = await t.makeUser('beheerder')
    const res = await t.request('GET', `/api/organisaties?q=${encodeURIComponent('50%')}`, { cookie: beheerder.cookie })
    expect(res.json.items.map((o: { naam: string }) => o.naam)).toEqual(['Bakkerij 50% Vers'])
  })
})
