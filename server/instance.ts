import cluster from 'node:cluster'
import { randomBytes } from 'node:crypto'
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'

// This process as one instance among several (WORKERS=N on one machine, or replicas behind a
// proxy): a name for it, and what it measures of itself. Every answer carries the name in the
// `X-Instance` header, so a client, a proxy log or a test can tell which instance answered; every
// LOG_METRICS_SECONDS each instance logs one line with its event-loop delay, memory and requests.

/** `w<slot>-<random>` under WORKERS=N (slot 1…N, kept when a worker is restarted), else `<random>`. */
export const instanceId = (() => {
  const slot = cluster.isWorker ? process.env.WORKER_SLOT : undefined
  const random = randomBytes(3).toString('hex') // new at every start: a restart is visible
  return slot ? `w${slot}-${random}` : random
})()

export interface InstanceMetrics {
  /** Counts one request (called for every answer). */
  count(): void
  stop(): void
}

/**
 * Logs every `seconds` (0: never) one line about this instance over the last interval:
 * `{ event: "instantie", instantie, pid, eventLoopMs: { p50, p99, max }, gcMs, rssMiB, heapMiB, verzoeken }`.
 * The event-loop delay is how long a timer or an incoming request had to wait for the one thread
 * (`perf_hooks.monitorEventLoopDelay`, sampling every 10 ms; the histogram holds the whole interval
 * between samples, so 10 ms are subtracted: an idle loop shows 0); its p99 is what a user feels as
 * extra latency when a request blocks the loop (docs/operations.md, "Load"). `gcMs` holds the
 * garbage collector's pauses in the interval: their sum, the longest, and the longest full
 * (mark-compact) one, so a long event-loop delay can be told apart from a long collection.
 */
export function startInstanceMetrics(log: (line: Record<string, unknown>) => void, seconds: number): InstanceMetrics {
  let verzoeken = 0
  if (seconds <= 0) return { count: () => verzoeken++, stop: () => {} }
  const resolutionMs = 10
  const delay = monitorEventLoopDelay({ resolution: resolutionMs })
  delay.enable()
  let gc = { totaal: 0, max: 0, volledigMax: 0 }
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.totaal += e.duration
      gc.max = Math.max(gc.max, e.duration)
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.volledigMax = Math.max(gc.volledigMax, e.duration)
    }
  })
  gcObserver.observe({ entryTypes: ['gc'] })
  const rond = (x: number) => Math.round(x * 10) / 10
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 10) / 10)
  const mib = (bytes: number) => Math.round(bytes / 1024 / 1024)
  const timer = setInterval(() => {
    const mem = process.memoryUsage()
    log({
      t: new Date().toISOString(),
      event: 'instantie',
      instantie: instanceId,
      pid: process.pid,
      seconden: seconds,
      eventLoopMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      gcMs: { totaal: rond(gc.totaal), max: rond(gc.max), volledigMax: rond(gc.volledigMax) },
      rssMiB: mib(mem.rss),
      heapMiB: mib(mem.heapUsed),
      verzoeken,
    })
    delay.reset()
    gc = { totaal: 0, max: 0, volledigMax: 0 }
    verzoeken = 0
  }, seconds * 1000)
  timer.unref()
  return {
    count: () => verzoeken++,
    stop: () => {
      clearInterval(timer)
      delay.disable()
      gcObserver.disconnect()
    },
  }
}
