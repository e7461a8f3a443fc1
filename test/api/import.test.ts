import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { appWith, countRows, deelnemerBody, plekBody, type TestApp, type User } from '../helpers.js'
import { audit, deelnemer, gemeente, organisatie, outbox, plek } from '../../db/schema.js'
import { openDatabase } from '../../db/client.js'
import { insertGebruiker } from '../../server/services/gebruikers.js'
import { loadConfig } from '../../server/config.js'
import { fixedClock } from '../../server/clock.js'
import { runImportCli } from '../../server/cli/import-run.js'
import { runImport as importeerDirect } from '../../server/services/import.js'

let t: TestApp, beheerder: User
beforeEach(async () => {
  ;({ t, beheerder } = await appWith('beheerder'))
})
afterEach(() => t.close())

const organisatieBody = (overrides: Record<string, unknown> = {}) => ({
  naam: 'Zorgcentrum De Linde',
  soort: 'werkgever',
  postcode: '3312 AB',
  contactpersoon: { naam: 'Petra de Vries', email: 'Petra@DeLinde.example', telefoon: '078-123 45 67' },
  ...overrides,
})

const runImport = (body: unknown, cookie = beheerder.cookie) => t.request('POST', '/api/import', { cookie, body })

const rowCounts = () => countRows(t, { organisatie, plek, outbox, deelnemer })

