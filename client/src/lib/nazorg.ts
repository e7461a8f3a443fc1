import { STILTE_DAGEN, plaatsingStatussen } from '../../../server/domain/plaatsing.js'
import { dagenTekst } from './labels.js'
import { isDate, addDays } from './datum.js'
import { isOneOf, toQueryString } from './url-state.js'

// Pure logic of the plaatsing screens: the flag of a plaatsing on the due list, the nazorg log as a
// timeline with its corrections, and the "Contact vastleggen" form ⇄ the body of
// POST /api/plaatsingen/:id/nazorg (server/domain/plaatsing.ts `nazorgInput`).

/** What a contact is about, the same in the log and in the form. */
interface NazorgContact {
  datum: string
  soort: string
  met: string
  kanaal: string
  samenvatting: string
  knelpunten: string[]
}

/** One entry of the nazorg log as the API answers it. */
export interface NazorgRegel extends NazorgContact {
  id: string
  acties?: string
  doorbraakbudget?: { bedrag: number; doel: string }
  volgendContactOp: string
  corrigeert?: string
  gecorrigeerdDoor?: string
  vastgelegdOp: string
  vastgelegdDoor: string
}

export interface TijdlijnRegel extends NazorgRegel {
  /** The entry that replaced this one (it is shown struck through, with a link to it). */
  vervangenDoor?: NazorgRegel
  /** The entry this one corrects. */
  correctieVan?: NazorgRegel
}

/**
 * Newest contact first (by datum, then by when it was recorded); each corrected entry knows its
 * correction and each correction what it corrects. The server's `gecorrigeerdDoor` is used, and
 * derived from `corrigeert` when missing.
 */
export function tijdlijn(regels: NazorgRegel[]): TijdlijnRegel[] {
  const perId = new Map(regels.map((r) => [r.id, r]))
  const vervanger = new Map<string, NazorgRegel>()
  for (const r of regels) if (r.corrigeert) vervanger.set(r.corrigeert, r)
  return [...regels]
    .sort((a, b) => (a.datum !== b.datum ? (a.datum < b.datum ? 1 : -1) : a.vastgelegdOp < b.vastgelegdOp ? 1 : a.vastgelegdOp > b.vastgelegdOp ? -1 : 0))
    .map((r) => ({
      ...r,
      vervangenDoor: (r.gecorrigeerdDoor ? perId.get(r.gecorrigeerdDoor) : undefined) ?? vervanger.get(r.id),
      correctieVan: r.corrigeert ? perId.get(r.corrigeert) : undefined,
    }))
}

/** The entries that still count (corrected ones do not). */
export const geldigeRegels = (regels: NazorgRegel[]) => {
  const gecorrigeerd = new Set(regels.map((r) => r.corrigeert).filter(Boolean))
  return regels.filter((r) => !gecorrigeerd.has(r.id) && !r.gecorrigeerdDoor)
}

/** The list of plaatsingen in the URL: ?status=… (actief unless chosen; "alle") and, for a beheerder, ?jobcoachId=… */
export interface PlaatsingLijstState {
  status: (typeof plaatsingStatussen)[number] | 'alle'
  jobcoachId: string
}

export function parsePlaatsingLijstUrl(search: string, metJobcoach: boolean): PlaatsingLijstState {
  const p = new URLSearchParams(search)
  const status = p.get('status')
  return {
    status: status === 'alle' || isOneOf(plaatsingStatussen, status) ? status : 'actief',
    jobcoachId: metJobcoach ? (p.get('jobcoachId') ?? '') : '',
  }
}

export function plaatsingLijstQueryString(s: PlaatsingLijstState): string {
  const p = new URLSearchParams()
  if (s.status !== 'actief') p.set('status', s.status)
  if (s.jobcoachId) p.set('jobcoachId', s.jobcoachId)
  return toQueryString(p)
}

/** What a row on the due list says about a plaatsing: in words (the page adds an icon and a colour that repeat it). */
export type Signaal = { soort: 'stil' | 'achterstallig' | 'op-tijd' | 'beeindigd'; tekst: string }

export function signaal(p: { status: string; achterstallig: boolean; dagenAchterstallig: number; langGeenContact: boolean }): Signaal {
  if (p.status !== 'actief') return { soort: 'beeindigd', tekst: 'Beëindigd' }
  if (p.langGeenContact)
    return {
      soort: 'stil',
      tekst: `${STILTE_DAGEN} dagen of langer geen contact${p.achterstallig ? `; ${dagenTekst(p.dagenAchterstallig)} achterstallig` : ''}`,
    }
  if (p.achterstallig) return { soort: 'achterstallig', tekst: `Achterstallig: ${dagenTekst(p.dagenAchterstallig)} over de datum` }
  return { soort: 'op-tijd', tekst: 'Op schema' }
}

