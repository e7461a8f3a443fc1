import { and, count, eq, inArray, isNull, lt, min, sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { outbox } from '../db/schema.js'
import type { Db } from '../db/client.js'
import { loadIndexState } from './documents.js'
import { readFeedHead } from './feed.js'
import { errorFields, errorKind, type LogLine } from './log.js'
import { BackgroundLoop } from './loop.js'
import type { SearchClock, SearchIndex } from './port.js'

// How the outbox reaches an index. Two ways, one interface (`Indexer`), chosen by the engine
// (`createIndexer` in search/engine.ts, docs/search.md "Outbox: claims or a feed"):
//
// - the embedded index lives in each process, so every instance must apply every change: the change
//   feed (search/feed.ts, `FeedIndexer`), each instance at its own position;
// - Meilisearch is one index shared by all instances, so each change is applied once, by the
//   instance that claims it: this file's `OutboxIndexer`.
//
// An outbox row only says "plek X changed (to version v)"; the worker always sends the plek's
// *current* state from the database, so applying a row twice is harmless and an older state can
// never overwrite a newer one. Rows are claimed with an expiry (a crashed worker's claim simply
// runs out), and a worker never claims rows of a plek that another live claim holds, so two app
// instances on one database never apply the same plek concurrently or out of order.

/** What the server needs of the worker that brings outbox changes into the index. */
export interface Indexer {
  /** `feed`: this instance applies every change (embedded); `claim`: one instance applies each (Meilisearch). */
  readonly mode: 'feed' | 'claim'
  /** Applies what is due now, until nothing is (tests and tools; the server's background loop does the same). */
  drain(): Promise<number>
  /** How far the index is behind the database, for /api/health. */
  lag(): Promise<IndexLag>
  /** Deletes old outbox rows (the daily job); returns how many. */
  prune(): Promise<number>
  start(): void
  stop(): void
  /** After a local plek change committed: apply it now instead of at the next poll. */
  wake(): void
  /** The kind (and driver code) of the last failed attempt, until one succeeds; never a message, which can carry a statement's parameters. */
  readonly lastError?: string
}

export interface IndexerOptions {
  workerId?: string
  batchSize?: number
  claimMs?: number
  pollMs?: number
  maxBackoffMs?: number
  log?: LogLine
}

interface Claimed {
  id: number
  plek_id: string
  attempts: number
}

export interface IndexLag {
  /** Changes not yet in the index. */
  pending: number
  /** Age of the oldest of them, in seconds (0 when none). */
  oldestSeconds: number
  /** Every change up to this id is in the index (null: not known yet, the first build runs). */
  position: number | null
  /** The latest change id in the database. */
  latest: number
}

export class OutboxIndexer implements Indexer {
  readonly mode = 'claim' as const
  readonly workerId: string
  private batchSize: number
  private claimMs: number
  private pollMs: number
  private maxBackoffMs: number
  private settingsApplied = false
  private loop = new BackgroundLoop({ round: () => this.drain(), nextDelayMs: () => this.pollMs })
  lastError?: string

  constructor(
    private db: Db,
    private index: SearchIndex,
    private clock: SearchClock,
    opts: IndexerOptions = {},
  ) {
    this.workerId = opts.workerId ?? randomUUID()
    this.batchSize = opts.batchSize ?? 500
    this.claimMs = opts.claimMs ?? 60_000
    this.pollMs = opts.pollMs ?? 1000
    this.maxBackoffMs = opts.maxBackoffMs ?? 60_000
    this.log = opts.log ?? (() => {})
  }
  private log: LogLine

  private now = () => this.clock.now().toISOString()

  /** Claims and applies one batch. Returns the number of outbox rows handled (0: nothing due). */
  async drainOnce(): Promise<number> {
    let claimed: Claimed[]
    try {
      claimed = await this.claim()
    } catch (e) {
      // The database does not let us claim (busy, full, gone): say so, and try again at the next
      // poll. Kind and code only: a driver's message can carry the statement's parameters.
      this.log({ t: this.now(), level: 'warn', indexer: this.workerId, step: 'claim', ...errorFields(e), retryInMs: this.pollMs })
      throw e
    }
    if (claimed.length === 0) return 0
    const ids = claimed.map((r) => r.id)
    try {
      if (!this.settingsApplied) {
        await this.index.applySettings()
        this.settingsApplied = true
      }
      const state = await loadIndexState(this.db, [...new Set(claimed.map((r) => r.plek_id))])
      await this.index.upsert(state.upsert)
      await this.index.remove(state.remove)
      await this.db
        .update(outbox)
        .set({ doneAt: this.now(), claimedBy: null, claimedUntil: null, lastError: null })
        .where(and(inArray(outbox.id, ids), eq(outbox.claimedBy, this.workerId)))
      this.lastError = undefined
      return claimed.length
    } catch (e) {
      this.settingsApplied = false
      const attempts = Math.max(...claimed.map((r) => r.attempts)) + 1
      const backoff = Math.min(this.maxBackoffMs, 500 * 2 ** Math.min(attempts, 16))
      this.lastError = errorKind(e)
      this.log({ t: this.now(), level: 'warn', indexer: this.workerId, step: 'apply', ...errorFields(e), retryInMs: backoff })
      await this.db
        .update(outbox)
        .set({
          attempts: sql`${outbox.attempts} + 1`,
          nextAttemptAt: new Date(this.clock.now().getTime() + backoff).toISOString(),
          lastError: this.lastError.slice(0, 500),
          claimedBy: null,
          claimedUntil: null,
        })
        .where(and(inArray(outbox.id, ids), eq(outbox.claimedBy, this.workerId)))
      throw e
    }
  }

  /** Claims up to batchSize due rows for this worker (none of a plek another live claim holds). */
  private claim(): Promise<Claimed[]> {
    const now = this.now()
    const claimedUntil = new Date(this.clock.now().getTime() + this.claimMs).toISOString()
    return this.db.all<Claimed>(sql`
      UPDATE outbox SET claimed_by = ${this.workerId}, claimed_until = ${claimedUntil}
      WHERE id IN (
        SELECT o.id FROM outbox o
        WHERE o.done_at IS NULL
          AND (o.claimed_until IS NULL OR o.claimed_until < ${now})
          AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ${now})
          AND NOT EXISTS (
            SELECT 1 FROM outbox x
            WHERE x.plek_id = o.plek_id AND x.done_at IS NULL
              AND x.claimed_until >= ${now} AND x.claimed_by <> ${this.workerId})
        ORDER BY o.id LIMIT ${this.batchSize})
      RETURNING id, plek_id, attempts`)
  }

  /** Applies batches until nothing is due (or the engine fails). */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const n = await this.drainOnce()
      if (n === 0) return total
      total += n
    }
  }

  /** The shared index's lag: rows no instance has applied yet; the position is the last id below all of them. */
  async lag(): Promise<IndexLag> {
    const latest = await readFeedHead(this.db)
    const [row] = await this.db
      .select({ pending: count(), oldest: min(outbox.createdAt), first: min(outbox.id) })
      .from(outbox)
      .where(isNull(outbox.doneAt))
    const oldest = row?.oldest ? (this.clock.now().getTime() - Date.parse(row.oldest)) / 1000 : 0
    return {
      pending: row?.pending ?? 0,
      oldestSeconds: Math.max(0, Math.round(oldest * 10) / 10),
      position: row?.first ? row.first - 1 : latest,
      latest,
    }
  }

  /** Removes handled rows older than a day, so the table stays small (the daily job). */
  async prune(): Promise<number> {
    const dayAgo = new Date(this.clock.now().getTime() - 24 * 3600_000).toISOString()
    const deleted = await this.db.delete(outbox).where(lt(outbox.doneAt, dayAgo)).returning({ id: outbox.id })
    return deleted.length
  }

  /** Runs in the background: drains on wake-up and polls every pollMs (for retries and other instances). */
  start(): void {
    this.loop.start()
  }

  stop(): void {
    this.loop.stop()
  }

  /** Called after a plek change commits: index it now rather than at the next poll. */
  wake(): void {
    this.loop.wake()
  }
}
