import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { deelnemer, organisatie, plek } from '../../db/schema.js'
import { begeleidingSoorten, dagdelen, sectoren, taalrijkheidItems, vormen, niveaus } from '../../server/domain/enums.js'
import { deelnemerInput } from '../../server/domain/deelnemer.js'
import { plekInput } from '../../server/domain/plek.js'
import { plekColumns } from '../../server/services/plekken.js'
import { deelnemerColumns } from '../../server/services/deelnemers.js'
import { matchPlekkenForDeelnemer, matchDeelnemersForPlek } from '../../server/services/matches.js'
import { warmMatchPlekken } from '../../server/services/match-plekken.js'
import { evaluate } from '../../server/matching/rank.js'
import { standaardConfig } from '../../server/matching/config.js'
import { afstandKm } from '../../server/domain/geo.js'
import { toDocument } from '../../search/documents.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { testApp } from '../helpers.js'
import { prng } from './corpus.js'
import { readFileSync } from 'node:fs'
import { gc, percentiles, rssMiB, time } from './stats.js'

// `npm run bench -- match`: both match endpoints on 100,000 plekken and 10,000 deelnemers in a
// real libSQL database and the embedded index, in process and over HTTP. References measured in
// the same run: (a) the naive way, scoring every gepubliceerde plek or zoekende deelnemer without
// narrowing; (b) a trivial route on the same server, the HTTP floor.

const execFileAsync = async (cmd: string, args: string[]) => (await promisify(execFile)(cmd, args, { maxBuffer: 16 << 20 })).stdout

