import { searchBench } from './search.js'
import { matchBench } from './match.js'
import { loadBench } from './load.js'

// `npm run bench [-- <part>]`: prints figures as JSON on stdout (progress on stderr).
// Every part measures a reference in the same run, so figures can be read as ratios.
const part = process.argv[2] ?? 'all'
const quick = process.env.BENCH_QUICK === '1'
const results: Record<string, unknown> = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length, date: new Date().toISOString() },
}
if (part === 'search' || part === 'all') {
  results.search = await searchBench({ sizes: quick ? [2000] : [5000, 100_000], queries: quick ? 50 : 300 })
}
if (part === 'match' || part === 'all') {
  results.match = await matchBench(quick ? { plekken: 5000, deelnemers: 1000, queries: 30 } : { plekken: 100_000, deelnemers: 10_000, queries: 200 })
}
if (part === 'proactief' || part === 'all') {
  const { proactiefBench } = await import('./proactief.js')
  results.proactief = await proactiefBench(quick ? { plekken: 5000, deelnemers: 1000, publicaties: 10 } : { plekken: 100_000, deelnemers: 10_000, publicaties: 30 })
}
// not part of `all`: it starts the real server five times (and sqld twice) and runs for ~15 minutes
if (part === 'load') {
  const configs = process.env.BENCH_LOAD_CONFIGS?.split(',').map((c) => c.trim())
  results.load = await loadBench(
    quick
      ? { plekken: 10_000, deelnemers: 2000, durationS: 10, referenceS: 3, connections: 50, demo: { connections: 20, durationS: 3, referenceS: 2 }, configs }
      : { plekken: 100_000, deelnemers: 10_000, durationS: Number(process.env.BENCH_LOAD_SECONDS ?? 60), referenceS: 10, connections: 50, demo: { connections: 20, durationS: 10, referenceS: 5 }, configs },
  )
}
if (!['search', 'match', 'proactief', 'load', 'all'].includes(part)) {
  console.error(`Onbekend benchmarkonderdeel "${part}". Kies uit: search, match, proactief, load, all.`)
  process.exit(2)
}
console.log(JSON.stringify(results, null, 2))
process.exit(0)
