import { and, eq } from 'drizzle-orm'
import { plekSignalering } from '../../db/schema.js'
import type { Deps } from '../context.js'
import { errorLogFields } from '../http-errors.js'
import { errorKind } from '../domain/log-fields.js'
import { signalPlek, afterSignal } from '../services/proactief.js'
import { ClaimWorker, claimRows, releaseWithBackoff } from './claim.js'

// The background half of proactive matching (docs/meldingen.md): claims plek_signalering rows (one
// per published plek state, written with the publish) and runs vraaggericht for each. Every
// instance runs one; a row is claimed by one of them, and the meldingen' own unique key makes even
// a second run after a crash write nothing twice.

export class SignaleringWorker extends ClaimWorker {
  constructor(
    private deps: Deps,
    pollMs = 5000,
    private claimMs = 5 * 60_000,
  ) {
    super(pollMs)
  }

  /** Runs every due row; answers how many were handled. */
  async drain(): Promise<number> {
    let handled = 0
    for (;;) {
      const rows = await claimRows(this.deps.db, 'plek_signalering', { workerId: this.workerId, now: this.deps.clock.now(), claimMs: this.claimMs, batchSize: 10 })
      if (!rows.length) return handled
      for (const r of rows) {
        const [s] = await this.deps.db.select({ plekId: plekSignalering.plekId }).from(plekSignalering).where(eq(plekSignalering.id, r.id))
        try {
          const nieuw = await signalPlek(this.deps, s!.plekId)
          await this.deps.db
            .update(plekSignalering)
            .set({ doneAt: this.deps.clock.now().toISOString(), meldingen: nieuw, claimedBy: null, claimedUntil: null, lastError: null })
            .where(and(eq(plekSignalering.id, r.id), eq(plekSignalering.claimedBy, this.workerId)))
          afterSignal(this.deps, nieuw)
          if (nieuw) this.deps.log({ t: this.deps.clock.now().toISOString(), event: 'plek-gesignaleerd', plekId: s!.plekId, meldingen: nieuw })
        } catch (e) {
          const fields = errorLogFields(e)
          this.deps.log({ t: this.deps.clock.now().toISOString(), level: 'warn', event: 'signalering-mislukt', ...fields })
          await releaseWithBackoff(this.deps.db, 'plek_signalering', r.id, r.attempts, this.workerId, this.deps.clock.now(), errorKind(e), 10 * 60_000)
        }
        handled++
      }
    }
  }
}