const postcodes = readFileSync(new URL('../../db/data/pc4-nl.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!)

/** `n` valid plek inputs with the value spread of the demo data; also used by load.ts. */
export function plekken(n: number, rnd: () => number) {
  const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!
  const lvl = (max: number) => niveaus[Math.floor(rnd() * (max + 1))]!
  return Array.from({ length: n }, (_, i) => {
    const urenMin = 8 + Math.floor(rnd() * 9)
    return plekInput.parse({
      titel: `Plek ${i}`,
      omschrijving: 'Je werkt samen met vaste collega’s die Nederlands met je spreken.',
      beroep: 'medewerker',
      sector: pick(sectoren),
      vorm: pick(vormen),
      postcode: pick(postcodes),
      urenPerWeek: { min: urenMin, max: urenMin + Math.floor(rnd() * 9) },
      dagdelen: [pick(dagdelen.slice(0, 15)), ...dagdelen.filter((d) => !d.startsWith('z') && rnd() < 0.2)].filter((d, k, l) => l.indexOf(d) === k),
      capaciteit: 1 + Math.floor(rnd() * 3),
      taalniveau: { spreken: lvl(3), luisteren: lvl(3), lezen: lvl(2), schrijven: lvl(2) },
      lagerNiveauMetOndersteuning: rnd() < 0.5,
      taalrijkheid: Object.fromEntries(taalrijkheidItems.map((k) => [k, rnd() < 0.5])),
      begeleiding: begeleidingSoorten.filter(() => rnd() < 0.4),
      opbouw: rnd() < 0.5,
      fysiekeBelasting: pick(['laag', 'middel', 'hoog']),
      werkdruk: pick(['laag', 'middel', 'hoog']),
      binnenSchooltijden: rnd() < 0.3,
      vereisten: { rijbewijs: rnd() < 0.1, vog: rnd() < 0.3, vca: rnd() < 0.1 },
      vergoeding: { soort: pick(['geen', 'onkostenvergoeding', 'loon']) },
    })
  })
}

/** `n` valid deelnemer inputs (85% zoekend); also used by load.ts. */
export function deelnemers(n: number, rnd: () => number) {
  const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!
  const lvl = () => niveaus[Math.floor(rnd() * 4)]!
  return Array.from({ length: n }, (_, i) => {
    const taalles = dagdelen.filter((d) => d.endsWith('ochtend') && !d.startsWith('z') && rnd() < 0.3)
    const urenMin = 8 + Math.floor(rnd() * 9)
    return deelnemerInput.parse({
      naam: `Deelnemer ${i}`,
      geboortejaar: 1970 + Math.floor(rnd() * 35),
      postcode: pick(postcodes),
      doelgroep: pick(['asielstatushouder', 'gezinsmigrant']),
      leerroute: pick(['b1-route', 'onderwijsroute', 'z-route']),
      taalniveau: { spreken: lvl(), luisteren: lvl(), lezen: lvl(), schrijven: lvl() },
      geletterdheid: 'gealfabetiseerd',
      beschikbareDagdelen: dagdelen.filter((d) => !taalles.includes(d) && !d.startsWith('z') && rnd() < 0.5),
      taallesDagdelen: taalles,
      urenPerWeek: { min: urenMin, max: urenMin + Math.floor(rnd() * 12) },
      kinderopvang: pick(['niet-nodig', 'geregeld', 'nodig']),
      mobiliteit: { fiets: true, ov: rnd() < 0.6, rijbewijs: rnd() < 0.2, auto: rnd() < 0.1, maxReisafstandKm: 3 + Math.floor(rnd() * 23) },
      belastbaarheid: pick(['laag', 'middel', 'hoog']),
      wensen: { sectoren: sectoren.filter(() => rnd() < 0.15), vormen: [] },
      status: rnd() < 0.85 ? 'zoekend' : 'intake',
    })
  })
}

export async function matchBench(opts: { plekken: number; deelnemers: number; queries: number }) {
  const rnd = prng(7)
  const t = await testApp({ LOG_REQUESTS: 'false' }, new EmbeddedSearchIndex())
  t.app.get('/api/ping', (c) => c.text('ok')) // reference (b), added before the router is built
  const jobhunter = await t.makeUser('jobhunter')
  const orgId = await t.makeOrganisatie('Bench organisatie')
  const [naam] = (await t.deps.db.select({ naam: organisatie.naam }).from(organisatie).where(eq(organisatie.id, orgId))).map((r) => r.naam)
  const now = '2026-11-23T09:00:00.000Z'

  const [loadMs] = await time(async () => {
    const ps = plekken(opts.plekken, rnd)
    for (let i = 0; i < ps.length; i += 500) {
      const rows = ps.slice(i, i + 500).map((p, j) => ({
        ...plekColumns(p), id: `bench-plek-${i + j}`, organisatieId: orgId, status: 'gepubliceerd', publishedAt: now, createdAt: now, updatedAt: now,
      }))
      await t.deps.db.insert(plek).values(rows)
      await t.index.upsert(rows.map((r) => toDocument({ ...r, bezet: 0, versie: 1 } as typeof plek.$inferSelect, naam!)))
    }
    const ds = deelnemers(opts.deelnemers, rnd)
    for (let i = 0; i < ds.length; i += 500) {
      await t.deps.db.insert(deelnemer).values(ds.slice(i, i + 500).map((d, j) => ({ ...deelnemerColumns(d), id: `bench-deelnemer-${i + j}`, gemeenteId: 'gemeente-GM0505', createdAt: now, updatedAt: now })))
    }
  })
  console.error(`match bench: ${opts.plekken} plekken and ${opts.deelnemers} deelnemers loaded in ${Math.round(loadMs)} ms`)
  // as the server does after start (server/main.ts): the matcher's memory of plekken, in the background there
  const [warmMs] = await time(() => warmMatchPlekken(t.deps.db))

  const ctx = { ...t.deps, actor: { id: jobhunter.id, email: jobhunter.email, naam: 'Bench', rol: 'jobhunter' as const, organisatieId: null } }
  const query = { limit: 50, inclusiefUitgesloten: false }
  const pickIds = (prefix: string, n: number, total: number) => Array.from({ length: n }, () => `${prefix}${Math.floor(rnd() * total)}`)
  const deelnemerIds = pickIds('bench-deelnemer-', opts.queries, opts.deelnemers)
  const plekIds = pickIds('bench-plek-', opts.queries, opts.plekken)

  const measure = async (ids: string[], run: (id: string) => Promise<{ kandidaten: number }>) => {
    for (const id of ids.slice(0, 10)) await run(id)
    const samples: number[] = []
    let kandidaten = 0
    for (const id of ids) {
      const [ms, r] = await time(() => run(id))
      samples.push(ms)
      kandidaten += r.kandidaten
    }
    return { ...percentiles(samples), gemiddeldKandidaten: Math.round(kandidaten / ids.length) }
  }
  gc()
  const inProcess = {
    aanbodgericht: await measure(deelnemerIds, (id) => matchPlekkenForDeelnemer({ ctx, id, query })),
    vraaggericht: await measure(plekIds, (id) => matchDeelnemersForPlek({ ctx, id, query })),
  }

  // Over HTTP: the real app over a real socket; the client runs in a child process.
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((r) => server.once('listening', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-match-'))
  const sequential = async (name: string, paths: string[]) => {
    const file = join(dir, `${name}.json`)
    writeFileSync(file, JSON.stringify({ base, cookie: jobhunter.cookie, paths: [...paths.slice(0, 20), ...paths] }))
    return percentiles(JSON.parse(await execFileAsync(process.execPath, ['--import', 'tsx', new URL('./http-client.ts', import.meta.url).pathname, file])) as number[])
  }
  const http = {
    ping: await sequential('ping', deelnemerIds.map(() => '/api/ping')),
    aanbodgericht: await sequential('aanbod', deelnemerIds.map((id) => `/api/deelnemers/${id}/matches?limit=50`)),
    vraaggericht: await sequential('vraag', plekIds.map((id) => `/api/plekken/${id}/matches?limit=50`)),
  }
  const rssNaMatchen = rssMiB()
  // Reference (a): no narrowing. Load every candidate of the direction and score them all.
  const naive = async (id: string) => {
    const row = (await t.deps.db.select().from(deelnemer).where(eq(deelnemer.id, id)))[0]!
    const p = row.profiel as Record<string, any>
    const d = { ...p, id: row.id, lat: row.lat, lon: row.lon } as any
    let n = 0
    for (const r of await t.deps.db.select().from(plek).where(eq(plek.status, 'gepubliceerd'))) {
      const mp = { ...r, urenPerWeek: { min: r.urenMin, max: r.urenMax } } as any
      evaluate(d, mp, 'aanbodgericht', standaardConfig.aanbodgericht, afstandKm(d, r), r.id)
      n++
    }
    return { kandidaten: n }
  }
  const referenceNaive = { aanbodgericht: await measure(deelnemerIds.slice(0, Math.min(opts.plekken > 20_000 ? 5 : 20, opts.queries)), naive) }

  await new Promise((r) => server.close(r))
  t.close()
  return {
    plekken: opts.plekken,
    deelnemers: opts.deelnemers,
    loadMs: Math.round(loadMs),
    matcherWarmMs: Math.round(warmMs),
    rssMiB: rssNaMatchen,
    target: 'p95 ≤ 50 ms per endpoint',
    inProcess,
    http,
    referenceNaive,
    speedupVersusNaive: { aanbodgerichtP50: Math.round((referenceNaive.aanbodgericht.p50 / inProcess.aanbodgericht.p50) * 10) / 10 },
  }
}
