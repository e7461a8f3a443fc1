import { serve } from '@hono/node-server'
import cluster from 'node:cluster'
import { describeOpenFailure, openDatabase } from '../db/client.js'
import { ConfigError, loadConfig, type Config } from './config.js'
import { systemClock } from './clock.js'
import { createApp } from './app.js'
import { bootstrap } from './bootstrap.js'
import type { Deps } from './context.js'
import { createSearchIndex, startSearch } from '../search/engine.js'
import { warmMatchPlekken } from './services/match-plekken.js'
import { scheduleDailyJobs } from './daily-jobs.js'
import { errorLogFields } from './http-errors.js'
import { runPrimary, startLine } from './cluster.js'
import { instanceId, startInstanceMetrics } from './instance.js'
import { startMeldingen } from './meldingen/index.js'

// Entry point of `npm start`: config, database (migrations applied), start-up data, HTTP server.
// With WORKERS=N this process only starts N workers that each run all of it (server/cluster.ts).

let config: Config
try {
  config = loadConfig()
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}

if (config.env === 'production' && !config.totpVerplicht && !process.env.WORKER_SLOT)
  console.warn('Waarschuwing: TOTP_VERPLICHT=false: beheerders loggen zonder tweede stap in. Alleen voor een testinstallatie (docs/security.md).')

// The web app: build dist/client first when it is missing or older than client/ (clean clone, git pull).
if (process.env.SKIP_CLIENT_BUILD !== 'true') {
  try {
    const { ensureClientBuilt } = await import('../client/build.js')
    await ensureClientBuilt()
  } catch (e) {
    // e.g. a production install without devDependencies: the API still runs, the page says what to do
    console.error(`De webapplicatie kon niet gebouwd worden: ${e instanceof Error ? e.message : String(e)}`)
  }
}

// WORKERS=N: from here on this process only forks the N instances and starts a stopped one again
if (config.workers > 1 && cluster.isPrimary) await runPrimary(config)

const log = (line: Record<string, unknown>) => console.log(JSON.stringify(line))
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken, { checkpointInBackground: { log } }).catch((e: unknown) => {
  // a refused token or an unreachable server: one line naming the setting, as for a bad value
  const reden = describeOpenFailure(e, config.databaseUrl, config.databaseAuthToken)
  if (!reden) throw e
  console.error(reden)
  process.exit(1)
})
const deps: Deps = { db: database.db, clock: systemClock, config, log }
const lines = await bootstrap(deps)
// Search starts after the start-up data exists; the embedded index fills in the background.
const search = startSearch(database.db, systemClock, createSearchIndex(config), log)
deps.search = search
// then the matcher's memory of plekken, so the first aanbodgericht matches are not the slow ones
void search.ready
  .then(() => warmMatchPlekken(database.db, log))
  .catch((e: unknown) => log({ event: 'matcher-warm-mislukt', ...errorLogFields(e) }))
// meldingen: proactive matching and the e-mail outbox, in the background (server/meldingen)
const meldingen = startMeldingen(deps)
// the retention rule and removing expired sessions, a minute after start and then daily
const stopDailyJobs = scheduleDailyJobs(deps)
const app = createApp(deps)
// which instance answered (X-Instance on every answer) and what it measures of itself
const metrics = startInstanceMetrics(log, config.logMetricsSeconds)
const fetch = async (request: Request, env: unknown) => {
  metrics.count()
  const res = await app.fetch(request, env)
  res.headers.set('X-Instance', instanceId)
  return res
}

const server = serve({ fetch, port: config.port, hostname: config.host }, (info) => {
  // under WORKERS=N the primary prints the start line once all listen; the first one the accounts
  if (cluster.isWorker) log({ event: 'instantie-luistert', instantie: instanceId, pid: process.pid })
  else console.log(startLine(config, info.port))
  if (!cluster.isWorker || process.env.WORKER_SLOT === '1') for (const line of lines) console.log(line)
})

server.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EADDRINUSE') console.error(`Poort ${config.port} is al in gebruik. Stop het andere proces of kies een andere poort met PORT=…`)
  else console.error(`De server kan niet starten: ${e.message}`)
  process.exit(1)
})

let stopping = false
function stop(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`${signal} ontvangen: server stopt.`)
  stopDailyJobs()
  meldingen.stop()
  metrics.stop()
  search.stop()
  server.close(() => {
    database.close()
    process.exit(0)
  })
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
