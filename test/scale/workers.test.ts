import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomInt } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { DEMO_WACHTWOORD, loginAs, startServerProcess, type ServerProcess } from '../faults/server-process.js'
import { deelnemerBody, plekBody } from '../helpers.js'
import { pinInstance, send, waitForInstances, type Pinned } from './instances.js'
import { skipSqld, startSqld, type Sqld } from './sqld.js'

// Issue 13, item 4: `WORKERS=2 npm start`, the real server as N processes on one machine sharing
// one port (server/cluster.ts), on a database file and on a real sqld. Each worker is a whole
// instance (its own database client, embedded index and change feed): requests land on both, a
// change made through one is found through the other within a second, writes through both at once
// on one SQLite file all succeed, a killed worker is started again, and SIGTERM stops them all.

const CONVERGE_MS = 1000
const uniqueWord = (prefix: string) => prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('')

const setups: { name: string; skip: boolean; start: () => Promise<{ server: ServerProcess; url: string; stop: () => Promise<void> }> }[] = [
  {
    name: 'a database file',
    skip: false,
    async start() {
      const dir = mkdtempSync(join(tmpdir(), 'pp-workers-'))
      const file = join(dir, 'db.sqlite')
      const server = await startServerProcess(file, { WORKERS: '2', LOG_METRICS_SECONDS: '1' }, 120_000)
      return { server, url: `file:${file}`, stop: async () => rmSync(dir, { recursive: true, force: true }) }
    },
  },
  {
    name: 'sqld',
    skip: skipSqld,
    async start() {
      const sqld: Sqld = await startSqld()
      const server = await startServerProcess(sqld.url, { WORKERS: '2', LOG_METRICS_SECONDS: '1' }, 120_000)
      return { server, url: sqld.url, stop: () => sqld.stop() }
    },
  },
]

