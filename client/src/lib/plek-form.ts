import { taalrijkheidItems, vaardigheden, type Niveau, type TaalrijkheidItem, type Vaardigheid } from '../../../server/domain/enums.js'
import { UREN_PER_DAGDEEL } from '../../../server/domain/plek.js'

// The plek form keeps what the user typed as text (so nothing is lost on an error) and converts
// to the API's plek body only when sending. The body is validated with the shared `plekInput`.

export interface PlekFormState {
  titel: string
  omschrijving: string
  beroep: string
  sector: string
  vorm: string
  postcode: string
  urenMin: string
  urenMax: string
  dagdelen: string[]
  capaciteit: string
  startdatum: string
  duurWeken: string
  taalniveau: Record<Vaardigheid, Niveau>
  lagerNiveauMetOndersteuning: boolean
  taalrijkheid: Record<TaalrijkheidItem, boolean>
  begeleiding: string[]
  opbouw: boolean
  fysiekeBelasting: string
  werkdruk: string
  binnenSchooltijden: boolean
  rijbewijs: boolean
  vog: boolean
  vca: boolean
  diploma: string
  vergoedingSoort: string
  bedragPerMaand: string
}

export function emptyPlekForm(): PlekFormState {
  return {
    titel: '', omschrijving: '', beroep: '', sector: '', vorm: '', postcode: '',
    urenMin: '', urenMax: '', dagdelen: [], capaciteit: '1', startdatum: '', duurWeken: '',
    taalniveau: Object.fromEntries(vaardigheden.map((v) => [v, 'A1'])) as Record<Vaardigheid, Niveau>,
    lagerNiveauMetOndersteuning: false,
    taalrijkheid: Object.fromEntries(taalrijkheidItems.map((i) => [i, false])) as Record<TaalrijkheidItem, boolean>,
    begeleiding: [], opbouw: false, fysiekeBelasting: 'middel', werkdruk: 'middel', binnenSchooltijden: false,
    rijbewijs: false, vog: false, vca: false, diploma: '', vergoedingSoort: 'geen', bedragPerMaand: '',
  }
}

/** A number typed by a user ("12", "12,5"); text that is not a number is passed on so zod names it. */
export function getal(tekst: string): number | string | undefined {
  const t = tekst.trim()
  if (t === '') return undefined
  const n = Number(t.replace(',', '.'))
  return Number.isFinite(n) ? n : t
}

const optioneel = (tekst: string) => (tekst.trim() === '' ? undefined : tekst.trim())

/**
 * The plek body for POST (or PATCH: then a cleared optional field is sent as null, which removes
 * it from the stored plek — JSON merge patch).
 */
export function plekBody(f: PlekFormState, voor: 'post' | 'patch' = 'post'): Record<string, unknown> {
  const leeg = voor === 'patch' ? null : undefined
  return {
    titel: f.titel,
    omschrijving: f.omschrijving,
    beroep: optioneel(f.beroep) ?? leeg,
    sector: f.sector || undefined,
    vorm: f.vorm || undefined,
    postcode: f.postcode,
    urenPerWeek: { min: getal(f.urenMin), max: getal(f.urenMax) },
    dagdelen: f.dagdelen,
    capaciteit: getal(f.capaciteit),
    taalniveau: f.taalniveau,
    lagerNiveauMetOndersteuning: f.lagerNiveauMetOndersteuning,
    taalrijkheid: f.taalrijkheid,
    begeleiding: f.begeleiding,
    opbouw: f.opbouw,
    fysiekeBelasting: f.fysiekeBelasting,
    werkdruk: f.werkdruk,
    binnenSchooltijden: f.binnenSchooltijden,
    vereisten: { rijbewijs: f.rijbewijs, vog: f.vog, vca: f.vca, ...(optioneel(f.diploma) ? { diploma: f.diploma.trim() } : {}) },
    vergoeding: { soort: f.vergoedingSoort, ...(f.vergoedingSoort !== 'geen' && getal(f.bedragPerMaand) !== undefined ? { bedragPerMaand: getal(f.bedragPerMaand) } : {}) },
    startdatum: optioneel(f.startdatum) ?? leeg,
    duurWeken: getal(f.duurWeken) ?? leeg,
  }
}