describe('POST /api/import: all valid', () => {
  it('creates organisaties, plekken and deelnemers as the single routes would, and the published plekken become findable', async () => {
    const bestaand = await t.makeOrganisatie('Logistiek Dordrecht')
    const res = await runImport({
      organisaties: [organisatieBody({ ref: 'linde' }), organisatieBody({ ref: 'schie', naam: 'Buurthuis De Schie', soort: 'vrijwilligersorganisatie', postcode: '2611' })],
      plekken: [
        plekBody({ organisatieRef: 'linde', status: 'gepubliceerd', titel: 'Gastvrouw restaurant', sector: 'zorg' }),
        plekBody({ organisatieRef: 'schie', titel: 'Vrijwilliger bar', postcode: '2611' }), // concept by default
        plekBody({ organisatieId: bestaand, status: 'gepubliceerd', titel: 'Orderpicker magazijn', urenPerWeek: { min: 8, max: 8 } }),
      ],
      deelnemers: [deelnemerBody({ ref: 'dossier-1', toestemmingDelen: true }), deelnemerBody({ naam: 'Yonas Tesfaye', postcode: '2613' })],
    })
    expect(res.status, res.text).toBe(201)
    expect(res.json).toMatchObject({ organisaties: 2, plekken: 3, deelnemers: 2 })
    expect(res.json.ids.organisaties).toHaveLength(2)
    expect(res.json.ids.plekken).toHaveLength(3)
    expect(res.json.ids.deelnemers).toHaveLength(2)

    // readable through the API, with what the services derive (plaats, coordinates, score)
    const [linde, schie] = res.json.ids.organisaties
    const org = await t.request('GET', `/api/organisaties/${linde}`, { cookie: beheerder.cookie })
    expect(org.json).toMatchObject({ naam: 'Zorgcentrum De Linde', plaats: 'Dordrecht', postcode: '3312 AB', contactpersoon: { email: 'petra@delinde.example' } })
    const [gastvrouw, bar, orderpicker] = res.json.ids.plekken
    const p1 = await t.request('GET', `/api/plekken/${gastvrouw}`, { cookie: beheerder.cookie })
    expect(p1.json).toMatchObject({ organisatieId: linde, organisatieNaam: 'Zorgcentrum De Linde', status: 'gepubliceerd', plaats: 'Dordrecht', taalrijkheidsscore: 5, gepubliceerdOp: '2026-11-23T09:00:00.000Z' })
    expect(p1.json.lat).toBeCloseTo(51.81, 1)
    const p2 = await t.request('GET', `/api/plekken/${bar}`, { cookie: beheerder.cookie })
    expect(p2.json).toMatchObject({ organisatieId: schie, status: 'concept', plaats: 'Delft' })
    expect(p2.json.gepubliceerdOp).toBeUndefined()
    const p3 = await t.request('GET', `/api/plekken/${orderpicker}`, { cookie: beheerder.cookie })
    expect(p3.json).toMatchObject({ organisatieId: bestaand, organisatieNaam: 'Logistiek Dordrecht' })
    const d1 = await t.request('GET', `/api/deelnemers/${res.json.ids.deelnemers[0]}`, { cookie: beheerder.cookie })
    expect(d1.json).toMatchObject({ naam: 'Amina Yusuf', plaats: 'Dordrecht', toestemmingOp: '2026-11-23T09:00:00.000Z' })
    expect(d1.json.ref).toBeUndefined() // refs only live in the file

    // made by the importing beheerder; one outbox row per plek
    const rows = await t.database.db.select({ createdBy: deelnemer.createdBy }).from(deelnemer)
    expect(rows.map((r) => r.createdBy)).toEqual([beheerder.id, beheerder.id])
    expect(await rowCounts()).toEqual({ organisatie: 3, plek: 3, outbox: 3, deelnemer: 2 })
    const audits = await t.database.db.select().from(audit).where(eq(audit.actie, 'importeren'))
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ gebruikerId: beheerder.id, rol: 'beheerder', objectSoort: 'import', details: { organisaties: 2, plekken: 3, deelnemers: 2 } })

    await t.indexer.drain()
    const jobhunter = await t.makeUser('jobhunter')
    const zoek = await t.request('GET', '/api/zoeken', { cookie: jobhunter.cookie })
    expect(zoek.json.items.map((i: { id: string }) => i.id).sort()).toEqual([gastvrouw, orderpicker].sort())
    const gastvrouwHit = await t.request('GET', '/api/zoeken?q=gastvrouw', { cookie: jobhunter.cookie })
    expect(gastvrouwHit.json.items[0]).toMatchObject({ id: gastvrouw, organisatieNaam: 'Zorgcentrum De Linde', plaats: 'Dordrecht' })
  })

  it('takes a body far above the 100 kB of other routes, and writes hundreds of rows in chunks', async () => {
    const plekken = Array.from({ length: 450 }, (_, i) => plekBody({ organisatieRef: 'o', titel: `Plek ${i}`, omschrijving: 'x'.repeat(400) }))
    const body = { organisaties: [organisatieBody({ ref: 'o' })], plekken }
    expect(JSON.stringify(body).length).toBeGreaterThan(300_000)
    const res = await runImport(body)
    expect(res.status, res.text.slice(0, 300)).toBe(201)
    expect(await rowCounts()).toEqual({ organisatie: 1, plek: 450, outbox: 450, deelnemer: 0 })
    // file order is kept
    const first = await t.request('GET', `/api/plekken/${res.json.ids.plekken[0]}`, { cookie: beheerder.cookie })
    const last = await t.request('GET', `/api/plekken/${res.json.ids.plekken[449]}`, { cookie: beheerder.cookie })
    expect([first.json.titel, last.json.titel]).toEqual(['Plek 0', 'Plek 449'])
  })

  it('a body above 20 MB answers 413 and writes nothing', async () => {
    const res = await runImport({ organisaties: [organisatieBody({ naam: 'x'.repeat(21 * 1024 * 1024) })] })
    expect(res.status).toBe(413)
    expect(res.json.error.code).toBe('te-groot')
    expect(res.json.error.message).toContain('20 MB')
    expect((await rowCounts()).organisatie).toBe(0)
  })
})

