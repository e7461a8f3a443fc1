import { deelnemerStatussen } from '../../../server/domain/deelnemer.js'
import { isOneOf, parsePage, toQueryString } from './url-state.js'

// The deelnemer list lives in the URL (the parameter names of GET /api/deelnemers), like the
// plek search: Back and a shared link give the same list.

type Status = (typeof deelnemerStatussen)[number]

export interface DeelnemerLijstState {
  q: string
  /** '' is every status */
  status: Status | ''
  page: number
  /** "Mijn deelnemers": only those whose regievoerder the user is (`regievoerder=ik`) */
  mijn?: boolean
}

export const DEELNEMERS_PER_PAGE = 20
export const legeDeelnemerLijst: DeelnemerLijstState = { q: '', status: '', page: 1 }

export function parseDeelnemerUrl(search: string): DeelnemerLijstState {
  const p = new URLSearchParams(search)
  const status = p.get('status')
  return { q: p.get('q') ?? '', status: isOneOf(deelnemerStatussen, status) ? status : '', page: parsePage(p.get('page')), ...(p.get('regievoerder') === 'ik' ? { mijn: true } : {}) }
}

/** The query string without defaults, in a stable order. */
export function deelnemerQueryString(s: DeelnemerLijstState): string {
  const p = new URLSearchParams()
  const q = s.q.trim()
  if (q) p.set('q', q)
  if (s.status) p.set('status', s.status)
  if (s.mijn) p.set('regievoerder', 'ik')
  if (s.page > 1) p.set('page', String(s.page))
  return toQueryString(p)
}

/** The query of GET /api/deelnemers. */
export function deelnemerApiQuery(s: DeelnemerLijstState): { q?: string; status?: Status; page?: string; perPage: string; regievoerder?: string } {
  return {
    perPage: String(DEELNEMERS_PER_PAGE),
    ...(s.mijn ? { regievoerder: 'ik' } : {}),
    ...(s.q.trim() ? { q: s.q.trim() } : {}),
    ...(s.status ? { status: s.status } : {}),
    ...(s.page > 1 ? { page: String(s.page) } : {}),
  }
}
