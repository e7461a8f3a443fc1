// Calendar dates (YYYY-MM-DD) as the server counts them: a due date is a Dutch calendar date, so
// "today" is the date in Europe/Amsterdam, whatever time zone the browser is in. Plain calendar
// arithmetic without time zones (the same rules as server/clock.ts).

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The date in the Netherlands at this instant: "2026-11-23". */
export const datumInNederland = (d: Date = new Date()) => amsterdam.format(d)

const utc = (datum: string) => Date.UTC(Number(datum.slice(0, 4)), Number(datum.slice(5, 7)) - 1, Number(datum.slice(8, 10)))

/** A date plus whole days (negative: back). */
export function addDays(datum: string, dagen: number): string {
  return new Date(utc(datum) + dagen * 86_400_000).toISOString().slice(0, 10)
}

/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((utc(b) - utc(a)) / 86_400_000)

/** "vandaag", "morgen", "over 3 dagen", "6 dagen geleden": a date seen from today. */
export function relativeDate(datum: string, vandaag: string): string {
  const d = daysBetween(vandaag, datum)
  if (d === 0) return 'vandaag'
  if (d === 1) return 'morgen'
  if (d === -1) return 'gisteren'
  const n = Math.abs(d)
  const dagen = `${n} ${n === 1 ? 'dag' : 'dagen'}`
  return d > 0 ? `over ${dagen}` : `${dagen} geleden`
}

/** The first Monday after this date (a Monday gives the Monday a week later). */
export function nextMonday(datum: string): string {
  const dag = new Date(utc(datum)).getUTCDay() // 0 sunday … 6 saturday
  return addDays(datum, (8 - dag) % 7 || 7)
}

export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(utc(s)) && new Date(utc(s)).toISOString().slice(0, 10) === s

/** "2026-03" → "maart 2026"; short: "mrt 2026". */
export function maandTekst(maand: string, kort = false): string {
  const d = new Date(Date.UTC(Number(maand.slice(0, 4)), Number(maand.slice(5, 7)) - 1, 15))
  return d.toLocaleDateString('nl-NL', { month: kort ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).replace('.', '')
}

/** Every month from the month of `van` to the month of `tot`, inclusive: ["2026-01", "2026-02", …]. */
export function monthsBetween(van: string, tot: string): string[] {
  const out: string[] = []
  let y = Number(van.slice(0, 4))
  let m = Number(van.slice(5, 7))
  const eind = tot.slice(0, 7)
  for (let i = 0; i < 240; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    if (key > eind) break
    out.push(key)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}