describe('POST /api/import: errors', () => {
  it('reports every error of every record under its position, and writes nothing', async () => {
    const bestaand = await t.makeOrganisatie('Bestaand')
    const before = await rowCounts()
    const res = await runImport({
      organisaties: [
        organisatieBody({ ref: 'a', postcode: '1000' }), // a PC4 that does not exist
        organisatieBody({ ref: 'b' }),
        organisatieBody({ ref: 'a' }), // duplicate ref
      ],
      plekken: [
        plekBody({ organisatieRef: 'b', urenPerWeek: { min: 20, max: 10 } }),
        plekBody({ organisatieRef: 'bestaat-niet' }),
        plekBody({ organisatieId: 'geen-id' }),
        plekBody(), // no organisatie at all
        plekBody({ organisatieId: bestaand, organisatieRef: 'b' }),
        plekBody({ organisatieId: bestaand, kleur: 'rood', capaciteit: 0 }),
        plekBody({ organisatieId: bestaand }), // valid: no error of its own
        plekBody({ organisatieRef: 'b', status: 'gesloten' }),
      ],
      deelnemers: [
        deelnemerBody({ naam: undefined }),
        deelnemerBody({ beschikbareDagdelen: ['di-ochtend'], taallesDagdelen: ['di-ochtend'] }),
        'geen object',
        deelnemerBody({ ref: 'd' }),
        deelnemerBody({ ref: 'd', postcode: '1001' }),
      ],
    })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('validatie')
    const fields = res.json.error.fields as Record<string, string>
    expect(Object.keys(fields)).toEqual([
      'organisaties.0.postcode',
      'organisaties.2.ref',
      'plekken.0.urenPerWeek.max',
      'plekken.1.organisatieRef',
      'plekken.2.organisatieId',
      'plekken.3.organisatieId',
      'plekken.4.organisatieRef',
      'plekken.5.capaciteit',
      'plekken.5.kleur',
      'plekken.7.status',
      'deelnemers.0.naam',
      'deelnemers.1.beschikbareDagdelen',
      'deelnemers.2',
      'deelnemers.4.ref',
      'deelnemers.4.postcode',
    ])
    expect(res.json.error.message).toBe('De import bevat 15 fouten; er is niets geïmporteerd.')
    expect(fields['organisaties.0.postcode']).toBe('Deze postcode kennen we niet. Controleer de vier cijfers.')
    expect(fields['organisaties.2.ref']).toMatch(/ook bij organisaties\.0/)
    expect(fields['plekken.0.urenPerWeek.max']).toMatch(/minstens even groot/)
    expect(fields['plekken.1.organisatieRef']).toBe('Er is geen organisatie met ref "bestaat-niet" in dit bestand.')
    expect(fields['plekken.2.organisatieId']).toMatch(/bestaat niet/)
    expect(fields['plekken.3.organisatieId']).toMatch(/Kies de organisatie/)
    expect(fields['plekken.4.organisatieRef']).toMatch(/niet allebei/)
    expect(fields['plekken.5.kleur']).toMatch(/Onbekend veld/)
    expect(fields['deelnemers.1.beschikbareDagdelen']).toMatch(/taalles/)
    expect(fields['deelnemers.2']).toBe('Vul hier een object in.')
    expect(await rowCounts()).toEqual(before)
    expect(await t.database.db.select().from(audit).where(eq(audit.actie, 'importeren'))).toEqual([])
  })

  it('a plek pointing at an organisatie of the file that has errors itself gets no error of its own', async () => {
    const res = await runImport({
      organisaties: [organisatieBody({ ref: 'a', soort: 'bakkerij' })],
      plekken: [plekBody({ organisatieRef: 'a' })],
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.error.fields)).toEqual(['organisaties.0.soort'])
    expect(await rowCounts()).toEqual({ organisatie: 0, plek: 0, outbox: 0, deelnemer: 0 })
  })

  it('checks the outer shape: unknown lists, a list that is not a list, an empty import, no JSON', async () => {
    const shape = await runImport({ organisatie: [], plekken: {}, deelnemers: [deelnemerBody({ postcode: '1000' })] })
    expect(shape.status).toBe(400)
    expect(shape.json.error.fields).toEqual({
      organisatie: 'Onbekend veld; dit veld bestaat niet.',
      plekken: 'Vul hier een lijst in.',
      'deelnemers.0.postcode': 'Deze postcode kennen we niet. Controleer de vier cijfers.',
    })
    const empty = await runImport({ organisaties: [] })
    expect(empty.status).toBe(400)
    expect(empty.json.error.fields._).toMatch(/niets om te importeren/)
    const array = await runImport([organisatieBody()])
    expect(array.status).toBe(400)
    expect(array.json.error.code).toBe('validatie')
    const proto = await runImport('{"__proto__": [], "organisaties": []}')
    expect(proto.json.error.fields.__proto__).toBe('Onbekend veld; dit veld bestaat niet.')
    const broken = await runImport('{"organisaties": [')
    expect(broken.status).toBe(400)
    expect(broken.json.error.code).toBe('ongeldige-json')
    expect(await rowCounts()).toEqual({ organisatie: 0, plek: 0, outbox: 0, deelnemer: 0 })
  })
})

