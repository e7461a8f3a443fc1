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

/** A clock that follows the system clock plus an offset tests can move (browser tests: "time moves on"). */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) }
}

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The calendar date in the Netherlands at this instant ("2026-11-23"): due dates are Dutch dates. */
export const datumInNederland = (d: Date) => amsterdam.format(d)

/** A date plus whole days, as plain calendar arithmetic (no time zone, no DST). */
export function addDays(datum: string, dagen: number): string {
  const t = Date.UTC(Number(datum.slice(0, 4)), Number(datum.slice(5, 7)) - 1, Number(datum.slice(8, 10))) + dagen * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

/** A date plus whole months, clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(datum: string, maanden: number): string {
  const y = Number(datum.slice(0, 4))
  const m = Number(datum.slice(5, 7)) - 1 + maanden
  const d = Number(datum.slice(8, 10))
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10)
}

/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
