import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { begeleidingSoorten, dagdelen, niveaus, sectoren } from '../../server/domain/enums.js'
import { allSearchable } from '../../search/documents.js'
import type { PlekQuery } from '../../search/port.js'
import { prng } from './corpus.js'
import { cpuProfiler, openInProcess } from './in-process.js'

// Where /api/zoeken's time goes per query shape, in process (app.request, no sockets): the shapes
// of the load bench's search traffic (typos; words with sectors, begeleiding and uren; postcode +
// 15 km by distance; browsing by newest, half of it filtered; prefixes), each measured alone as CPU
// ms per request and answer size, with GET /api/sessie as the reference; and the index's
// kandidaten() with a radius of 5–40 km (aanbodgericht matching), with and without filters.
//
//   node --import tsx test/bench/zoeken-vormen.ts [demo|groot] [n per shape] [answers-file] [profile-dir]
//
// With an answers file: when it does not exist, a hash of every answer (without tijdMs) is written
// to it; when it does, the answers are compared with it and every difference is printed. So a change
// to the engine can be checked for the same answers on 100,000 plekken, before and after. With a
// profile directory, each shape's requests are recorded as a V8 CPU profile, <dir>/<shape>.cpuprofile.
// Last (after the answers), what a write costs the index: an edit of one plek applied to it, and an
// unfiltered browse right after each edit (every instance applies every edit).

const scale = process.argv[2] ?? 'demo'
const n = Number(process.argv[3] ?? 300)
const answersFile = process.argv[4] || undefined
const profileDir = process.argv[5]
const profiler = await cpuProfiler(profileDir)
const { app, cookie, database, search, close } = await openInProcess(scale)

const postcodes = readFileSync(new URL('../../db/data/pc4-nl.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','))
const rnd = prng(5)
const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!
const typos = ['magazijnmedewerkr', 'schoonmakr', 'verzorgnde', 'keukenhlp', 'hovenir', 'vakkenvuler', 'productiemedewerkr', 'receptionst']
const words = ['medewerker', 'buddy', 'keuken', 'magazijn', 'zorg', 'uitleg', 'klanten', 'werkoverleg', 'plek']
const prefixes = ['magaz', 'schoon', 'verzor', 'keuk', 'hoven', 'vakken', 'produc', 'recep']

/** The load bench's five shapes (test/bench/load.ts, zoekPaden), as query strings. */
const shapes: Record<string, () => URLSearchParams> = {
  typfout: () => new URLSearchParams({ q: pick(typos) }),
  woordFiltersFacetten: () => {
    const p = new URLSearchParams({ q: pick(words) })
    p.append('sector', pick(sectoren))
    p.append('sector', pick(sectoren))
    p.append('begeleiding', pick(begeleidingSoorten))
    p.set('urenMax', '24')
    return p
  },
  postcode15kmAfstand: () => new URLSearchParams({ postcode: pick(postcodes)[0]!, straalKm: '15', sort: 'afstand' }),
  bladerenFacetten: () => {
    const p = new URLSearchParams()
    if (rnd() < 0.5) {
      p.append('sector', pick(sectoren))
      p.append('dagdelen', pick(dagdelen))
    }
    p.set('sort', 'nieuwste')
    p.set('page', String(1 + Math.floor(rnd() * 3)))
    return p
  },
  prefix: () => new URLSearchParams({ q: pick(prefixes) }),
}

const request = async (path: string) => {
  const res = await app.request(`http://localhost${path}`, { headers: { cookie } })
  const body = await res.text()
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`)
  return body
}
const answers: Record<string, string> = {}
const record = (key: string, answer: unknown) => (answers[key] = createHash('sha1').update(JSON.stringify(answer)).digest('hex'))

const measure = async (name: string, paths: string[], run: (p: string) => Promise<number>) => {
  for (const p of paths.slice(0, 100)) await run(p) // warm up
  let bytes = 0
  await profiler.start()
  const cpu0 = process.cpuUsage()
  for (const p of paths) bytes += await run(p)
  const cpu = process.cpuUsage(cpu0)
  await profiler.stop(name)
  return { cpuMs: Math.round((cpu.user + cpu.system) / paths.length) / 1000, kB: Math.round(bytes / paths.length / 100) / 10 }
}

const out: Record<string, unknown> = {}
const paths: Record<string, string[]> = {}
for (const [name, shape] of Object.entries(shapes)) paths[name] = Array.from({ length: n }, () => `/api/zoeken?${shape()}`)
// All five shapes in the load's proportions (one of each in turn).
paths.gemengd = Array.from({ length: n }, (_, i) => paths[Object.keys(shapes)[i % 5]!]![i]!)
const size = async (p: string) => (await request(p)).length
for (const [name, list] of Object.entries({ sessie: Array<string>(n).fill('/api/sessie'), ...paths })) out[name] = await measure(name, list, size)

// kandidaten(): the candidates of aanbodgericht matching (5–40 km), and with the matcher's filters
const index = search.index
const kandidaatQueries: Pick<PlekQuery, 'filters' | 'geo'>[] = Array.from({ length: n }, (_, i) => {
  const [, , lat, lon] = pick(postcodes).map(Number)
  const geo = { lat: lat!, lon: lon!, straalKm: pick([5, 10, 15, 25, 40]) }
  if (i % 2 === 0) return { filters: {}, geo }
  return { filters: { urenMin: pick([4, 8, 16]), dagdelen: [pick(dagdelen), pick(dagdelen)], maxNiveau: { spreken: pick(niveaus), lezen: pick(niveaus) }, binnenSchooltijden: rnd() < 0.5 ? true : undefined }, geo }
})
const kandidaten = (i: number) => index.kandidaten(kandidaatQueries[i % n]!, 20_000)
let kq = 0
out.kandidaten = await measure('kandidaten', kandidaatQueries.map(() => ''), async () => (await kandidaten(kq++)).length * 20)

// the answers, outside the measurements
for (const list of Object.values(paths)) {
  for (const p of list) {
    const { tijdMs: _, ...rest } = JSON.parse(await request(p))
    record(p, rest)
  }
}
for (let i = 0; i < n; i++) record(`kandidaten ${JSON.stringify(kandidaatQueries[i])}`, await kandidaten(i))

// writes, after the answers: they change the index
const [page] = await allSearchable(database.db).next().then((r) => [r.value ?? []])
let edits = 0
const edit = async () => {
  const d = page[edits++ % page.length]!
  await index.upsert([{ ...d, versie: d.versie + edits, titel: `${d.titel} ${edits % 2 ? '(gewijzigd)' : ''}`.trim() }])
}
out.wijziging = await measure('wijziging', Array<string>(n).fill(''), async () => (await edit(), 0))
out.bladerenNaWijziging = await measure('bladerenNaWijziging', Array<string>(n).fill('/api/zoeken?sort=nieuwste'), async (p) => (await edit(), await size(p)))
console.log(JSON.stringify({ scale, n, routes: out }))

if (answersFile) {
  if (!existsSync(answersFile)) {
    writeFileSync(answersFile, JSON.stringify(answers))
    console.log(`${Object.keys(answers).length} answers written to ${answersFile}`)
  } else {
    const before = JSON.parse(readFileSync(answersFile, 'utf8')) as Record<string, string>
    const differ = Object.keys(before).filter((k) => k in answers && before[k] !== answers[k])
    const compared = Object.keys(before).filter((k) => k in answers).length
    console.log(`${compared} answers compared, ${differ.length} differ`)
    for (const k of differ.slice(0, 20)) console.log('  differs:', k)
  }
}
close()
process.exit(0)
