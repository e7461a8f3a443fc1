import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import type { PlekQuery } from '../../search/port.js'
import { dagdelen, sectoren, begeleidingSoorten } from '../../server/domain/enums.js'
import { testApp } from '../helpers.js'
import { makeCorpus, loadPlaces, prng } from './corpus.js'
import { ReferenceOrama } from './reference-orama.js'
import { gc, percentiles, rssMiB, time } from './stats.js'
import { evaluate, relevantieCorpus } from '../search/relevantie.js'

// `npm run bench -- search`: the embedded adapter on synthetic corpora of 5,000 and 100,000 plekken,
// against (a) a plain Orama index used the obvious way and (b) a trivial route on the same server.

const execFileAsync = async (cmd: string, args: string[]) => (await promisify(execFile)(cmd, args, { maxBuffer: 16 << 20 })).stdout

const shapes = ['typo', 'tekstFiltersFacetten', 'geo15kmAfstand', 'bladerenFacetten', 'prefix'] as const
type Shape = (typeof shapes)[number]

function queriesFor(shape: Shape, n: number, seed: number): PlekQuery[] {
  const rnd = prng(seed)
  const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!
  const places = loadPlaces()
  const base = { filters: {}, sort: 'relevantie' as const, page: 1, perPage: 20 }
  const typos = ['magazijnmedewerkr', 'schoonmakr', 'verzorgnde', 'keukenhlp', 'hovenir', 'vakkenvuler', 'productiemedewerkr', 'receptionst']
  const words = ['medewerker', 'buddy', 'keuken', 'magazijn', 'zorg', 'uitleg', 'klanten', 'werkoverleg']
  const prefixes = ['magaz', 'schoon', 'verzor', 'keuk', 'hoven', 'vakken', 'produc', 'recep']
  return Array.from({ length: n }, (): PlekQuery => {
    switch (shape) {
      case 'typo':
        return { ...base, q: pick(typos) }
      case 'tekstFiltersFacetten':
        return { ...base, q: pick(words), filters: { sector: [pick(sectoren), pick(sectoren)], begeleiding: [pick(begeleidingSoorten)], urenMax: 24 } }
      case 'geo15kmAfstand': {
        const p = pick(places)
        return { ...base, geo: { lat: p.lat, lon: p.lon, straalKm: 15 }, sort: 'afstand' }
      }
      case 'bladerenFacetten':
        return { ...base, filters: rnd() < 0.5 ? {} : { sector: [pick(sectoren)], dagdelen: [pick(dagdelen)] }, sort: 'nieuwste' }
      case 'prefix':
        return { ...base, q: pick(prefixes) }
    }
  })
}

/**
 * Latency percentiles, and the same of the process's CPU time per query (`cpu`): on a machine that
 * other work shares, wall time waits for the CPU, CPU time does not (it does count GC threads).
 */
async function measure(run: (q: PlekQuery) => Promise<unknown>, queries: PlekQuery[]) {
  for (const q of queries.slice(0, 20)) await run(q) // warm-up
  const samples: number[] = []
  const cpu: number[] = []
  for (const q of queries) {
    const before = process.cpuUsage()
    samples.push((await time(() => run(q)))[0])
    const used = process.cpuUsage(before)
    cpu.push((used.user + used.system) / 1000)
  }
  const c = percentiles(cpu)
  return { ...percentiles(samples), cpu: { p50: c.p50, p95: c.p95 } }
}

function toQueryString(q: PlekQuery): string {
  const p = new URLSearchParams()
  if (q.q) p.set('q', q.q)
  for (const s of q.filters.sector ?? []) p.append('sector', s)
  for (const b of q.filters.begeleiding ?? []) p.append('begeleiding', b)
  for (const d of q.filters.dagdelen ?? []) p.append('dagdelen', d)
  if (q.filters.urenMax !== undefined) p.set('urenMax', String(q.filters.urenMax))
  if (q.geo) {
    p.set('lat', String(q.geo.lat))
    p.set('lon', String(q.geo.lon))
    if (q.geo.straalKm) p.set('straalKm', String(q.geo.straalKm))
  }
  p.set('sort', q.sort)
  return p.toString()
}

/**
 * The relevance suite (test/search/relevantie.ts): nDCG@5 and the share of judgments met, for the
 * embedded engine and, as the reference in the same run, plain Orama used the obvious way.
 */
async function relevanceBench() {
  const ours = new EmbeddedSearchIndex()
  await ours.upsert(relevantieCorpus)
  const ref = new ReferenceOrama()
  await ref.upsert(relevantieCorpus)
  const summary = ({ perQuery, ...r }: Awaited<ReturnType<typeof evaluate>>) => ({ ...r, missed: perQuery.filter((q) => q.missed.length).map((q) => `${q.q}: ${q.missed.join('; ')}`) })
  return {
    embedded: summary(await evaluate(ours)),
    referencePlainOrama: summary(
      await evaluate({ ids: async (q) => (await ref.search({ q, filters: {}, sort: 'relevantie', page: 1, perPage: 100 })).hits.map((h) => h.id) }),
    ),
  }
}

