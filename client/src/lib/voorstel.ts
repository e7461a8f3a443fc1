import { deelbareVelden, standaardVelden, voorstelStatussen, type DeelbaarVeld } from '../../../server/domain/voorstel.js'
import { vaardigheden } from '../../../server/domain/enums.js'
import { sortDagdelen } from './deelnemer-form.js'
import { dagdeelTekst, deelbaarVeldLabel, label, sectorLabel, urenTekst, vaardigheidLabel, vormLabel } from './labels.js'
import { isOneOf, parsePage, toQueryString } from './url-state.js'

// Pure logic of making and reading a voorstel: which fields the werkgever may see (the jobhunter
// ticks them; never anything outside `deelbareVelden`), the body of POST /api/voorstellen, and how
// the shared fields read for the werkgever.

export interface VoorstelFormulier {
  toelichting: string
  velden: DeelbaarVeld[]
  jobcoachId: string
}

export const emptyVoorstelForm = (): VoorstelFormulier => ({ toelichting: '', velden: [...standaardVelden], jobcoachId: '' })

/** Ticks or unticks a field; the list keeps the order of `deelbareVelden`. */
export function setVeld(velden: readonly DeelbaarVeld[], veld: DeelbaarVeld, aan: boolean): DeelbaarVeld[] {
  const set = new Set(velden)
  if (aan) set.add(veld)
  else set.delete(veld)
  return deelbareVelden.filter((v) => set.has(v))
}

export function voorstelBody(f: VoorstelFormulier, d: { deelnemerId: string; plekId: string; modus: 'aanbodgericht' | 'vraaggericht' }) {
  return {
    deelnemerId: d.deelnemerId,
    plekId: d.plekId,
    modus: d.modus,
    velden: deelbareVelden.filter((v) => f.velden.includes(v)),
    ...(f.toelichting.trim() ? { toelichting: f.toelichting } : {}),
    ...(f.jobcoachId ? { jobcoachId: f.jobcoachId } : {}),
  }
}

/**
 * The accept form's errors before sending: an empty date field gets words that fit a date picker
 * (the shared schema's message asks for JJJJ-MM-DD, which only makes sense when typing).
 */
export function acceptErrors(startdatum: string, fields: Record<string, string>): Record<string, string> {
  return startdatum.trim() === '' ? { ...fields, startdatum: 'Kies een startdatum.' } : fields
}

/** What the jobhunter can do about a refusal (409) of POST /api/voorstellen. */
export function voorstelFoutActie(code: string, deelnemerId: string): { href: string; tekst: string } | undefined {
  const dossier = `/deelnemers/${encodeURIComponent(deelnemerId)}`
  switch (code) {
    case 'geen-toestemming':
      return { href: `${dossier}/bewerken`, tekst: 'Leg de toestemming vast in het dossier' }
    case 'voorstel-bestaat':
      return { href: `/voorstellen?deelnemerId=${encodeURIComponent(deelnemerId)}`, tekst: 'Bekijk de voorstellen van deze deelnemer' }
    case 'deelnemer-geplaatst':
      return { href: dossier, tekst: 'Open het dossier' }
    default:
      return undefined
  }
}

type Mobiliteit = { fiets?: boolean; ov?: boolean; rijbewijs?: boolean; auto?: boolean; maxReisafstandKm?: number }
type Wensen = { sectoren?: string[]; vormen?: string[]; wensberoep?: string }

/** One shared field as text for the werkgever; undefined for anything that is not a shared field. */
export function gedeeldeWaarde(veld: string, waarde: unknown): string | undefined {
  if (!(deelbareVelden as readonly string[]).includes(veld) || waarde === undefined || waarde === null) return undefined
  switch (veld as DeelbaarVeld) {
    case 'taalniveau': {
      const t = waarde as Record<string, string>
      return vaardigheden.map((v) => `${vaardigheidLabel[v]} ${t[v] ?? '?'}`).join(', ')
    }
    case 'beschikbareDagdelen': {
      const l = sortDagdelen(waarde as string[])
      return l.length ? l.map(dagdeelTekst).join(', ') : 'Geen'
    }
    case 'urenPerWeek':
      return `${urenTekst(waarde as { min: number; max: number })} per week`
    case 'mobiliteit': {
      const m = waarde as Mobiliteit
      const met = [m.fiets && 'fiets', m.ov && 'openbaar vervoer', m.rijbewijs && 'rijbewijs', m.auto && 'eigen auto'].filter(Boolean)
      return `${met.length ? met.join(', ') : 'geen vervoer opgegeven'}${m.maxReisafstandKm !== undefined ? `; tot ${m.maxReisafstandKm} km` : ''}`
    }
    case 'wensen': {
      const w = waarde as Wensen
      const delen = [
        w.sectoren?.length ? `sectoren: ${w.sectoren.map((s) => label(sectorLabel, s)).join(', ')}` : '',
        w.vormen?.length ? `vormen: ${w.vormen.map((v) => label(vormLabel, v)).join(', ')}` : '',
        w.wensberoep ? `wensberoep: ${w.wensberoep}` : '',
      ].filter(Boolean)
      return delen.length ? delen.join('; ') : 'Geen wensen opgegeven'
    }
    case 'vca':
      return waarde ? 'Ja' : 'Nee'
    default:
      return String(waarde)
  }
}

/** The shared fields in the order of `deelbareVelden`, with their labels (naam is the heading, so left out). */
export function gedeeldeRijen(deelnemer: Record<string, unknown>): { veld: string; label: string; waarde: string }[] {
  return deelbareVelden
    .filter((v) => v !== 'naam')
    .map((v) => ({ veld: v as string, label: deelbaarVeldLabel[v] ?? v, waarde: gedeeldeWaarde(v, deelnemer[v]) }))
    .filter((r): r is { veld: string; label: string; waarde: string } => r.waarde !== undefined)
}

/** The list of voorstellen in the URL: ?status=…&deelnemerId=…&page=… ('' status: every status). */
export interface VoorstelLijstState {
  status: (typeof voorstelStatussen)[number] | ''
  deelnemerId: string
  page: number
}

/**
 * `standaard` is the status a role sees without choosing (the werkgever: the open ones), left out of
 * the URL; every status then reads `status=alle`.
 */
export function parseVoorstelLijstUrl(search: string, standaard: VoorstelLijstState['status']): VoorstelLijstState {
  const p = new URLSearchParams(search)
  const status = p.get('status')
  return {
    status: status === 'alle' ? '' : isOneOf(voorstelStatussen, status) ? status : standaard,
    deelnemerId: p.get('deelnemerId') ?? '',
    page: parsePage(p.get('page')),
  }
}

export function voorstelLijstQueryString(s: VoorstelLijstState, standaard: VoorstelLijstState['status']): string {
  const p = new URLSearchParams()
  if (s.status !== standaard) p.set('status', s.status || 'alle')
  if (s.deelnemerId) p.set('deelnemerId', s.deelnemerId)
  if (s.page > 1) p.set('page', String(s.page))
  return toQueryString(p)
}
