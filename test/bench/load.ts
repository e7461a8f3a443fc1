import autocannon from 'autocannon'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
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
import { call, loginAs, startServerProcess, waitForIndex, type ServerProcess } from '../faults/server-process.js'
import { prng } from './corpus.js'
import { deelnemers as genereerDeelnemers, plekken as genereerPlekken } from './match.js'
import { percentiles } from './stats.js'

// `npm run bench -- load`: the real server as a child process (`node --import tsx server/main.ts`,
// its own process and core, as in production) under autocannon in this process: 50 connections of
// mixed traffic, 70% search (/api/zoeken, varied queries), 20% matching (both directions), 10%
// writes (a werkgever creates, publishes and edits plekken; a jobhunter records and edits
// deelnemers). Once on the demo data and once on 100,000 plekken (+ 10,000 deelnemers).
// Reported: throughput, latency percentiles overall and per kind, answers by status, the server's
// RSS sampled every second (start, end, slope), and afterwards a check in the database file that
// every acknowledged write is there. Reference, same server, same run: a trivial authenticated route
// (GET /api/sessie: middleware, cached session, a tiny JSON answer) at the same concurrency.

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
async function matcherWarm(server: ServerProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs
  while (!/"event":"matcher-warm"/.test(server.output())) {
    if (Date.now() > until) throw new Error(`matcher-warm niet gezien binnen ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 200))
  }
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

async function runOne(name: string, server: ServerProcess, opts: { durationS: number; referenceS: number; connections: number; startMs: number; file: string }) {
  const { base } = server
  const jobhunter = await loginAs(base, 'jobhunter@demo.example')
  const werkgever = await loginAs(base, 'werkgever@demo.example')
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

  // The mix, as one cycle of 50 requests per connection: 35 search, 10 matching, 5 writes.
  const acks: Acks = { plekken: new Map(), deelnemers: new Map() }
  const sentTitels = new Map<string, string>()
  let lastKind: Kind = 'zoeken'
  let lastWrite = ''
  const writeStatus: Record<string, Record<number, number>> = {}
  const unexpected: { what: string; status: number; body: string }[] = []
  const seen = (what: string, kind: Kind, status: number, body: string, ok: number) => {
    lastKind = kind
    if (kind === 'schrijven') {
      lastWrite = what
      const s = (writeStatus[what] ??= {})
      s[status] = (s[status] ?? 0) + 1
    }
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
        ...req, method: 'POST', path: '/api/deelnemers', headers: json(jobhunter), body: JSON.stringify(deelnemerBody({ naam: `Loaddeelnemer ${name} ${ctx.n ?? ++counter}` })),
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
  const rss: { s: number; mib: number }[] = []
  const t0 = Date.now()
  const rssAtStart = rssOf(server.pid)
  const sampler = setInterval(() => {
    const mib = rssOf(server.pid)
    if (mib !== undefined) rss.push({ s: (Date.now() - t0) / 1000, mib })
  }, 1000)
  const load0 = loadavg()[0] ?? 0
  // without a callback autocannon returns its tracker, an event emitter that is also a promise of the result
  const instance = autocannon({ url: base, connections: opts.connections, duration: opts.durationS, timeout: 30, requests: cycle as never }) as unknown as
    Promise<autocannon.Result> & { on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void }
  instance.on('response', (_client, _status, _bytes, ms) => {
    latency[lastKind].push(ms)
    if (lastKind === 'schrijven') (byWrite[lastWrite] ??= []).push(ms)
    if (lastKind === 'zoeken') (byVorm[lastVorm] ??= []).push(ms)
  })
  const result = await instance
  clearInterval(sampler)
  const rssAtEnd = rssOf(server.pid)
  const load1 = loadavg()[0] ?? 0
  const health = (await call(base, 'GET', '/api/health')).json
  // the index catches up with the writes of the run
  const converged = await waitForIndex(base, 120_000).then(() => true, () => false)
  await server.kill('SIGTERM')

  // Every acknowledged write is in the database file.
  const db = createClient({ url: `file:${opts.file}` })
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
  const half = rss.filter((p) => p.s >= opts.durationS / 2)
  const troughs = Array.from({ length: Math.ceil(opts.durationS / 10) }, (_, w) => rss.filter((p) => p.s >= w * 10 && p.s < (w + 1) * 10))
    .filter((win) => win.length > 0)
    .map((win) => win.reduce((a, p) => (p.mib < a.mib ? p : a)))
  const perKind = Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, { ...percentiles(v), share: Math.round((v.length / result.requests.total) * 1000) / 10 }]))
  return {
    dataset: name,
    serverStartMs: opts.startMs,
    connections: opts.connections,
    durationS: opts.durationS,
    machineLoadAvg1m: { start: Math.round(load0 * 10) / 10, end: Math.round(load1 * 10) / 10 },
    throughput: {
      requestsPerSecond: Math.round(result.requests.average),
      total: result.requests.total,
      versusReference: Math.round((result.requests.average / ref.requests.average) * 1000) / 1000,
    },
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    latencyByKindMs: perKind,
    searchLatencyByShapeMs: Object.fromEntries(Object.entries(byVorm).map(([k, v]) => [k, percentiles(v)])),
    writeLatencyMs: Object.fromEntries(Object.entries(byWrite).map(([k, v]) => [k, percentiles(v)])),
    statusCodes,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    unexpected,
    writesByStatus: writeStatus,
    rssMiB: {
      atStart: rssAtStart,
      atEnd: rssAtEnd,
      max: Math.max(...rss.map((p) => p.mib)),
      samples: rss.length,
      slopeMiBPerMinute: slopePerMinute(rss),
      slopeSecondHalfMiBPerMinute: slopePerMinute(half),
      everyTenSeconds: rss.filter((_, i) => i % 10 === 0).map((p) => p.mib),
      // RSS saws up and down with the garbage collector; the lowest value of each 10 s window (after
      // a collection) shows a leak better than the raw slope
      troughsPerTenSeconds: troughs.map((p) => p.mib),
      slopeOfTroughsMiBPerMinute: slopePerMinute(troughs),
    },
    afterwards: {
      healthRightAfter: { status: health?.status, wachtend: health?.outbox?.wachtend, redenen: health?.redenen },
      indexConverged: converged,
      acknowledgedWrites: { plekken: acks.plekken.size, gepubliceerd: [...acks.plekken.values()].filter((p) => p.gepubliceerd).length, deelnemers: acks.deelnemers.size },
      missingInDatabase: missing.length,
      missingExamples: missing.slice(0, 5),
    },
    reference,
  }
}

export async function loadBench(opts: { plekken: number; deelnemers: number; durationS: number; referenceS: number; connections: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-load-'))
  const out: Record<string, unknown> = {
    note: 'The server runs in its own process; autocannon runs in this one. The machine is shared with other work: machineLoadAvg1m shows how busy it was, the reference was measured in the same run.',
  }
  try {
    // 1. demo data, as `npm start` makes it
    {
      const file = join(dir, 'demo.db')
      const t = performance.now()
      const server = await startServerProcess(file, {}, 120_000)
      await waitForIndex(server.base, 120_000)
      await matcherWarm(server, 120_000)
      console.error('load bench: demo data, server ready')
      out.demo = await runOne('demo', server, { ...opts, startMs: Math.round(performance.now() - t), file })
      console.error('load bench: demo data done')
    }
    // 2. 100,000 plekken
    {
      const file = join(dir, 'groot.db')
      const t0 = performance.now()
      await prepareLarge(file, { plekken: opts.plekken, deelnemers: opts.deelnemers })
      const prepareMs = Math.round(performance.now() - t0)
      console.error(`load bench: ${opts.plekken} plekken and ${opts.deelnemers} deelnemers written in ${prepareMs} ms`)
      const t = performance.now()
      const server = await startServerProcess(file, {}, 300_000)
      await waitForIndex(server.base, 300_000)
      await matcherWarm(server, 300_000)
      console.error('load bench: large data, server ready (index built, matcher memory filled)')
      out[`plekken${opts.plekken}`] = { prepareMs, ...(await runOne(`${opts.plekken}`, server, { ...opts, startMs: Math.round(performance.now() - t), file })) }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}
