import { sectoren, vormen, type Sector, type Vorm } from '../../../server/domain/enums.js'
import { eindredenen, knelpunten } from '../../../server/domain/plaatsing.js'
import { isDate, monthsBetween } from './datum.js'
import { isOneOf, toQueryString } from './url-state.js'

// Pure logic of the monitor page: its filters in the URL (the parameter names of GET /api/monitor,
// so the CSV link carries the same query), and the figures shaped for the charts.

export interface MonitorState {
  van: string
  tot: string
  sector: string
  vorm: string
}

export function parseMonitorUrl(search: string): MonitorState {
  const p = new URLSearchParams(search)
  const datum = (k: string) => {
    const v = p.get(k) ?? ''
    return isDate(v) ? v : ''
  }
  const parseList = (k: string, lijst: readonly string[]) => {
    const v = p.get(k)
    return isOneOf(lijst, v) ? v : ''
  }
  return { van: datum('van'), tot: datum('tot'), sector: parseList('sector', sectoren), vorm: parseList('vorm', vormen) }
}

/** Only what is set, in a fixed order: "?van=2026-01-01&sector=zorg" or "". */
export function monitorQueryString(s: MonitorState): string {
  const p = new URLSearchParams()
  for (const k of ['van', 'tot', 'sector', 'vorm'] as const) if (s[k]) p.set(k, s[k])
  return toQueryString(p)
}

/** The query of GET /api/monitor: only what is set. */
export function monitorApiQuery(s: MonitorState): { van?: string; tot?: string; sector?: Sector; vorm?: Vorm } {
  return {
    ...(s.van ? { van: s.van } : {}),
    ...(s.tot ? { tot: s.tot } : {}),
    ...(isOneOf(sectoren, s.sector) ? { sector: s.sector } : {}),
    ...(isOneOf(vormen, s.vorm) ? { vorm: s.vorm } : {}),
  }
}

/** A round upper bound for an axis: 1, 2, 5, 10, 20, 50 … at least `max`. */
export function roundMaximum(max: number): number {
  if (max <= 0) return 1
  const macht = 10 ** Math.floor(Math.log10(max))
  for (const f of [1, 2, 5, 10]) if (f * macht >= max) return f * macht
  return 10 * macht
}

/** Eindredenen with a count, most frequent first (ties in the order of the domain's list). */
export function eindredenRijen(telling: Record<string, number>): { code: string; aantal: number }[] {
  return (eindredenen as readonly string[])
    .map((code, i) => ({ code, aantal: telling[code] ?? 0, i }))
    .concat(Object.keys(telling).filter((k) => !(eindredenen as readonly string[]).includes(k)).map((code, j) => ({ code, aantal: telling[code] ?? 0, i: 100 + j })))
    .filter((r) => r.aantal > 0)
    .sort((a, b) => b.aantal - a.aantal || a.i - b.i)
    .map(({ code, aantal }) => ({ code, aantal }))
}

export interface KnelpuntReeks {
  code: string
  totaal: number
  perMaand: { maand: string; aantal: number }[]
}

/**
 * Per knelpunt that was named at all, its count in every month of the period (months without
 * contacts count 0), most frequent knelpunt first.
 */
export function knelpuntReeksen(perMaand: { maand: string; aantallen: Record<string, number> }[], van: string, tot: string): KnelpuntReeks[] {
  const maanden = monthsBetween(van, tot)
  const per = new Map(perMaand.map((m) => [m.maand, m.aantallen]))
  const codes = [...knelpunten, ...new Set(perMaand.flatMap((m) => Object.keys(m.aantallen)).filter((k) => !(knelpunten as readonly string[]).includes(k)))]
  return codes
    .map((code, i) => {
      const reeks = maanden.map((maand) => ({ maand, aantal: per.get(maand)?.[code] ?? 0 }))
      return { code, totaal: reeks.reduce((s, r) => s + r.aantal, 0), perMaand: reeks, i }
    })
    .filter((r) => r.totaal > 0)
    .sort((a, b) => b.totaal - a.totaal || a.i - b.i)
    .map(({ i: _i, ...r }) => r)
}