export async function searchBench(opts: { sizes: number[]; queries: number }) {
  const out: Record<string, unknown> = { relevantie: await relevanceBench() }
  for (const size of opts.sizes) {
    gc()
    const corpus = makeCorpus(size)
    const rssBefore = rssMiB()
    const ours = new EmbeddedSearchIndex()
    const buildCpu = process.cpuUsage()
    const [buildMs] = await time(async () => {
      for (let i = 0; i < corpus.length; i += 2000) await ours.upsert(corpus.slice(i, i + 2000))
    })
    const buildCpuUsed = process.cpuUsage(buildCpu)
    gc()
    const rssOurs = rssMiB()
    const sets = Object.fromEntries(shapes.map((s, i) => [s, queriesFor(s, opts.queries, 1000 + i)])) as Record<Shape, PlekQuery[]>

    const inProcess: Record<string, Awaited<ReturnType<typeof measure>>> = {}
    for (const s of shapes) inProcess[s] = await measure((q) => ours.search(q), sets[s])

    // Through HTTP: the real app and route, logged in as a jobhunter, over a real socket.
    const t = await testApp({ LOG_REQUESTS: 'false' }, ours)
    t.app.get('/api/ping', (c) => c.text('ok')) // reference (b): a trivial route beside /api/zoeken
    const jobhunter = await t.makeUser('jobhunter')
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((r) => server.once('listening', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    // The HTTP client runs in a child process (the other core), so its own work is not counted
    // as server time; the server answers on its one thread exactly as in production.
    const http: Record<string, ReturnType<typeof percentiles> & { overheadP50Ms?: number }> = {}
    const dir = mkdtempSync(join(tmpdir(), 'pp-bench-'))
    const sequential = async (name: string, paths: string[]) => {
      const file = join(dir, `${name}.json`)
      writeFileSync(file, JSON.stringify({ base, cookie: jobhunter.cookie, paths: [...paths.slice(0, 20), ...paths] }))
      return percentiles(JSON.parse(await execFileAsync(process.execPath, ['--import', 'tsx', new URL('./http-client.ts', import.meta.url).pathname, file])) as number[])
    }
    // The floor: one request to a trivial route over the same connection (socket, HTTP parsing, session).
    http.ping = await sequential('ping', Array.from({ length: opts.queries }, () => '/api/ping'))
    for (const s of shapes) {
      const p = await sequential(s, sets[s].map((q) => `/api/zoeken?${toQueryString(q)}`))
      http[s] = { ...p, overheadP50Ms: Math.round((p.p50 - inProcess[s]!.p50) * 100) / 100 }
    }
    const throughput = async (path: string) => {
      const r = await autocannon({ url: `${base}${path}`, connections: 10, duration: 3, headers: { cookie: jobhunter.cookie } })
      return { requestsPerSecond: Math.round(r.requests.average), non2xx: r.non2xx, p50Ms: r.latency.p50, p99Ms: r.latency.p99 }
    }
    const ping = await throughput('/api/ping')
    const zoeken = await throughput(`/api/zoeken?${toQueryString(sets.bladerenFacetten[1]!)}`)
    await new Promise((r) => server.close(r))
    t.close()

    // Reference (a): plain Orama, the obvious way.
    gc()
    const ref = new ReferenceOrama()
    const refBuildCpu = process.cpuUsage()
    const [refBuildMs] = await time(async () => {
      for (let i = 0; i < corpus.length; i += 2000) await ref.upsert(corpus.slice(i, i + 2000))
    })
    const refBuildCpuUsed = process.cpuUsage(refBuildCpu)
    const reference: Record<string, Awaited<ReturnType<typeof measure>>> = {}
    // the reference is slow at 100k (seconds per query for some shapes): fewer samples there
    const refQueries = size > 20_000 ? Math.min(opts.queries, 80) : opts.queries
    for (const s of shapes) reference[s] = await measure((q) => ref.search(q), sets[s].slice(0, refQueries))

    const ratio = Object.fromEntries(
      shapes.map((s) => [s, { p50: Math.round((reference[s]!.p50 / inProcess[s]!.p50) * 10) / 10, p95: Math.round((reference[s]!.p95 / inProcess[s]!.p95) * 10) / 10 }]),
    )
    out[String(size)] = {
      documents: size,
      build: { ms: Math.round(buildMs), cpuMs: Math.round((buildCpuUsed.user + buildCpuUsed.system) / 1000), rssMiB: rssOurs, rssGrowthMiB: rssOurs - rssBefore },
      inProcess,
      http,
      referencePlainOrama: { buildMs: Math.round(refBuildMs), buildCpuMs: Math.round((refBuildCpuUsed.user + refBuildCpuUsed.system) / 1000), ...reference },
      speedupVersusPlainOrama: ratio,
      throughput: { ping, zoeken, zoekenVersusPing: Math.round((zoeken.requestsPerSecond / ping.requestsPerSecond) * 100) / 100 },
    }
    console.error(`search bench: ${size} documents done`)
  }
  return out
}
