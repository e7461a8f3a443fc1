import type { MiddlewareHandler } from 'hono'

// Heavy requests take turns: one per turn of the event loop.
//
// On a local database file the driver is synchronous, so a search or a match list runs from its
// first line to its answer without giving the thread back. Under load one turn of the event loop
// picked up every request that had arrived (25 at a time at 50 connections over two workers) and
// ran them back to back: 50–250 ms in which no timer fired (the change feed, health, the metrics)
// and no light request (a session check, a health probe) was answered. Here each heavy request
// waits for its own turn: the queue releases one per turn (setImmediate), so between two of them
// the loop runs its timers and takes in new requests. The work is the same and is done in arrival
// order; only the loop is never held for more than one heavy request at a time.

const waiting: (() => void)[] = []
let scheduled = false

function releaseOne() {
  scheduled = false
  waiting.shift()?.()
  // the next one in the next turn (an immediate scheduled from an immediate runs then)
  if (waiting.length) schedule()
}

function schedule() {
  if (scheduled) return
  scheduled = true
  setImmediate(releaseOne)
}

/** Resolves in a turn of the event loop of its own. */
export function takeTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve)
    schedule()
  })
}

/** Middleware for the routes whose work is heavy (search, matching). */
export const ownTurn: MiddlewareHandler = async (_c, next) => {
  await takeTurn()
  await next()
}
