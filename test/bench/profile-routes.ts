import { warmMatchPlekken } from '../../server/services/match-plekken.js'
import { prng } from './corpus.js'
import { cpuProfiler, openInProcess } from './in-process.js'
import { percentiles } from './stats.js'

// Where the time of one request goes, in process (app.request, no sockets): the three routes the
// load bench weighs most, against GET /api/sessie, on the demo data or on a large data set.
//
//   node --import tsx test/bench/profile-routes.ts [demo|groot] [n] [route,route] [profile-dir]
//
// With a profile directory, each route's requests (and nothing of the set-up) are recorded as a V8
// CPU profile, <dir>/<route>.cpuprofile (open it in Chrome DevTools or speedscope).
// `groot` prepares 100,000 plekken and 10,000 deelnemers once in $TMPDIR/pp-profile/ and reuses
// that file afterwards (delete it to start over). Prints per route: requests, ms per request
// (wall, sequential), and the share of the whole run.

const scale = process.argv[2] ?? 'demo'
const n = Number(process.argv[3] ?? 2000)
const { app, cookie, database, close } = await openInProcess(scale)
await warmMatchPlekken(database.db)

// ids as the jobhunter lists them: only the deelnemers of their werkgebied
const ids = async (path: string) => {
  const out: string[] = []
  for (let page = 1; page <= 5; page++) {
    const res = await app.request(`http://localhost${path}&perPage=100&page=${page}`, { headers: { cookie } })
    out.push(...((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id))
  }
  return out
}
const plekIds = await ids('/api/plekken?status=gepubliceerd')
const deelnemerIds = await ids('/api/deelnemers?status=zoekend')
const rnd = prng(3)
const pick = <T>(l: T[]) => l[Math.floor(rnd() * l.length)]!
const zoek = ['q=magazijnmedewerkr', 'q=keuken&sector=horeca&urenMax=24', 'postcode=3311&straalKm=15&sort=afstand', 'sort=nieuwste&page=2', 'q=schoon']

const routes: Record<string, () => string> = {
  sessie: () => '/api/sessie',
  zoeken: () => `/api/zoeken?${pick(zoek)}`,
  aanbodgericht: () => `/api/deelnemers/${pick(deelnemerIds)}/matches?limit=20`,
  vraaggericht: () => `/api/plekken/${pick(plekIds)}/matches?limit=20`,
}
const only = process.argv[4]?.split(',')
const profileDir = process.argv[5]
const profiler = await cpuProfiler(profileDir)
const out: Record<string, unknown> = {}
for (const [name, path] of Object.entries(routes)) {
  if (only && !only.includes(name)) continue
  // a few rounds first, so the profile shows the steady state
  for (let i = 0; i < 20; i++) await (await app.request(`http://localhost${path()}`, { headers: { cookie } })).text()
  await profiler.start()
  const samples: number[] = []
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const res = await app.request(`http://localhost${path()}`, { headers: { cookie } })
    await res.text()
    if (res.status !== 200) throw new Error(`${name}: ${res.status}`)
    samples.push(performance.now() - t0)
  }
  await profiler.stop(name)
  const cpu = process.cpuUsage(cpu0)
  const total = samples.reduce((a, b) => a + b, 0)
  // CPU time of this process per request: steadier than wall time on a machine shared with other work
  out[name] = { ...percentiles(samples), meanMs: Math.round((total / n) * 1000) / 1000, cpuMs: Math.round((cpu.user + cpu.system) / n) / 1000 }
}
console.log(JSON.stringify({ scale, n, routes: out }, null, 2))
close()
process.exit(0)