/** For PATCH validation: the same body with nulls left out (null means "remove" to the server). */
export function withoutNull(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null))
}

interface StoredPlek {
  titel: string; omschrijving: string; beroep?: string; sector: string; vorm: string; postcode: string
  urenPerWeek: { min: number; max: number }; dagdelen: string[]; capaciteit: number; startdatum?: string; duurWeken?: number
  taalniveau: Record<Vaardigheid, Niveau>; lagerNiveauMetOndersteuning: boolean; taalrijkheid: Record<string, boolean>
  begeleiding: string[]; opbouw: boolean; fysiekeBelasting: string; werkdruk: string; binnenSchooltijden: boolean
  vereisten: { rijbewijs: boolean; vog: boolean; vca: boolean; diploma?: string }
  vergoeding: { soort: string; bedragPerMaand?: number }
}

/** The form for editing a stored plek. */
export function plekFormFrom(p: StoredPlek): PlekFormState {
  const leeg = emptyPlekForm()
  return {
    titel: p.titel, omschrijving: p.omschrijving, beroep: p.beroep ?? '', sector: p.sector, vorm: p.vorm, postcode: p.postcode,
    urenMin: String(p.urenPerWeek.min), urenMax: String(p.urenPerWeek.max), dagdelen: [...p.dagdelen], capaciteit: String(p.capaciteit),
    startdatum: p.startdatum ?? '', duurWeken: p.duurWeken === undefined ? '' : String(p.duurWeken),
    taalniveau: { ...p.taalniveau }, lagerNiveauMetOndersteuning: p.lagerNiveauMetOndersteuning,
    taalrijkheid: { ...leeg.taalrijkheid, ...p.taalrijkheid },
    begeleiding: [...p.begeleiding], opbouw: p.opbouw, fysiekeBelasting: p.fysiekeBelasting, werkdruk: p.werkdruk,
    binnenSchooltijden: p.binnenSchooltijden, rijbewijs: p.vereisten.rijbewijs, vog: p.vereisten.vog, vca: p.vereisten.vca,
    diploma: p.vereisten.diploma ?? '', vergoedingSoort: p.vergoeding.soort,
    bedragPerMaand: p.vergoeding.bedragPerMaand === undefined ? '' : String(p.vergoeding.bedragPerMaand),
  }
}

/** The order of the fields on the page, for the error summary. */
export const plekVeldVolgorde = [
  'titel', 'omschrijving', 'beroep', 'sector', 'vorm', 'postcode', 'capaciteit',
  'urenPerWeek.min', 'urenPerWeek.max', 'dagdelen', 'startdatum', 'duurWeken',
  'taalniveau', 'lagerNiveauMetOndersteuning', 'taalrijkheid', 'begeleiding', 'opbouw', 'fysiekeBelasting', 'werkdruk',
  'binnenSchooltijden', 'vereisten', 'vergoeding.soort', 'vergoeding.bedragPerMaand',
] as const
export const plekLijstVelden = ['dagdelen', 'begeleiding'] as const

/**
 * A warning (not an error: the werkgever may know better) when the minimum hours cannot fit the
 * chosen dagdelen, at UREN_PER_DAGDEEL hours each: "24 uur op 4 dagdelen" is about 16 hours.
 */
export function urenPassenNiet(f: Pick<PlekFormState, 'urenMin' | 'dagdelen'>): string | undefined {
  const min = Number(f.urenMin)
  if (!f.dagdelen.length || !Number.isFinite(min) || min <= 0) return undefined
  const past = f.dagdelen.length * UREN_PER_DAGDEEL
  if (min <= past) return undefined
  const nodig = Math.ceil(min / UREN_PER_DAGDEEL)
  return `Op ${f.dagdelen.length} ${f.dagdelen.length === 1 ? 'dagdeel' : 'dagdelen'} is ongeveer ${past} uur werk (${UREN_PER_DAGDEEL} uur per dagdeel); u vraagt minstens ${min} uur. Kies ${nodig} of meer dagdelen, of minder uren.`
}
