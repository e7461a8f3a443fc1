import { expect } from 'vitest'
import { openDatabase, type Database } from '../../db/client.js'
import { gemeente, organisatie } from '../../db/schema.js'
import { createApp } from '../../server/app.js'
import { systemClock } from '../../server/clock.js'
import { loadConfig } from '../../server/config.js'
import type { Deps } from '../../server/context.js'
import type { Rol } from '../../server/domain/enums.js'
import { insertGebruiker } from '../../server/services/gebruikers.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { createIndexer, startSearch, type SearchRuntime } from '../../search/engine.js'
import type { SearchIndex } from '../../search/port.js'
import { requester, WACHTWOORD } from '../helpers.js'

// The real app in this process, like test/helpers.ts's testApp, but on a database URL of the
// test's choosing (a file, so another process can lock it), with the system clock, and optionally
// with the real background search worker (startSearch) instead of explicit drains.

export async function faultApp(opts: { url?: string; busyTimeoutMs?: number; index?: SearchIndex; background?: boolean } = {}) {
  const database: Database = await openDatabase(opts.url ?? ':memory:', undefined, { busyTimeoutMs: opts.busyTimeoutMs })
  const logs: Record<string, unknown>[] = []
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOG_REQUESTS: 'false' })
  const index = opts.index ?? new EmbeddedSearchIndex()
  const log = (l: Record<string, unknown>) => void logs.push(l)
  const deps: Deps = { db: database.db, clock: systemClock, config, log }
  let runtime: SearchRuntime | undefined
  if (opts.background) {
    runtime = startSearch(database.db, systemClock, index, log)
    deps.search = runtime
    await runtime.ready
  } else {
    deps.search = { index, indexer: createIndexer(database.db, index, systemClock, { log }), state: () => 'klaar' }
  }
  const app = createApp(deps)

  const request = requester(app)
  // one gemeente every account but a werkgever works in, as test/helpers.ts does (deelnemers need one)
  const DORDRECHT = 'gemeente-GM0505'
  const created = new Date().toISOString()
  await database.db.insert(gemeente).values({ id: DORDRECHT, naam: 'Dordrecht', cbsCode: 'GM0505', createdAt: created, updatedAt: created })

  let n = 0
  async function makeUser(rol: Rol) {
    let organisatieId: string | undefined
    if (rol === 'werkgever') {
      organisatieId = `org-fault-${++n}`
      const now = new Date().toISOString()
      await database.db.insert(organisatie).values({
        id: organisatieId, naam: `Organisatie ${n}`, soort: 'werkgever', postcode: '3311 AB', plaats: 'Dordrecht',
        contactpersoon: { naam: 'Petra de Vries', email: 'petra@voorbeeld.example', telefoon: '078-123 45 67' },
        createdAt: now, updatedAt: now,
      })
    }
    const email = `${rol}${++n}@fault.example`
    const g = await insertGebruiker(deps, { email, wachtwoord: WACHTWOORD, naam: `Test ${rol}`, rol, organisatieId, werkgebied: rol === 'werkgever' ? [] : [DORDRECHT] })
    const res = await request('POST', '/api/sessie', { body: { email, wachtwoord: WACHTWOORD } })
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`)
    return { ...g, cookie: res.headers.get('set-cookie')!.split(';')[0]! }
  }

  return {
    app, deps, database, logs, index, request, makeUser,
    indexer: deps.search.indexer,
    close() {
      runtime?.stop()
      database.close()
    },
  }
}

/** The contract's error shape: `{ error: { code, message } }` with a Dutch message. */
export const errorShape = (code: string) => ({ error: { code, message: expect.stringMatching(/[a-z]/) } })
