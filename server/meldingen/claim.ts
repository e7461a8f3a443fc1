import { randomUUID } from 'node:crypto'
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { BackgroundLoop } from '../../search/loop.js'

// Claiming work rows, as search/indexer.ts claims the search outbox: one UPDATE marks due rows
// with this worker's id and an expiry, so two instances on one database never take the same row,
// and a crashed worker's claim simply runs out. Both meldingen tables have the same columns for it.

export type WerkTabel = 'mail_outbox' | 'plek_signalering'
const klaarKolom: Record<WerkTabel, string> = { mail_outbox: 'sent_at', plek_signalering: 'done_at' }

export interface Claim {
  workerId: string
  now: Date
  claimMs: number
  batchSize: number
  /** An extra condition on the row (alias `w`). */
  where?: SQL
}

/** Claims up to batchSize due rows; answers their ids and attempts so far. */
export function claimRows(db: Db, tabel: WerkTabel, c: Claim): Promise<{ id: number; attempts: number }[]> {
  const t = sql.raw(tabel)
  const klaar = sql.raw(`w.${klaarKolom[tabel]}`)
  const now = c.now.toISOString()
  const until = new Date(c.now.getTime() + c.claimMs).toISOString()
  return db.all(sql`
    UPDATE ${t} SET claimed_by = ${c.workerId}, claimed_until = ${until}
    WHERE id IN (
      SELECT w.id FROM ${t} w
      WHERE ${klaar} IS NULL
        AND (w.claimed_until IS NULL OR w.claimed_until < ${now})
        AND (w.next_attempt_at IS NULL OR w.next_attempt_at <= ${now})
        ${c.where ? sql`AND ${c.where}` : sql``}
      ORDER BY w.id LIMIT ${c.batchSize})
    RETURNING id, attempts`)
}

/** A failed row: try again after an exponential backoff (from 2 s, at most maxMs); the claim is released. */
export function releaseWithBackoff(db: Db, tabel: WerkTabel, id: number, attempts: number, workerId: string, now: Date, fout: string, maxMs: number) {
  const wacht = Math.min(maxMs, 2000 * 2 ** Math.min(attempts, 16))
  return db.run(sql`
    UPDATE ${sql.raw(tabel)} SET attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + wacht).toISOString()},
      last_error = ${fout.slice(0, 200)}, claimed_by = NULL, claimed_until = NULL
    WHERE id = ${id} AND claimed_by = ${workerId}`)
}

/** A claiming worker in the background: `drain` at once when woken, else every pollMs. */
export abstract class ClaimWorker {
  readonly workerId = randomUUID()
  private loop = new BackgroundLoop({ round: () => this.drain(), nextDelayMs: () => this.pollMs })
  constructor(protected pollMs: number) {}
  /** Does what is due; answers how many rows were handled. */
  abstract drain(): Promise<number>
  start() {
    this.loop.start()
  }
  stop() {
    this.loop.stop()
  }
  wake() {
    this.loop.wake()
  }
}
