import { count, gt, lt, lte, min, sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { outbox } from '../db/schema.js'
import type { Db } from '../db/client.js'
import { loadIndexState } from './documents.js'
import { rebuildIndex } from './rebuild.js'
import { errorFields, errorKind, type LogLine } from './log.js'
import { BackgroundLoop } from './loop.js'
import type { SearchClock, SearchIndex } from './port.js'
import type { IndexLag, Indexer } from './indexer.js'

// The change feed for the embedded engine, whose index lives in each process: every instance
// applies every outbox row, from its own last applied position (kept in memory).
//
// Why the outbox `id` is a feed position: it is an AUTOINCREMENT key, written in the same
// transaction as the plek change. SQLite (a file, or sqld on top of it) has one writer at a time,
// and the write transaction holds the lock from its first write to its commit, so the ids become
// visible in the order they were given: once row n is visible, every row below n that will ever
// commit has committed. AUTOINCREMENT never hands out an id twice (not after a delete either), and a
// rolled-back insert gives its id back, so the committed ids have no holes except rows that were
// deleted. That is how a gap is recognised: after pruning (`prune`, the daily job), an instance
// whose next row (position + 1) is gone while newer ones exist has missed changes, and rebuilds.
//
// Applying a row means reading the plek's current state from the database, as the claim-based
// worker does: a replay is harmless and an older state never overwrites a newer one, so the
// position only has to be at or below what is really applied.

export interface FeedOptions {
  /** A name for the log lines (default: a random id). */
  workerId?: string
  batchSize?: number
  /** How often to look for other instances' changes (default 250 ms). */
  pollMs?: number
  maxBackoffMs?: number
  /** Rows older than this are deleted by `prune` (default a day). */
  retainMs?: number
  log?: LogLine
}

interface FeedRow {
  id: number
  plekId: string
}

/** The latest change id the database has handed out (0 for none): the feed's head. */
export async function readFeedHead(db: Db): Promise<number> {
  // sqlite_sequence keeps the highest id ever given, also when pruning deleted every row
  const [row] = await db.all<{ head: number | null }>(sql`SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'outbox') AS head`)
  return Number(row?.head ?? 0)
}

export class FeedIndexer implements Indexer {
  readonly mode = 'feed' as const
  readonly workerId: string
  private batchSize: number
  private pollMs: number
  private maxBackoffMs: number
  private retainMs: number
  private log: LogLine
  /** The last change applied to this process's index; undefined until the first (re)build. */
  private applied?: number
  /** The head a running rebuild started from (for `lag` before the first build is done). */
  private building?: number
  private failures = 0
  private loop = new BackgroundLoop({
    round: () => this.drain(),
    nextDelayMs: () => (this.failures ? this.backoffMs() : this.pollMs),
  })
  /** The kind (and driver code) of the last failed step, until one succeeds; never a message. */
  lastError?: string

  constructor(
    private db: Db,
    private index: SearchIndex,
    private clock: SearchClock,
    opts: FeedOptions = {},
  ) {
    this.workerId = opts.workerId ?? randomUUID()
    this.batchSize = opts.batchSize ?? 500
    this.pollMs = opts.pollMs ?? 250
    this.maxBackoffMs = opts.maxBackoffMs ?? 60_000
    this.retainMs = opts.retainMs ?? 24 * 3600_000
    this.log = opts.log ?? (() => {})
  }

  private now = () => this.clock.now().toISOString()

  /** The last change applied here (undefined before the first build). */
  get position(): number | undefined {
    return this.applied
  }

  /**
   * Fills the index from the database and follows the feed from there. The head is read BEFORE the
   * rebuild reads any plek: a change committed while the rebuild runs has a higher id, so it is
   * applied afterwards (perhaps twice, which is harmless), never lost. Plekken in the index that
   * are no longer searchable are removed (after a gap this index may hold stale ones).
   */
  async rebuild(): Promise<number> {
    const head = await readFeedHead(this.db)
    this.building = head
    const n = await rebuildIndex(this.db, this.index, { removeMissing: true })
    this.applied = head
    return n
  }

  /**
   * Applies one batch of the feed. Returns what it handled: changes, or after a (re)build the number
   * of plekken indexed, at least 1; 0 means up to date.
   */
  async applyOnce(): Promise<number> {
    if (this.applied === undefined) return this.rebuildAfter('start')
    const from = this.applied
    let rows: FeedRow[]
    let head: number
    try {
      head = await readFeedHead(this.db)
      rows = head > from ? await this.db.select({ id: outbox.id, plekId: outbox.plekId }).from(outbox).where(gt(outbox.id, from)).orderBy(outbox.id).limit(this.batchSize) : []
    } catch (e) {
      this.fail('read', e)
      throw e
    }
    if (head <= from) return 0
    // The next change (from + 1) is gone: pruned before this instance applied it.
    if (rows[0]?.id !== from + 1) return this.rebuildAfter('gap', { position: from, head, next: rows[0]?.id ?? null })
    try {
      const state = await loadIndexState(this.db, [...new Set(rows.map((r) => r.plekId))])
      await this.index.upsert(state.upsert)
      await this.index.remove(state.remove)
    } catch (e) {
      this.fail('apply', e)
      throw e
    }
    this.applied = rows.at(-1)!.id
    this.succeeded()
    return rows.length
  }

  private async rebuildAfter(reason: 'start' | 'gap', detail: Record<string, unknown> = {}): Promise<number> {
    const started = performance.now()
    try {
      const n = await this.rebuild()
      this.succeeded()
      this.log({ t: this.now(), indexer: this.workerId, step: 'rebuild', reason, ...detail, indexed: n, ms: Math.round(performance.now() - started) })
      return Math.max(1, n)
    } catch (e) {
      this.fail('rebuild', e)
      throw e
    }
  }

  private succeeded() {
    this.failures = 0
    this.lastError = undefined
  }

  private backoffMs() {
    return Math.min(this.maxBackoffMs, 500 * 2 ** Math.min(this.failures, 16))
  }

  private fail(step: 'read' | 'apply' | 'rebuild', e: unknown) {
    this.failures++
    // the database does not answer (read) or the engine fails (apply): the position stays, the next
    // poll after the backoff tries again. Kind and code only: a driver's message can carry parameters.
    if (step !== 'read') this.lastError = errorKind(e)
    this.log({ t: this.now(), level: 'warn', indexer: this.workerId, step, ...errorFields(e), retryInMs: this.backoffMs() })
  }

  /** Applies the feed until this index is up to date (or a step fails, which throws). */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const n = await this.applyOnce()
      if (n === 0) return total
      total += n
    }
  }

  /**
   * How far this instance's index is behind the database: changes with an id above the position,
   * and the age of the oldest of them (by the clock of the instance that wrote it).
   */
  async lag(): Promise<IndexLag> {
    // while the first build runs, what waits for this index is what came after its start
    const from = this.applied ?? this.building ?? 0
    const latest = await readFeedHead(this.db)
    const [row] = await this.db
      .select({ pending: count(), oldest: min(outbox.createdAt) })
      .from(outbox)
      .where(gt(outbox.id, from))
    const pending = row?.pending ?? 0
    const oldest = pending && row?.oldest ? (this.clock.now().getTime() - Date.parse(row.oldest)) / 1000 : 0
    return { pending, oldestSeconds: Math.max(0, Math.round(oldest * 10) / 10), position: this.applied ?? null, latest }
  }

  /**
   * Deletes changes older than `retainMs` (the daily job; any instance may run it, it is idempotent):
   * the oldest rows up to the first one that is younger, so the rows left are one unbroken range (a
   * row stamped old by an instance with a slow clock waits for the younger ones before it). An
   * instance whose position is below that range notices the gap (its next row is missing) and
   * rebuilds its index in full.
   */
  async prune(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.retainMs).toISOString()
    const [young] = await this.db.select({ first: min(outbox.id) }).from(outbox).where(gt(outbox.createdAt, cutoff))
    const deleted = await this.db
      .delete(outbox)
      .where(young?.first ? lt(outbox.id, young.first) : lte(outbox.createdAt, cutoff))
      .returning({ id: outbox.id })
    return deleted.length
  }

  /** Runs in the background: applies the feed after a local change (`wake`) and polls every pollMs. */
  start(): void {
    this.loop.start()
  }

  stop(): void {
    this.loop.stop()
  }

  /** Called after a plek change commits here: apply it now rather than at the next poll. */
  wake(): void {
    this.loop.wake()
  }
}
