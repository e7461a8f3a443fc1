import type { Db } from '../db/client.js'
import { EmbeddedSearchIndex } from './embedded.js'
import { MeiliSearchIndex } from './meilisearch.js'
import { OutboxIndexer } from './indexer.js'
import { markOutboxDone, rebuildIndex } from './rebuild.js'
import { errorFields, type LogLine } from './log.js'
import type { SearchClock, SearchIndex } from './port.js'

// Search's start-up. The server passes in what search needs (database, clock, logger, the
// Meilisearch settings); search/ never reads the server's config or clock itself.

/** Which engine to use: Meilisearch when a URL is given (MEILI_URL), else the embedded engine. */
export interface EngineOptions {
  meili?: { url: string; apiKey?: string }
}

/** The adapter for these options: Meilisearch when a URL is set, else the embedded engine. */
export function createSearchIndex(opts: EngineOptions): SearchIndex {
  return opts.meili ? new MeiliSearchIndex(opts.meili) : new EmbeddedSearchIndex()
}

export interface SearchRuntime {
  index: SearchIndex
  indexer: OutboxIndexer
  /** 'opbouwen' while the embedded index is filled from the database at start-up. */
  state: () => 'opbouwen' | 'klaar'
  ready: Promise<void>
  stop(): void
}

/**
 * Starts search for the server: the embedded index is rebuilt from the database in the background
 * (the server already answers meanwhile), then the outbox worker runs. Meilisearch keeps its data,
 * so only its settings are applied (the worker retries that while the server is unreachable).
 */
export function startSearch(db: Db, clock: SearchClock, index: SearchIndex, log: LogLine): SearchRuntime {
  const indexer = new OutboxIndexer(db, index, clock, { log })
  let state: 'opbouwen' | 'klaar' = index.engine === 'embedded' ? 'opbouwen' : 'klaar'
  const ready = (async () => {
    if (index.engine === 'embedded') {
      const started = performance.now()
      const vanaf = clock.now().toISOString()
      const n = await rebuildIndex(db, index)
      // This process's index now holds everything written before the rebuild began, so those outbox
      // rows are done, also ones a killed process had claimed (they would wait for their claim to
      // expire). Rows written since stay pending for the worker.
      await markOutboxDone(db, vanaf)
      // one throw-away query warms up the tokenizer and code paths, so the first user waits less
      await index.search({ q: 'werk', filters: {}, sort: 'relevantie', page: 1, perPage: 1 })
      log({ t: clock.now().toISOString(), search: 'embedded', indexed: n, ms: Math.round(performance.now() - started) })
    }
    state = 'klaar'
    indexer.start()
  })().catch((e) => {
    state = 'klaar'
    log({ t: clock.now().toISOString(), level: 'error', search: index.engine, step: 'rebuild', ...errorFields(e) })
    indexer.start() // the worker keeps retrying with backoff
  })
  return { index, indexer, state: () => state, ready, stop: () => indexer.stop() }
}
