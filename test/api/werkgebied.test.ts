import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deelnemerBody, plekBody, testApp, type TestApp, type User } from '../helpers.js'

// Issue 15: gemeenten are the boundary of deelnemer data. A property over random worlds of
// gemeenten, werkgebieden and records: no JSON answer to a jobhunter, jobcoach or beheerder contains
// the id, naam or postcode of a deelnemer outside their werkgebied (every answer is scanned whole),
// while everything inside it stays reachable. Plus the fixed cases: the regional jobhunter, the
// gemeente of a new deelnemer, the platform beheerder, the regievoerder and the audit rows of lists.

// distinct postcodes of one PC4 (3311 is Dordrecht): the letters make each one unique in a scan
const postcodes = Array.from({ length: 26 * 2 }, (_, i) => `331${1 + (i % 2)} ${String.fromCharCode(65 + Math.floor(i / 2) % 26)}${String.fromCharCode(90 - Math.floor(i / 2) % 26)}`)

const wereld = fc.record({
  gemeenten: fc.integer({ min: 2, max: 4 }),
  // each account: its werkgebied as a bitmask over the gemeenten (never empty)
  jobhunters: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 3 }),
  jobcoaches: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 2 }),
  beheerders: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 2 }),
  // each deelnemer: its gemeente, consent, and whether it gets a voorstel that becomes a plaatsing
  deelnemers: fc.array(fc.record({ gemeente: fc.nat(3), toestemming: fc.boolean(), plaatsen: fc.boolean() }), { minLength: 2, maxLength: 7 }),
})

describe('the werkgebied boundary, over random worlds', () => {
  it('no answer to a caller names a deelnemer outside their werkgebied; every one inside is reachable', async () => {
    await fc.assert(
      fc.asyncProperty(wereld, async (w) => {
        const t = await testApp()
        try {
          const gemeenten = [t.DORDRECHT]
          for (let i = 1; i < w.gemeenten; i++) gemeenten.push(await t.makeGemeente(`Gemeente ${i}`))
          const gebied = (mask: number) => gemeenten.filter((_, i) => mask & (1 << i))
          const metGebied = async (rol: 'jobhunter' | 'jobcoach' | 'beheerder', mask: number) => {
            const g = gebied(mask)
            return { user: await t.makeUser(rol, undefined, { werkgebied: g.length ? g : [gemeenten[0]!] }), gebied: g.length ? g : [gemeenten[0]!] }
          }
          const platform = await t.makeUser('beheerder', undefined, { platformBeheerder: true, werkgebied: [] })
          const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie())
          const plek = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ capaciteit: 20 }) })
          await t.request('POST', `/api/plekken/${plek.json.id}/publiceren`, { cookie: werkgever.cookie })
          const callers: { user: User; gebied: string[] }[] = []
          for (const m of w.jobhunters) callers.push(await metGebied('jobhunter', m))
          for (const m of w.jobcoaches) callers.push(await metGebied('jobcoach', m))
          for (const m of w.beheerders) callers.push(await metGebied('beheerder', m))

          // the records, made by the platform beheerder (deelnemers) and a jobhunter per gemeente (voorstellen)
          const deelnemers: { id: string; naam: string; postcode: string; gemeente: string; plaatsing?: string }[] = []
          for (const [i, d] of w.deelnemers.entries()) {
            const gemeente = gemeenten[d.gemeente % gemeenten.length]!
            const naam = `Persoon${i}x${Math.random().toString(36).slice(2, 8)}`
            const res = await t.request('POST', '/api/deelnemers', { cookie: platform.cookie, body: { ...deelnemerBody({ naam, postcode: postcodes[i]!, toestemmingDelen: d.toestemming }), gemeenteId: gemeente } })
            expect(res.status, res.text).toBe(201)
            const rec: (typeof deelnemers)[number] = { id: res.json.id, naam, postcode: postcodes[i]!, gemeente }
            if (d.toestemming && d.plaatsen) {
              const jh = await t.makeUser('jobhunter', undefined, { werkgebied: [gemeente] })
              const jc = await t.makeUser('jobcoach', undefined, { werkgebied: [gemeente] })
              const v = await t.request('POST', '/api/voorstellen', { cookie: jh.cookie, body: { deelnemerId: rec.id, plekId: plek.json.id, modus: 'aanbodgericht', jobcoachId: jc.id } })
              expect(v.status, v.text).toBe(201)
              const p = await t.request('POST', `/api/voorstellen/${v.json.id}/accepteren`, { cookie: werkgever.cookie, body: { startdatum: '2026-11-02' } })
              expect(p.status, p.text).toBe(201)
              rec.plaatsing = p.json.id
              await t.request('POST', `/api/plaatsingen/${p.json.id}/nazorg`, { cookie: jc.cookie, body: { datum: '2026-11-20', met: 'beiden', kanaal: 'bezoek', samenvatting: `Gesprek met ${naam}.` } })
              // a jobcoach of the world gets this plaatsing when they work in its gemeente
              const eigen = callers.find((c) => c.user.rol === 'jobcoach' && c.gebied.includes(gemeente))
              if (eigen) await t.request('POST', `/api/plaatsingen/${p.json.id}/toewijzen`, { cookie: platform.cookie, body: { jobcoachId: eigen.user.id } })
            }
            deelnemers.push(rec)
          }

          for (const { user, gebied: binnen } of callers) {
            const buiten = deelnemers.filter((d) => !binnen.includes(d.gemeente))
            const verboden = buiten.flatMap((d) => [d.id, d.naam, d.postcode])
            const paden = [
              '/api/deelnemers?perPage=100',
              '/api/voorstellen?perPage=100',
              '/api/plaatsingen?status=alle',
              '/api/audit?perPage=100',
              '/api/monitor',
              '/api/monitor/export.csv',
              '/api/gemeenten',
              `/api/plekken/${plek.json.id}/matches?inclusiefUitgesloten=true&limit=100`,
              ...deelnemers.flatMap((d) => [`/api/deelnemers/${d.id}`, `/api/deelnemers/${d.id}/matches`, `/api/deelnemers/${d.id}/export`, `/api/voorstellen?deelnemerId=${d.id}`]),
              ...deelnemers.filter((d) => d.plaatsing).flatMap((d) => [`/api/plaatsingen/${d.plaatsing}`, `/api/plaatsingen/${d.plaatsing}/nazorg`]),
            ]
            for (const pad of paden) {
              const res = await t.request('GET', pad, { cookie: user.cookie })
              for (const v of verboden) expect(res.text.includes(v), `${user.rol} ${pad} names ${v}`).toBe(false)
            }
            // inside the werkgebied nothing is hidden: the list holds exactly the deelnemers inside it
            if (user.rol !== 'jobcoach') {
              const lijst = await t.request('GET', '/api/deelnemers?perPage=100', { cookie: user.cookie })
              expect(lijst.json.items.map((d: { id: string }) => d.id).sort()).toEqual(deelnemers.filter((d) => binnen.includes(d.gemeente)).map((d) => d.id).sort())
              for (const d of deelnemers) expect((await t.request('GET', `/api/deelnemers/${d.id}`, { cookie: user.cookie })).status).toBe(binnen.includes(d.gemeente) ? 200 : 404)
            }
          }
        } finally {
          t.close()
        }
      }),
      { numRuns: 6 },
    )
  }, 120_000)
})

