import cluster, { type Worker } from 'node:cluster'
import type { Config } from './config.js'
import { describeMail } from './meldingen/index.js'

// WORKERS=N: N instances of the server on one machine, sharing its port (node:cluster; the
// primary accepts the connections and hands them round robin to the workers). Each worker is a
// whole instance, exactly as a replica behind a proxy: its own database client, its own embedded
// search index that follows the change feed, its own caches (docs/operations.md, "Running N
// instances on one machine"). This primary only starts them, starts a stopped one again, and
// passes SIGTERM/SIGINT on for a clean stop; it opens no database and answers no request.

/** A worker that stops within this long after it started counts as a failed start. */
const FAILED_START_MS = 30_000
/** Waits before a stopped worker is started again: 1 s, doubling for quick repeats, at most 30 s. */
const RESTART_MIN_MS = 1000
const RESTART_MAX_MS = 30_000
/** A worker that does not stop within this long after SIGTERM/SIGINT is killed. */
const STOP_GRACE_MS = 10_000

const logLine = (line: Record<string, unknown>) => console.log(JSON.stringify({ t: new Date().toISOString(), ...line }))

/** The one line that says the server is up, with the database (without credentials) and the engine. */
export function startLine(config: Config, port: number, instances = 1): string {
  const database = config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')
  const wat = instances > 1 ? ` met ${instances} instanties` : ''
  return `Participatieplekken draait op http://localhost:${port}${wat} (database: ${database}; zoeken: ${config.meili ? 'Meilisearch' : 'ingebouwd'}; ${describeMail(config)})`
}

/**
 * Runs the primary of WORKERS=N. The first worker starts alone (it applies the migrations and the
 * start-up data and prints the demo accounts), then the others; once all N listen the primary
 * prints the one "draait op" line. A worker that stops later is started again in the same slot. A
 * worker that stops before it ever listened (a port in use, a database that cannot be opened)
 * stops the whole server with its exit code: retrying would only repeat the error.
 * The returned promise never settles: the primary ends with process.exit.
 */
export function runPrimary(config: Config): Promise<never> {
  const n = config.workers
  const slots = new Map<number, { worker: Worker; startedAt: number; listening: boolean; restartMs: number }>()
  let stopping = false
  let allListening = false

  const fork = (slot: number, restartMs = RESTART_MIN_MS) => {
    // the primary built the web app already; each worker knows its slot (server/instance.ts)
    const worker = cluster.fork({ WORKER_SLOT: String(slot), SKIP_CLIENT_BUILD: 'true' })
    const entry = { worker, startedAt: Date.now(), listening: false, restartMs }
    slots.set(slot, entry)
    worker.once('listening', () => {
      entry.listening = true
      if (slot === 1 && !allListening) for (let s = 2; s <= n; s++) fork(s) // the first one has migrated and seeded
      if (!allListening && slots.size === n && [...slots.values()].every((e) => e.listening)) {
        allListening = true
        const pids = [...slots.values()].map((e) => e.worker.process.pid).join(', ')
        console.log(`${startLine(config, config.port, n)}; processen ${pids}, hoofdproces ${process.pid}`)
      }
    })
    worker.once('exit', (code, signal) => {
      if (slots.get(slot)?.worker !== worker) return
      if (stopping) {
        slots.delete(slot)
        if (slots.size === 0) process.exit(exitCode)
        return
      }
      const lived = Date.now() - entry.startedAt
      if (!entry.listening && !allListening) {
        // never came up during the start: the cause is printed by the worker itself
        console.error(`Instantie ${slot} van ${n} stopte bij het starten (code ${code}, signaal ${signal}); de server stopt.`)
        stopAll('SIGTERM', code && code !== 0 ? code : 1)
        return
      }
      const wait = lived < FAILED_START_MS ? Math.min(entry.restartMs * 2, RESTART_MAX_MS) : RESTART_MIN_MS
      logLine({ level: 'warn', event: 'instantie-gestopt', slot, pid: worker.process.pid, code, signal, herstartOverMs: wait })
      setTimeout(() => {
        if (!stopping) fork(slot, wait)
      }, wait)
    })
  }

  let exitCode = 0
  function stopAll(signal: NodeJS.Signals, code = 0) {
    if (stopping) return
    stopping = true
    exitCode = code
    if (code === 0) console.log(`${signal} ontvangen: de ${n} instanties stoppen.`)
    for (const [slot, { worker }] of slots) {
      if (worker.isDead()) slots.delete(slot)
      else worker.process.kill(signal)
    }
    if (slots.size === 0) process.exit(exitCode)
    setTimeout(() => {
      for (const { worker } of slots.values()) if (!worker.isDead()) worker.process.kill('SIGKILL')
      process.exit(exitCode)
    }, STOP_GRACE_MS).unref()
  }
  process.on('SIGTERM', () => stopAll('SIGTERM'))
  process.on('SIGINT', () => stopAll('SIGINT'))
  // the primary exits with its workers: when the last one exits during a stop, exit with the code
  process.on('exit', () => {
    for (const { worker } of slots.values()) if (!worker.isDead()) worker.process.kill('SIGKILL')
  })

  fork(1)
  return new Promise<never>(() => {})
}
