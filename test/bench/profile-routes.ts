import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../../db/client.js'
import { gebruiker } from '../../db/schema.js'
import { createApp } from '../../server/app.js'
import { createSession } from '../../server/auth/sessions.js'
import { bootstrap } from '../../server/bootstrap.js'
import { systemClock } from '../../server/clock.js'
import { loadConfig } from '../../server/config.js'
import type { Deps } from '../../server/context.js'
import { warmMatchPlekken } from '../../server/services/match-plekken.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { startSearch } from '../../search/engine.js'
import { prng } from './corpus.js'
import { prepareLarge } from './load.js'
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
const dir = join(tmpdir(), 'pp-profile')
mkdirSync(dir, { recursive: true })
const file = join(dir, `${scale}.db`)
if (scale === 'groot' && !existsSync(file)) await prepareLarge(file, { plekken: 100_000, deelnemers: 10_000 })

const database = await openDatabase(`file:${file}`)
const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true', LOG_REQUESTS: 'false' })
const deps: Deps = { db: database.db, clock: systemClock, config, log: () => {} }
await bootstrap(deps)
const search = startSearch(database.db, systemClock, new EmbeddedSearchIndex(), () => {})
deps.search = search
await search.ready
await warmMatchPlekken(database.db)
const app = createApp(deps)
const [jh] = await database.db.select().from(gebruiker).where(eq(gebruiker.email, 'jobhunter@demo.example'))
const cookie = `sessie=${await createSession(deps, jh!.id)}`

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
const inspector = profileDir ? new Session() : undefined
if (inspector) {
  mkdirSync(profileDir!, { recursive: true })
  inspector.connect()
  await inspector.post('Profiler.enable')
}
const out: Record<string, unknown> = {}
for (const [name, path] of Object.entries(routes)) {
  if (only && !only.includes(name)) continue
  // a few rounds first, so the profile shows the steady state
  for (let i = 0; i < 20; i++) await (await app.request(`http://localhost${path()}`, { headers: { cookie } })).text()
  if (inspector) await inspector.post('Profiler.start')
  const samples: number[] = []
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const res = await app.request(`http://localhost${path()}`, { headers: { cookie } })
    await res.text()
    if (res.status !== 200) throw new Error(`${name}: ${res.status}`)
    samples.push(performance.now() - t0)
  }
  if (inspector) writeFileSync(join(profileDir!, `${name}.cpuprofile`), JSON.stringify((await inspector.post('Profiler.stop')).profile))
  const cpu = process.cpuUsage(cpu0)
  const total = samples.reduce((a, b) => a + b, 0)
  // CPU time of this process per request: steadier than wall time on a machine shared with other work
  out[name] = { ...percentiles(samples), meanMs: Math.round((total / n) * 1000) / 1000, cpuMs: Math.round((cpu.user + cpu.system) / n) / 1000 }
}
console.log(JSON.stringify({ scale, n, routes: out }, null, 2))
search.stop()
database.close()
process.exit(0)
