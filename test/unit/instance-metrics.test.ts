import { describe, expect, it } from 'vitest'
import { startInstanceMetrics } from '../../server/instance.js'

// What an operator reads in the `instantie` log line (docs/operations.md): besides the event-loop
// delay, the garbage collector's pauses in the same interval, so a long delay can be told apart
// from a long collection.

describe('the instance metrics line', () => {
  it('reports the garbage collector pauses of the interval', async () => {
    const lines: Record<string, unknown>[] = []
    const metrics = startInstanceMetrics((l) => lines.push(l), 1)
    try {
      // short-lived garbage until the first line: young-generation collections happen meanwhile
      let keep = 0
      while (lines.length === 0) {
        for (let i = 0; i < 20_000; i++) keep += [{ i, tekst: `plek-${i}` }].length
        await new Promise((r) => setImmediate(r))
      }
      expect(keep).toBeGreaterThan(0)
      const gc = lines[0]!.gcMs as { totaal: number; max: number; volledigMax: number }
      expect(gc.totaal).toBeGreaterThan(0)
      expect(gc.max).toBeGreaterThan(0)
      expect(gc.max).toBeLessThanOrEqual(gc.totaal)
      expect(gc.volledigMax).toBeLessThanOrEqual(gc.max)
    } finally {
      metrics.stop()
    }
  })
})
