// The background loop both indexers run (search/feed.ts, search/indexer.ts): work at once after a
// local change (`wake`), otherwise every poll; never two rounds at the same time, and a wake-up
// during a round runs another round right after it instead of being lost.

export interface LoopOptions {
  /** One round: does what is due. A throw is the round's own business (it logged it). */
  round: () => Promise<unknown>
  /** Milliseconds until the next round after one ended (the poll, or a backoff after failures). */
  nextDelayMs: () => number
}

export class BackgroundLoop {
  private timer?: NodeJS.Timeout
  private running = false
  private stopped = true
  private wakeRequested = false

  constructor(private opts: LoopOptions) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.schedule(0)
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }

  /** Run a round now rather than at the next poll (after this one when a round is running). */
  wake(): void {
    if (this.stopped) return
    if (this.running) {
      this.wakeRequested = true
      return
    }
    this.schedule(0)
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.tick(), ms)
    this.timer.unref?.()
  }

  private async tick() {
    if (this.stopped || this.running) return
    this.running = true
    this.wakeRequested = false
    try {
      await this.opts.round()
    } catch {
      // the round logged it; the next one (after nextDelayMs) tries again
    } finally {
      this.running = false
      if (!this.stopped) this.schedule(this.wakeRequested ? 0 : this.opts.nextDelayMs())
    }
  }
}
