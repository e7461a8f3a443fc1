import type { Db } from '../db/client.js'
import { EmbeddedSearchIndex } from './embedded.js'
import { MeiliSearchIndex } from './meilisearch.js'
import { FeedIndexer } from './feed.js'
import { OutboxIndexer, type Indexer } from './indexer.js'
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

/**
 * The worker that brings outbox changes into this index: an index in this process (embedded) follows
 * the change feed, every change in every instance; a shared index (Meilisearch) gets each change
 * once, from the instance that claims it (docs/search.md, "Outbox: claims or a feed").
 */
export function createIndexer(db: Db, index: SearchIndex, clock: SearchClock, opts: { log?: LogLine; workerId?: string } = {}): Indexer {
  return index.engine === 'embedded' ? new FeedIndexer(db, index, clock, opts) : new OutboxIndexer(db, index, clock, opts)
}

export interface SearchRuntime {
  index: SearchIndex
  indexer: Indexer
  /** 'opbouwen' while the embedded index is filled from the database at start-up. */
  state: () => 'opbouwen' | 'klaar'
  ready: Promise<void>
  stop(): void
}

/** Backoff of the settings at start: 0.5 s, doubling, at most this. */
const SETTINGS_RETRY_MAX_MS = 30_000

/**
 * Applies the index settings until it succeeds (Meilisearch may start after the app, or be away for
 * a while), with backoff; each failure is logged (kind and code). Ends early when `stopped()`.
 */
export async function applySettingsWithRetry(index: SearchIndex, clock: SearchClock, log: LogLine, stopped: () => boolean, maxMs = SETTINGS_RETRY_MAX_MS): Promise<boolean> {
  for (let attempt = 0; !stopped(); attempt++) {
    try {
      await index.applySettings()
      return true
    } catch (e) {
      const retryInMs = Math.min(maxMs, 500 * 2 ** Math.min(attempt, 16))
      log({ t: clock.now().toISOString(), level: 'warn', search: index.engine, step: 'settings', ...errorFields(e), retryInMs })
      await new Promise((r) => setTimeout(r, retryInMs).unref?.())
    }
  }
  return false
}

/**
 * Starts search for the server. The embedded index is rebuilt from the database in the background
 * (the server already answers meanwhile); its feed position is the head read before the rebuild,
 * so a change committed during it is applied afterwards. Then the worker runs. Meilisearch keeps its
 * data: its settings are applied first (the index created on a fresh server, changed settings put
 * in), retried until Meilisearch answers, before the worker writes and before the adapter lets a
 * search through (until then a search is a 503, never a search on an index without its settings).
 */
export function startSearch(db: Db, clock: SearchClock, index: SearchIndex, log: LogLine): SearchRuntime {
  const indexer = createIndexer(db, index, clock, { log })
  let state: 'opbouwen' | 'klaar' = 'opbouwen'
  let stopped = false
  const ready = (async () => {
    if (!(indexer instanceof FeedIndexer)) {
      if (!(await applySettingsWithRetry(index, clock, log, () => stopped))) return
      log({ t: clock.now().toISOString(), search: index.engine, step: 'settings', ok: true })
    } else {
      const started = performance.now()
      const n = await indexer.rebuild()
      // one throw-away query warms up the tokenizer and code paths, so the first user waits less
      await index.search({ q: 'werk', filters: {}, sort: 'relevantie', page: 1, perPage: 1 })
      log({ t: clock.now().toISOString(), search: 'embedded', indexed: n, position: indexer.position, ms: Math.round(performance.now() - started) })
    }
    state = 'klaar'
    if (!stopped) indexer.start()
  })().catch((e) => {
    state = 'klaar'
    log({ t: clock.now().toISOString(), level: 'error', search: index.engine, step: 'rebuild', ...errorFields(e) })
    indexer.start() // the worker keeps retrying with backoff (the feed rebuilds first: it has no position yet)
  })
  return {
    index,
    indexer,
    state: () => state,
    ready,
    stop: () => {
      stopped = true
      indexer.stop()
    },
  }
}
