import { searchBench } from './search.js'

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
if (!['search', 'all'].includes(part)) {
  console.error(`Onbekend benchmarkonderdeel "${part}". Kies uit: search, all.`)
  process.exit(2)
}
console.log(JSON.stringify(results, null, 2))
process.exit(0)
