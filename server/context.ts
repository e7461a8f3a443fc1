import type { Db } from '../db/client.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import type { Rol } from './domain/enums.js'
import type { SearchRuntime } from '../search/engine.js'

/** Everything a service needs from the outside world; injected so tests use real parts with a moved clock. */
export interface Deps {
  db: Db
  clock: Clock
  config: Config
  log: (line: Record<string, unknown>) => void
  /** The search adapter, its outbox worker and start-up state; absent only in tools that do not search. */
  search?: Pick<SearchRuntime, 'index' | 'indexer' | 'state'>
  /** The background workers of meldingen (server/meldingen): woken after a commit that gives them work. */
  meldingen?: { mail: { wake(): void }; signalering: { wake(): void } }
}

/** The logged-in person, always taken from the session, never from a request body. */
export interface Actor {
  id: string
  email: string
  naam: string
  rol: Rol
  organisatieId: string | null
}

/** What a service verb receives: the dependencies and who is asking. */
export interface Ctx extends Deps {
  actor: Actor
}

export type AppEnv = {
  Variables: {
    deps: Deps
    actor: Actor | undefined
    sessionTokenHash: string | undefined
    requestId: string
  }
}