describe.each(setups)('WORKERS=2 on $name', ({ skip, start }) => {
  let server: ServerProcess
  let url: string
  let stopBackend: () => Promise<void> = async () => {}
  let instances: string[]
  let werkgever: string
  let jobhunter: string
  let gemeenteId: string
  const pinned: Pinned[] = []

  beforeAll(async () => {
    if (skip) return
    ;({ server, url, stop: stopBackend } = await start())
    instances = await waitForInstances(server.base, 2, 60_000)
    werkgever = await loginAs(server.base, 'werkgever@demo.example', DEMO_WACHTWOORD)
    jobhunter = await loginAs(server.base, 'jobhunter@demo.example', DEMO_WACHTWOORD)
    // the demo jobhunter works for several gemeenten: a new deelnemer names one of them
    gemeenteId = (await send(server.base, 'GET', '/api/gemeenten', { cookie: jobhunter })).json.items[0].id
  }, 180_000)

  afterAll(async () => {
    for (const p of pinned) p.close()
    if (server && server.child.exitCode === null) {
      const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000)
      await server.kill('SIGTERM')
      clearTimeout(timer)
    }
    await stopBackend()
  }, 60_000)

  it.skipIf(skip)('starts two instances behind one port and says so once', async () => {
    expect(instances).toHaveLength(2)
    expect(new Set(instances).size).toBe(2)
    const out = server.output()
    expect(out.match(/draait op http:\/\//g)).toHaveLength(1)
    expect(out).toMatch(/draait op http:\/\/localhost:\d+ met 2 instanties/)
    expect(out.match(/Demo-accounts/g)).toHaveLength(1)
    // fresh connections go round robin: both instances answer
    const seen = new Set<string>()
    for (let i = 0; i < 6; i++) seen.add((await send(server.base, 'GET', '/api/sessie', { cookie: jobhunter })).instance)
    expect(seen.size).toBe(2)
    // each instance logs its event-loop delay, memory and requests (server/instance.ts)
    await new Promise((r) => setTimeout(r, 1500))
    const metrics = server
      .output()
      .split('\n')
      .filter((l) => l.includes('"event":"instantie"'))
      .map((l) => JSON.parse(l))
    expect(new Set(metrics.map((m) => m.instantie))).toEqual(new Set(instances))
    expect(metrics[0]).toMatchObject({ eventLoopMs: { p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) }, rssMiB: expect.any(Number) })
  })

  it.skipIf(skip)(`a plek published through one instance is found through the other within ${CONVERGE_MS} ms, and gone there once closed`, async () => {
    const a = await pinInstance(server.base)
    const b = await pinInstance(server.base, [a.instance])
    pinned.push(a, b)
    expect(a.instance).not.toBe(b.instance)
    const word = uniqueWord('werkers')
    const created = await a.call('POST', '/api/plekken', { cookie: werkgever, body: plekBody({ titel: `Plek ${word}` }) })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const id = created.json.id as string
    const found = async () => (await b.call('GET', `/api/zoeken?q=${word}`, { cookie: jobhunter })).json.items.some((i: { id: string }) => i.id === id)
    expect(await found()).toBe(false)
    const published = Date.now()
    expect((await a.call('POST', `/api/plekken/${id}/publiceren`, { cookie: werkgever })).status).toBe(200)
    let ms = -1
    while (Date.now() - published < 5000) {
      if (await found()) {
        ms = Date.now() - published
        break
      }
      await new Promise((r) => setTimeout(r, 10))
    }
    console.log(`gepubliceerd via ${a.instance}, gevonden via ${b.instance} na ${ms} ms`)
    expect(ms).toBeGreaterThanOrEqual(0)
    expect(ms).toBeLessThanOrEqual(CONVERGE_MS)

    const closed = Date.now()
    expect((await a.call('POST', `/api/plekken/${id}/sluiten`, { cookie: werkgever })).status).toBe(200)
    let gone = -1
    while (Date.now() - closed < 5000) {
      if (!(await found())) {
        gone = Date.now() - closed
        break
      }
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(gone).toBeGreaterThanOrEqual(0)
    expect(gone).toBeLessThanOrEqual(CONVERGE_MS)
  })

  it.skipIf(skip)('writes through both instances at the same moment all succeed and are all stored', async () => {
    const a = await pinInstance(server.base)
    const b = await pinInstance(server.base, [a.instance])
    pinned.push(a, b)
    const tag = uniqueWord('gelijktijdig')
    // 40 new deelnemers, 20 plekken and 20 plek edits, half through each instance, all at once
    const plekIds = await Promise.all([a, b].map(async (p) => (await p.call('POST', '/api/plekken', { cookie: werkgever, body: plekBody({ titel: `Plek ${tag}` }) })).json.id as string))
    const writes = Array.from({ length: 40 }, (_, i) => {
      const via = i % 2 ? a : b
      return i % 4 === 3
        ? via.call('PATCH', `/api/plekken/${plekIds[i % 2]}`, { cookie: werkgever, body: { titel: `Plek ${tag} ${i}` } })
        : i % 4 === 2
          ? via.call('POST', '/api/plekken', { cookie: werkgever, body: plekBody({ titel: `Plek ${tag}` }) })
          : via.call('POST', '/api/deelnemers', { cookie: jobhunter, body: deelnemerBody({ naam: `Deelnemer ${tag} ${i}`, gemeenteId }) })
    })
    const answers = await Promise.all(writes)
    const statuses = answers.map((r) => r.status)
    expect(statuses.filter((s) => s >= 300), JSON.stringify(answers.filter((r) => r.status >= 300).map((r) => r.json))).toEqual([])
    const db = createClient({ url })
    try {
      const deelnemers = Number((await db.execute({ sql: 'select count(*) from deelnemer where naam like ?', args: [`Deelnemer ${tag}%`] })).rows[0]![0])
      const plekken = Number((await db.execute({ sql: 'select count(*) from plek where titel like ?', args: [`Plek ${tag}%`] })).rows[0]![0])
      expect(deelnemers).toBe(20)
      expect(plekken).toBe(2 + 10)
    } finally {
      db.close()
    }
  })

  it.skipIf(skip)('a worker that dies is started again in its slot, and the other serves meanwhile', async () => {
    const listening = () =>
      server
        .output()
        .split('\n')
        .filter((l) => l.includes('"event":"instantie-luistert"'))
        .map((l) => JSON.parse(l) as { instantie: string; pid: number })
    const victim = listening().find((l) => l.instantie.startsWith('w2-'))!
    process.kill(victim.pid, 'SIGKILL')
    // once the primary has seen it die (it logs that), new connections go to the other instance;
    // a connection handed over in the very moment of the crash is lost, as with any crash
    while (!server.output().includes(`"event":"instantie-gestopt","slot":2,"pid":${victim.pid}`)) await new Promise((r) => setTimeout(r, 20))
    for (let i = 0; i < 4; i++) {
      const r = await send(server.base, 'GET', '/api/sessie', { cookie: jobhunter })
      expect([r.status, r.instance.slice(0, 3)]).toEqual([200, 'w1-'])
    }
    const until = Date.now() + 30_000
    while (!listening().some((l) => l.instantie.startsWith('w2-') && l.pid !== victim.pid)) {
      if (Date.now() > until) throw new Error(`instantie 2 niet opnieuw gestart:\n${server.output().slice(-3000)}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(server.output()).toContain('"event":"instantie-gestopt"')
    const now = await waitForInstances(server.base, 2, 30_000)
    expect(now).toContain(instances.find((i) => i.startsWith('w1-')))
    expect(now.find((i) => i.startsWith('w2-'))).not.toBe(victim.instantie)
  }, 120_000)

  it.skipIf(skip)('SIGTERM to the primary stops every instance cleanly', async () => {
    const pids = [server.pid, ...[...server.output().matchAll(/"event":"instantie-luistert","instantie":"[^"]+","pid":(\d+)/g)].map((m) => Number(m[1]))]
    for (const p of pinned) p.close()
    const { code, signal } = await server.kill('SIGTERM')
    expect({ code, signal }).toEqual({ code: 0, signal: null })
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    })
    expect(alive).toEqual([])
    expect(server.output()).toContain('SIGTERM ontvangen: de 2 instanties stoppen.')
  }, 30_000)
})