describe('all or nothing', () => {
  it('a failure while writing rolls back what the same import wrote before it', async () => {
    // an actor that is not in the database: the deelnemer rows (written last) break the foreign key
    const ctx = { ...t.deps, actor: { id: 'verdwenen', email: 'x@test.example', naam: 'X', rol: 'beheerder' as const, organisatieId: null } }
    const input = { organisaties: [organisatieBody({ ref: 'o' })], plekken: [plekBody({ organisatieRef: 'o' })], deelnemers: [deelnemerBody()] }
    await expect(importeerDirect({ ctx, input })).rejects.toThrow()
    expect(await rowCounts()).toEqual({ organisatie: 0, plek: 0, outbox: 0, deelnemer: 0 })
    // and the database is free again afterwards
    expect((await runImport(input)).status).toBe(201)
  })
})

describe('POST /api/import: who', () => {
  it('only a beheerder imports; others are refused before their file is looked at', async () => {
    const jobhunter = await t.makeUser('jobhunter')
    const werkgever = await t.makeUser('werkgever', await t.makeOrganisatie())
    for (const cookie of [jobhunter.cookie, werkgever.cookie]) {
      const ok = await runImport({ deelnemers: [deelnemerBody()] }, cookie)
      expect(ok.status).toBe(403)
      expect(ok.json.error.code).toBe('geen-toegang')
      // an invalid file gets the same 403, not the list of what is wrong with it
      const bad = await runImport({ plekken: [plekBody({ organisatieId: 'probeer-dit' })] }, cookie)
      expect(bad.status).toBe(403)
    }
    expect((await t.request('POST', '/api/import', { body: { deelnemers: [deelnemerBody()] } })).status).toBe(401)
    expect((await rowCounts()).deelnemer).toBe(0)
  })

  it('is documented with its own 20 MB limit', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json
    const op = doc.paths['/api/import'].post
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '413', '415']))
    expect(op.responses['413'].description).toContain('20 MB')
    const schema = op.requestBody.content['application/json'].schema
    expect(Object.keys(schema.properties)).toEqual(['organisaties', 'plekken', 'deelnemers'])
    expect(schema.properties.plekken.items.properties).toHaveProperty('organisatieRef')
    expect(schema.properties.plekken.items.properties).toHaveProperty('urenPerWeek')
  })
})

