import { describe, expect, it } from 'vitest'
import { takeTurn } from '../../server/turns.js'

// Heavy requests take turns (server/turns.ts): each starts in a turn of the event loop of its own,
// so timers and new requests get in between, however many arrive at once.

describe('takeTurn', () => {
  it('releases requests that arrive together one per turn of the event loop, in arrival order', async () => {
    let turn = 0
    let done = false
    const tick = () => {
      turn++
      if (!done) setImmediate(tick)
    }
    setImmediate(tick)
    const started: [number, number][] = []
    await Promise.all([1, 2, 3, 4].map((n) => takeTurn().then(() => started.push([n, turn]))))
    done = true
    expect(started.map(([n]) => n)).toEqual([1, 2, 3, 4])
    // a turn of the loop (the ticker) between every two of them
    const turns = started.map(([, t]) => t)
    for (let i = 1; i < turns.length; i++) expect(turns[i]).toBeGreaterThan(turns[i - 1]!)
  })

  it('a timer that falls due during one heavy request fires before the next one starts', async () => {
    const order: string[] = []
    const busy = (ms: number) => {
      const until = performance.now() + ms
      while (performance.now() < until) {} // synchronous work, as a search on a local file is
    }
    await Promise.all([1, 2, 3].map((n) => takeTurn().then(() => {
      if (n === 1) setTimeout(() => order.push('timer'), 0)
      busy(5)
      order.push(`verzoek ${n}`)
    })))
    await new Promise((r) => setTimeout(r, 5))
    expect(order).toEqual(['verzoek 1', 'timer', 'verzoek 2', 'verzoek 3'])
  })
})