/** The form as typed: strings, so an error never loses input. */
export interface NazorgFormulier extends NazorgContact {
  acties: string
  budget: boolean
  bedrag: string
  doel: string
  volgendContactOp: string
  /** The jobcoach chose the next contact themselves: a new datum no longer moves it. */
  volgendAangepast: boolean
  corrigeert?: string
}

/** Next contact by default: datum + the plaatsing's contactFrequentieDagen (14 unless agreed otherwise). */
export const defaultVolgendContact = (datum: string, frequentie: number) => (isDate(datum) ? addDays(datum, frequentie) : '')

/** A fresh form: today, and for the first contact of a plaatsing a startgesprek with both. */
export function emptyForm(vandaag: string, frequentie: number, eersteContact: boolean): NazorgFormulier {
  return {
    datum: vandaag,
    soort: eersteContact ? 'startgesprek' : 'contactmoment',
    met: eersteContact ? 'beiden' : '',
    kanaal: '',
    samenvatting: '',
    knelpunten: [],
    acties: '',
    budget: false,
    bedrag: '',
    doel: '',
    volgendContactOp: defaultVolgendContact(vandaag, frequentie),
    volgendAangepast: false,
  }
}

/** A new datum moves the next contact along, unless the jobcoach set that one by hand. */
export function setDatum(f: NazorgFormulier, datum: string, frequentie: number): NazorgFormulier {
  return { ...f, datum, volgendContactOp: f.volgendAangepast ? f.volgendContactOp : defaultVolgendContact(datum, frequentie) || f.volgendContactOp }
}

export function setVolgend(f: NazorgFormulier, volgendContactOp: string, frequentie: number): NazorgFormulier {
  return { ...f, volgendContactOp, volgendAangepast: volgendContactOp !== defaultVolgendContact(f.datum, frequentie) }
}

export function toggleKnelpunt(f: NazorgFormulier, knelpunt: string, aan: boolean, volgorde: readonly string[]): NazorgFormulier {
  const set = new Set(f.knelpunten)
  if (aan) set.add(knelpunt)
  else set.delete(knelpunt)
  return { ...f, knelpunten: volgorde.filter((k) => set.has(k)) }
}

/** "Corrigeer": the form filled with that entry, sending `corrigeert`. */
export function formulierUitRegel(r: NazorgRegel, frequentie: number): NazorgFormulier {
  return {
    datum: r.datum,
    soort: r.soort,
    met: r.met,
    kanaal: r.kanaal,
    samenvatting: r.samenvatting,
    knelpunten: [...r.knelpunten],
    acties: r.acties ?? '',
    budget: Boolean(r.doorbraakbudget),
    bedrag: r.doorbraakbudget ? String(r.doorbraakbudget.bedrag).replace('.', ',') : '',
    doel: r.doorbraakbudget?.doel ?? '',
    volgendContactOp: r.volgendContactOp,
    volgendAangepast: r.volgendContactOp !== defaultVolgendContact(r.datum, frequentie),
    corrigeert: r.id,
  }
}

/** "1.250,50", "€ 80" or "80.5" → a number; anything else NaN (the schema then names the field). */
export function parseBedrag(s: string): number {
  let t = s.replace(/[€\s]/g, '')
  if (t === '') return Number.NaN
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.')
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN
}

/** The request body; empty optional fields are left out. */
export function nazorgBody(f: NazorgFormulier) {
  return {
    datum: f.datum,
    soort: f.soort,
    met: f.met,
    kanaal: f.kanaal,
    samenvatting: f.samenvatting,
    knelpunten: f.knelpunten,
    ...(f.acties.trim() ? { acties: f.acties } : {}),
    ...(f.budget ? { doorbraakbudget: { bedrag: parseBedrag(f.bedrag), doel: f.doel } } : {}),
    ...(f.volgendContactOp ? { volgendContactOp: f.volgendContactOp } : {}),
    ...(f.corrigeert ? { corrigeert: f.corrigeert } : {}),
  }
}

/** The order of the form's inputs, for the error summary. */
export const nazorgVelden = ['datum', 'soort', 'met', 'kanaal', 'samenvatting', 'knelpunten', 'acties', 'doorbraakbudget.bedrag', 'doorbraakbudget.doel', 'volgendContactOp'] as const