describe('npm run import', () => {
  const voorbeeld = JSON.parse(readFileSync(new URL('../../docs/voorbeeld-import.json', import.meta.url), 'utf8'))
  let dir: string
  let dbUrl: string
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'import-'))
    dbUrl = `file:${join(dir, 'db.sqlite')}`
    const database = await openDatabase(dbUrl)
    const deps = { db: database.db, clock: fixedClock('2026-11-23T09:00:00Z'), config: loadConfig({ NODE_ENV: 'test' }), log: () => {} }
    // the deelnemers of the file go to the beheerder's only gemeente
    await database.db.insert(gemeente).values({ id: 'gemeente-GM0505', naam: 'Dordrecht', cbsCode: 'GM0505', createdAt: '2026-11-23T09:00:00Z', updatedAt: '2026-11-23T09:00:00Z' })
    await insertGebruiker(deps, { email: 'beheer@test.example', wachtwoord: 'Correct-paard-batterij-7', naam: 'Beheer', rol: 'beheerder', werkgebied: ['gemeente-GM0505'] })
    database.close()
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const countsIn = async (url: string) => {
    const database = await openDatabase(url)
    const n = async (table: typeof organisatie | typeof plek | typeof deelnemer | typeof outbox) => (await database.db.select({ n: count() }).from(table))[0]!.n
    const result = { organisatie: await n(organisatie), plek: await n(plek), outbox: await n(outbox), deelnemer: await n(deelnemer) }
    const gepubliceerd = (await database.db.select({ n: count() }).from(plek).where(eq(plek.status, 'gepubliceerd')))[0]!.n
    database.close()
    return { ...result, gepubliceerd }
  }

  it('the command validates, prints every error and exits 1 writing nothing; a good file is imported with progress and a summary', async () => {
    const run = (file: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', file], {
        env: { ...process.env, DATABASE_URL: dbUrl, NODE_ENV: 'test', INIT_CWD: '' },
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      )
    const bad = structuredClone(voorbeeld)
    bad.plekken[1].urenPerWeek = { min: 30, max: 10 }
    bad.deelnemers[0].postcode = '1000'
    const badFile = join(dir, 'fout.json')
    writeFileSync(badFile, JSON.stringify(bad))

    const failed = await run(badFile)
    expect(failed.code, failed.stderr).toBe(1)
    expect(failed.stderr).toContain('De import bevat 2 fouten; er is niets geïmporteerd.')
    expect(failed.stderr).toMatch(/plekken\.1\.urenPerWeek\.max\s+Het maximum/)
    expect(failed.stderr).toMatch(/deelnemers\.0\.postcode\s+Deze postcode kennen we niet/)
    expect(await countsIn(dbUrl)).toEqual({ organisatie: 0, plek: 0, outbox: 0, deelnemer: 0, gepubliceerd: 0 })

    const done = await run('docs/voorbeeld-import.json')
    expect(done.code, done.stderr).toBe(0)
    // not a terminal: plain progress lines, then the summary
    expect(done.stdout).toContain('namens beheer@test.example')
    expect(done.stdout).toContain('Valideren… 7/7\n')
    expect(done.stdout).toContain('Opslaan… 7/7\n')
    expect(done.stdout).toMatch(/Klaar in [\d,]+ s: 2 organisaties, 3 plekken en 2 deelnemers geïmporteerd\./)
    expect(await countsIn(dbUrl)).toEqual({ organisatie: 2, plek: 3, outbox: 3, deelnemer: 2, gepubliceerd: 2 })
  }, 30_000)

  it('on a terminal, rewrites one progress line; it needs to know which beheerder when there are several', async () => {
    const out: string[] = []
    const err: string[] = []
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), tty: true }
    const file = join(dir, 'veel.json')
    writeFileSync(file, JSON.stringify({ organisaties: [{ ...voorbeeld.organisaties[0], ref: 'o' }], deelnemers: Array.from({ length: 600 }, () => ({ ...voorbeeld.deelnemers[0], ref: undefined })) }))
    const env = { DATABASE_URL: dbUrl, NODE_ENV: 'test' }
    expect(await runImportCli([file], env, io), err.join('')).toBe(0)
    const text = out.join('')
    expect(text).toContain('\rValideren… 250/601\rValideren… 500/601\rValideren… 601/601\n')
    expect(text).toContain('\rOpslaan… 601/601\n')
    expect(text).toContain('1 organisatie, 0 plekken en 600 deelnemers geïmporteerd')

    const database = await openDatabase(dbUrl)
    const deps = { db: database.db, clock: fixedClock('2026-11-23T09:00:00Z'), config: loadConfig({ NODE_ENV: 'test' }), log: () => {} }
    await insertGebruiker(deps, { email: 'tweede@test.example', wachtwoord: 'Correct-paard-batterij-7', naam: 'Twee', rol: 'beheerder', werkgebied: ['gemeente-GM0505'] })
    database.close()
    expect(await runImportCli([file], env, io)).toBe(1)
    expect(err.join('')).toMatch(/meerdere beheerders: kies met --beheerder/)
    expect(await runImportCli([file, '--beheerder', 'niemand@test.example'], env, io)).toBe(1)
    expect(err.join('')).toContain('Er is geen actieve beheerder met e-mailadres niemand@test.example.')
    expect(await runImportCli([join(dir, 'bestaat-niet.json'), '--beheerder', 'tweede@test.example'], env, io)).toBe(1)
    expect(err.join('')).toMatch(/bestaat-niet\.json bestaat niet/)
    expect(await runImportCli([], env, io)).toBe(1)
    expect(err.join('')).toContain('Gebruik: npm run import -- <bestand.json>')
  })
})
