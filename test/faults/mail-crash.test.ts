import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { call, loginAs, startServerProcess, type ServerProcess } from './server-process.js'
import { startSmtp, type TestSmtp } from '../smtp.js'
import { openDatabase } from '../../db/client.js'
import { mailOutbox } from '../../db/schema.js'

// The mail worker killed in the middle of a delivery: the real server as a child process sends a
// melding's e-mail to a real SMTP server in this test; the server holds the message's DATA, the
// test kills the child with SIGKILL (the SMTP server never accepted the message), starts it again on
// the same database file, and the mail arrives exactly once after the dead worker's claim ran out.

const dir = mkdtempSync(join(tmpdir(), 'pp-mailcrash-'))
const file = join(dir, 'mail.db')
const servers: ServerProcess[] = []
let smtp: TestSmtp | undefined
afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL')
  await smtp?.close()
  rmSync(dir, { recursive: true, force: true })
})

const NAAM = 'Fatima Testkrasj El Idrissi'
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('e-mail delivery survives a crash', () => {
  it('a worker killed mid-delivery: after the restart the mail arrives exactly once, without the deelnemer', { timeout: 120_000 }, async () => {
    smtp = await startSmtp()
    // MAIL_TIMEOUT_SECONDS=2: a claim lasts 3 × 2 + 5 = 11 s, so the restarted server takes over soon
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'Participatieplekken <noreply@plekken.example>', MAIL_TIMEOUT_SECONDS: '2' }
    const first = await startServerProcess(file, env)
    servers.push(first)
    expect(first.output()).toContain(`e-mail: via smtp://127.0.0.1:${smtp.port}`)

    const werkgever = await loginAs(first.base, 'werkgever@demo.example')
    const jobhunter = await loginAs(first.base, 'jobhunter@demo.example')
    const plekken = (await call(first.base, 'GET', '/api/plekken?status=gepubliceerd&perPage=100', { cookie: werkgever })).json.items
    const plek = plekken.find((p: any) => p.bezet < p.capaciteit)
    expect(plek).toBeDefined()
    const d = await call(first.base, 'POST', '/api/deelnemers', {
      cookie: jobhunter,
      body: {
        naam: NAAM, geboortejaar: 1988, postcode: '3312 AB', doelgroep: 'gezinsmigrant', leerroute: 'b1-route', gemeenteId: 'gemeente-GM0505',
        taalniveau: { spreken: 'A2', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' }, geletterdheid: 'gealfabetiseerd',
        beschikbareDagdelen: ['ma-ochtend'], taallesDagdelen: [], urenPerWeek: { min: 8, max: 12 }, kinderopvang: 'geregeld',
        mobiliteit: { fiets: true, ov: true, rijbewijs: false, auto: false, maxReisafstandKm: 8 }, belastbaarheid: 'middel',
        wensen: { sectoren: [], vormen: [] }, status: 'zoekend', toestemmingDelen: true,
      },
    })
    expect(d.status, d.text).toBe(201)

    const vast = smtp.houdVast()
    const v = await call(first.base, 'POST', '/api/voorstellen', { cookie: jobhunter, body: { deelnemerId: d.json.id, plekId: plek.id, modus: 'aanbodgericht' } })
    expect(v.status, v.text).toBe(201)
    await vast.binnen // the message is on the wire, not yet accepted
    first.child.kill('SIGKILL')
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' })
    await wait(200) // the SMTP server sees the connection close
    vast.laat()
    expect(smtp.ontvangen).toHaveLength(0)

    const second = await startServerProcess(file, env)
    servers.push(second)
    const until = Date.now() + 60_000
    while (smtp.ontvangen.length === 0 && Date.now() < until) await wait(250)
    expect(smtp.ontvangen).toHaveLength(1)
    // two more polls of the worker (and a second look at the database): still one
    await wait(12_000)
    expect(smtp.ontvangen).toHaveLength(1)
    const { aan, bron, mail } = smtp.ontvangen[0]!
    expect(aan).toEqual(['werkgever@demo.example'])
    expect(mail.subject).toBe(`Nieuw voorstel voor „${plek.titel}”`)
    expect(bron).not.toMatch(/Fatima|Testkrasj|Idrissi|F\. ?T\./)
    expect(`${mail.text}${mail.html}`).not.toMatch(/Fatima|Testkrasj|Idrissi/)
    await second.kill('SIGTERM')

    // what the database says: one row for this event, sent
    const db = await openDatabase(`file:${file}`)
    const rijen = (await db.db.select().from(mailOutbox)).filter((r) => r.uitkomst !== 'demo')
    db.close()
    expect(rijen.map((r) => ({ soort: r.soort, uitkomst: r.uitkomst }))).toEqual([{ soort: 'melding', uitkomst: 'verzonden' }])
  })
})
