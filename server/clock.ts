/** The single source of "now", injectable so tests can move time. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock for tests: starts at `start` and only moves when told to. */
export function fixedClock(start: string | Date): Clock & { advance(ms: number): void; set(t: string | Date): void } {
  let t = new Date(start).getTime()
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms
    },
    set: (v) => {
      t = new Date(v).getTime()
    },
  }
}

export const iso = (d: Date) => d.toISOString()
