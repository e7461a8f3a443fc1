/** Percentiles of a list of durations in ms, rounded to 0.01 ms. */
export function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0
  const r = (n: number) => Math.round(n * 100) / 100
  return { p50: r(at(50)), p95: r(at(95)), p99: r(at(99)), n: s.length }
}

export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now()
  const out = await fn()
  return [performance.now() - t0, out]
}

export const rssMiB = () => Math.round(process.memoryUsage().rss / 1024 / 1024)
export const gc = () => (globalThis as { gc?: () => void }).gc?.()