describe('the werkgebied, case by case', () => {
  let t: TestApp
  let zwijndrecht: string
  let delft: string
  let regio: User
  let delftJobhunter: User
  let beheerder: User
  beforeAll(async () => {
    t = await testApp()
    zwijndrecht = await t.makeGemeente('Zwijndrecht')
    delft = await t.makeGemeente('Delft')
    regio = await t.makeUser('jobhunter', undefined, { werkgebied: [t.DORDRECHT, zwijndrecht] })
    delftJobhunter = await t.makeUser('jobhunter', undefined, { werkgebied: [delft] })
    beheerder = await t.makeUser('beheerder', undefined, { werkgebied: [t.DORDRECHT, zwijndrecht] })
  })
  afterAll(() => t.close())

  it('a regional jobhunter chooses the gemeente of a new deelnemer, sees both gemeenten and nothing else', async () => {
    const zonder = await t.request('POST', '/api/deelnemers', { cookie: regio.cookie, body: deelnemerBody() })
    expect(zonder.status).toBe(400)
    expect(zonder.json.error.fields).toHaveProperty('gemeenteId')
    const buiten = await t.request('POST', '/api/deelnemers', { cookie: regio.cookie, body: { ...deelnemerBody(), gemeenteId: delft } })
    expect(buiten.status).toBe(400)
    const a = await t.request('POST', '/api/deelnemers', { cookie: regio.cookie, body: { ...deelnemerBody({ naam: 'Anna Dordt' }), gemeenteId: t.DORDRECHT } })
    const b = await t.request('POST', '/api/deelnemers', { cookie: regio.cookie, body: { ...deelnemerBody({ naam: 'Bram Zwijn' }), gemeenteId: zwijndrecht } })
    const c = await t.request('POST', '/api/deelnemers', { cookie: delftJobhunter.cookie, body: deelnemerBody({ naam: 'Cas Delft' }) })
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201])
    expect(c.json.gemeenteId).toBe(delft) // the only gemeente of the Delft jobhunter
    expect(b.json).toMatchObject({ gemeenteId: zwijndrecht, gemeenteNaam: 'Zwijndrecht', regievoerderId: regio.id })
    const lijst = await t.request('GET', '/api/deelnemers?perPage=100', { cookie: regio.cookie })
    expect(lijst.json.items.map((d: { naam: string }) => d.naam).sort()).toEqual(['Anna Dordt', 'Bram Zwijn'])
    // the list carries what a list needs, and nothing of the dossier
    expect(Object.keys(lijst.json.items[0]).sort()).toEqual(['gemeenteId', 'gemeenteNaam', 'gewijzigdOp', 'id', 'leerroute', 'naam', 'plaats', 'regievoerderId', 'status'])
    expect((await t.request('GET', `/api/deelnemers/${c.json.id}`, { cookie: regio.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/deelnemers/${a.json.id}`, { cookie: delftJobhunter.cookie })).status).toBe(404)
    const gemeenten = await t.request('GET', '/api/gemeenten', { cookie: regio.cookie })
    expect(gemeenten.json.items.map((g: { naam: string }) => g.naam)).toEqual(['Dordrecht', 'Zwijndrecht'])
  })

  it('the jobcoaches offered for a deelnemer are exactly those who work in their gemeente', async () => {
    const inZwijndrecht = await t.makeUser('jobcoach', undefined, { werkgebied: [zwijndrecht] })
    const inDordrecht = await t.makeUser('jobcoach')
    const d = await t.request('POST', '/api/deelnemers', { cookie: regio.cookie, body: { ...deelnemerBody({ naam: 'Eva Zwijn' }), gemeenteId: zwijndrecht } })
    const ids = async (q: string, cookie = regio.cookie) => (await t.request('GET', `/api/jobcoaches${q}`, { cookie })).json.items?.map((j: { id: string }) => j.id)
    expect(await ids('')).toEqual(expect.arrayContaining([inZwijndrecht.id, inDordrecht.id]))
    expect(await ids(`?deelnemerId=${d.json.id}`)).toEqual([inZwijndrecht.id])
    // a deelnemer outside the caller's werkgebied is not there
    expect((await t.request('GET', `/api/jobcoaches?deelnemerId=${d.json.id}`, { cookie: delftJobhunter.cookie })).status).toBe(404)
    // and a jobcoach of another gemeente is refused for the voorstel (400), as the list said
    const plek = await t.request('POST', '/api/plekken', { cookie: (await t.makeUser('beheerder')).cookie, body: plekBody({ organisatieId: await t.makeOrganisatie() }) })
    const v = await t.request('POST', '/api/voorstellen', { cookie: regio.cookie, body: { deelnemerId: d.json.id, plekId: plek.json.id, modus: 'aanbodgericht', jobcoachId: inDordrecht.id } })
    expect(v.status).toBe(400)
  })

  it('every list that names deelnemers writes one audit row with the ids it showed', async () => {
    const lijst = await t.request('GET', '/api/deelnemers?perPage=100', { cookie: regio.cookie })
    const audit = await t.request('GET', `/api/audit?actie=deelnemers-bekeken&gebruikerId=${regio.id}`, { cookie: beheerder.cookie })
    expect(audit.json.items[0].details.deelnemers.sort()).toEqual(lijst.json.items.map((d: { id: string }) => d.id).sort())
  })

  it('Mijn deelnemers, and a beheerder reassigns the regievoerder inside the gemeente (audited)', async () => {
    const collega = await t.makeUser('jobhunter', undefined, { werkgebied: [zwijndrecht] })
    const d = await t.request('POST', '/api/deelnemers', { cookie: regio.cookie, body: { ...deelnemerBody({ naam: 'Dewi Zwijn' }), gemeenteId: zwijndrecht } })
    expect((await t.request('GET', '/api/deelnemers?regievoerder=ik&perPage=100', { cookie: collega.cookie })).json.total).toBe(0)
    // the Delft jobhunter does not work in Zwijndrecht
    expect((await t.request('PUT', `/api/deelnemers/${d.json.id}/regievoerder`, { cookie: beheerder.cookie, body: { regievoerderId: delftJobhunter.id } })).status).toBe(400)
    const res = await t.request('PUT', `/api/deelnemers/${d.json.id}/regievoerder`, { cookie: beheerder.cookie, body: { regievoerderId: collega.id } })
    expect(res.status, res.text).toBe(200)
    const mijn = await t.request('GET', '/api/deelnemers?regievoerder=ik&perPage=100', { cookie: collega.cookie })
    expect(mijn.json.items.map((x: { naam: string }) => x.naam)).toEqual(['Dewi Zwijn'])
    const audit = await t.request('GET', `/api/audit?actie=regievoerder-gewijzigd&objectId=${d.json.id}`, { cookie: beheerder.cookie })
    expect(audit.json.items[0].details).toEqual({ van: regio.id, naar: collega.id })
  })

  it('a beheerder moves a deelnemer to another gemeente of their werkgebied (as for one in Onbekend), audited', async () => {
    const d = await t.request('POST', '/api/deelnemers', { cookie: regio.cookie, body: { ...deelnemerBody({ naam: 'Fenna Dordt' }), gemeenteId: t.DORDRECHT } })
    expect((await t.request('PUT', `/api/deelnemers/${d.json.id}/gemeente`, { cookie: beheerder.cookie, body: { gemeenteId: delft } })).status).toBe(400)
    const res = await t.request('PUT', `/api/deelnemers/${d.json.id}/gemeente`, { cookie: beheerder.cookie, body: { gemeenteId: zwijndrecht } })
    expect(res.status, res.text).toBe(200)
    // the regional jobhunter works in Zwijndrecht too, so stays regievoerder
    expect(res.json).toMatchObject({ gemeenteId: zwijndrecht, gemeenteNaam: 'Zwijndrecht', regievoerderId: regio.id })
    const audit = await t.request('GET', `/api/audit?actie=gemeente-gewijzigd&objectId=${d.json.id}`, { cookie: beheerder.cookie })
    expect(audit.json.items[0].details).toEqual({ van: t.DORDRECHT, naar: zwijndrecht })
  })

  it('a beheerder gives a new account their own werkgebied unless told otherwise, and only inside it', async () => {
    const body = (extra: object = {}) => ({ email: `n${Math.random().toString(36).slice(2)}@test.example`, wachtwoord: 'Lang-genoeg-wachtwoord', naam: 'Nieuw', rol: 'jobhunter', ...extra })
    const zonder = await t.request('POST', '/api/gebruikers', { cookie: beheerder.cookie, body: body() })
    expect(zonder.status).toBe(201)
    expect(zonder.json.werkgebied.sort()).toEqual([t.DORDRECHT, zwijndrecht].sort())
    const alleenZwijndrecht = await t.request('POST', '/api/gebruikers', { cookie: beheerder.cookie, body: body({ werkgebied: [zwijndrecht] }) })
    expect(alleenZwijndrecht.json.werkgebied).toEqual([zwijndrecht])
    expect((await t.request('POST', '/api/gebruikers', { cookie: beheerder.cookie, body: body({ werkgebied: [delft] }) })).status).toBe(400)
    expect((await t.request('POST', '/api/gebruikers', { cookie: beheerder.cookie, body: body({ rol: 'beheerder', platformBeheerder: true }) })).status).toBe(400)
  })

  it('only the platform beheerder adds a gemeente; the monitor answers per gemeente of the werkgebied', async () => {
    const platform = await t.makeUser('beheerder', undefined, { platformBeheerder: true, werkgebied: [] })
    expect((await t.request('POST', '/api/gemeenten', { cookie: beheerder.cookie, body: { naam: 'Papendrecht', cbsCode: 'GM0590' } })).status).toBe(403)
    const res = await t.request('POST', '/api/gemeenten', { cookie: platform.cookie, body: { naam: 'Papendrecht', cbsCode: 'GM0590' } })
    expect(res.status).toBe(201)
    expect((await t.request('POST', '/api/gemeenten', { cookie: platform.cookie, body: { naam: 'Papendrecht', cbsCode: 'GM0590' } })).status).toBe(409)
    expect((await t.request('GET', '/api/gemeenten', { cookie: platform.cookie })).json.total).toBe(4)
    const m = await t.request('GET', '/api/monitor', { cookie: beheerder.cookie })
    expect(m.json.perGemeente.map((g: { naam: string }) => g.naam)).toEqual(['Dordrecht', 'Zwijndrecht'])
    const csv = await t.request('GET', '/api/monitor/export.csv', { cookie: beheerder.cookie })
    expect(csv.text).toContain('gemeente Zwijndrecht')
    expect(csv.text).not.toContain('Delft')
  })
})
