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
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { startSearch } from '../../search/engine.js'
import { prepareLarge } from './load.js'

/**
 * The app in this process (app.request, no sockets) on the demo data or on a large data set, with
 * the embedded index filled, and the demo jobhunter's session cookie: the set-up of the in-process
 * benches (profile-routes.ts, zoeken-vormen.ts). `groot` prepares 100,000 plekken and 10,000
 * deelnemers once in $TMPDIR/pp-profile/ and reuses that file afterwards (delete it to start over).
 */
export async function openInProcess(scale: string) {
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
  const app = createApp(deps)
  const [jh] = await database.db.select().from(gebruiker).where(eq(gebruiker.email, 'jobhunter@demo.example'))
  const cookie = `sessie=${await createSession(deps, jh!.id)}`
  const close = () => {
    search.stop()
    database.close()
  }
  return { app, cookie, database, search, close }
}

/** With a directory: a V8 CPU profile of each measured part, <dir>/<name>.cpuprofile; without: nothing. */
export async function cpuProfiler(dir: string | undefined) {
  const session = dir ? new Session() : undefined
  if (session) {
    mkdirSync(dir!, { recursive: true })
    session.connect()
    await session.post('Profiler.enable')
  }
  return {
    start: async () => void (session && (await session.post('Profiler.start'))),
    stop: async (name: string) => {
      if (session) writeFileSync(join(dir!, `${name}.cpuprofile`), JSON.stringify((await session.post('Profiler.stop')).profile))
    },
  }
}
