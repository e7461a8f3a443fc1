import { serve } from '@hono/node-server'
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

// Entry point of `npm start`: config, database (migrations applied), start-up data, HTTP server.

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

const database = await openDatabase(config.databaseUrl, config.databaseAuthToken).catch((e: unknown) => {
  // a refused token or an unreachable server: one line naming the setting, as for a bad value
  const reden = describeOpenFailure(e, config.databaseUrl, config.databaseAuthToken)
  if (!reden) throw e
  console.error(reden)
  process.exit(1)
})
const log = (line: Record<string, unknown>) => console.log(JSON.stringify(line))
const deps: Deps = { db: database.db, clock: systemClock, config, log }
const lines = await bootstrap(deps)
// Search starts after the start-up data exists; the embedded index fills in the background.
const search = startSearch(database.db, systemClock, createSearchIndex(config), log)
deps.search = search
// then the matcher's memory of plekken, so the first aanbodgericht matches are not the slow ones
void search.ready
  .then(() => warmMatchPlekken(database.db, log))
  .catch((e: unknown) => log({ event: 'matcher-warm-mislukt', ...errorLogFields(e) }))
// the retention rule and removing expired sessions, a minute after start and then daily
const stopDailyJobs = scheduleDailyJobs(deps)
const app = createApp(deps)

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Participatieplekken draait op http://localhost:${info.port} (database: ${redact(config.databaseUrl)}; zoeken: ${config.meili ? 'Meilisearch' : 'ingebouwd'})`)
  for (const line of lines) console.log(line)
})

server.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EADDRINUSE') console.error(`Poort ${config.port} is al in gebruik. Stop het andere proces of kies een andere poort met PORT=…`)
  else console.error(`De server kan niet starten: ${e.message}`)
  process.exit(1)
})

function redact(url: string) {
  return url.replace(/\/\/[^@/]*@/, '//***@')
}

let stopping = false
function stop(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`${signal} ontvangen: server stopt.`)
  stopDailyJobs()
  search.stop()
  server.close(() => {
    database.close()
    process.exit(0)
  })
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
