import { dagdelen, vaardigheden, type Niveau, type Vaardigheid } from '../../../server/domain/enums.js'
import { getal } from './plek-form.js'

// The deelnemer form keeps what the user typed as text (so nothing is lost on an error) and
// converts to the API's deelnemer body only when sending; the body is validated with the shared
// `deelnemerInput`. Beschikbaarheid is one grid with three states per dagdeel, so a taalles
// dagdeel can never also be free (the server refuses that overlap too).

export type DagdeelStaat = 'vrij' | 'taalles' | 'niet'

export interface DeelnemerFormState {
  naam: string
  geboortejaar: string
  postcode: string
  telefoon: string
  email: string
  doelgroep: string
  status: string
  leerroute: string
  taalniveau: Record<Vaardigheid, Niveau>
  geletterdheid: string
  moedertaal: string
  andereTalen: string
  beschikbareDagdelen: string[]
  taallesDagdelen: string[]
  urenMin: string
  urenMax: string
  kinderopvang: string
  fiets: boolean
  ov: boolean
  rijbewijs: boolean
  auto: boolean
  maxReisafstandKm: string
  belastbaarheid: string
  ondersteuningsbehoefte: string
  sectoren: string[]
  vormen: string[]
  wensberoep: string
  vca: boolean
  werkervaring: string
  opleiding: string
  toestemmingDelen: boolean
}

export function emptyDeelnemerForm(): DeelnemerFormState {
  return {
    naam: '', geboortejaar: '', postcode: '', telefoon: '', email: '', doelgroep: '', status: 'intake',
    leerroute: '', taalniveau: Object.fromEntries(vaardigheden.map((v) => [v, 'A1'])) as Record<Vaardigheid, Niveau>,
    geletterdheid: '', moedertaal: '', andereTalen: '',
    beschikbareDagdelen: [], taallesDagdelen: [], urenMin: '', urenMax: '', kinderopvang: 'niet-nodig',
    fiets: false, ov: false, rijbewijs: false, auto: false, maxReisafstandKm: '',
    belastbaarheid: 'middel', ondersteuningsbehoefte: '',
    sectoren: [], vormen: [], wensberoep: '', vca: false, werkervaring: '', opleiding: '',
    toestemmingDelen: false,
  }
}

/** The state of one dagdeel in the grid. */
export function dagdeelStaat(f: Pick<DeelnemerFormState, 'beschikbareDagdelen' | 'taallesDagdelen'>, dagdeel: string): DagdeelStaat {
  if (f.taallesDagdelen.includes(dagdeel)) return 'taalles'
  if (f.beschikbareDagdelen.includes(dagdeel)) return 'vrij'
  return 'niet'
}

/**
 * Sets one dagdeel. A taalles dagdeel cannot be made free in one step: the lesson must first be
 * taken away (state "niet"), so a click or key press never silently overwrites the lesson schedule.
 * Returns the form unchanged when the change is refused.
 */
export function setDagdeel<F extends Pick<DeelnemerFormState, 'beschikbareDagdelen' | 'taallesDagdelen'>>(f: F, dagdeel: string, staat: DagdeelStaat): F {
  if (staat === 'vrij' && f.taallesDagdelen.includes(dagdeel)) return f
  const without = (l: string[]) => l.filter((d) => d !== dagdeel)
  return {
    ...f,
    beschikbareDagdelen: sortDagdelen(staat === 'vrij' ? [...without(f.beschikbareDagdelen), dagdeel] : without(f.beschikbareDagdelen)),
    taallesDagdelen: sortDagdelen(staat === 'taalles' ? [...without(f.taallesDagdelen), dagdeel] : without(f.taallesDagdelen)),
  }
}

/** Dagdelen in the order of the week (maandagochtend first), as the domain lists them. */
export const sortDagdelen = (l: readonly string[]) => [...l].sort((a, b) => (dagdelen as readonly string[]).indexOf(a) - (dagdelen as readonly string[]).indexOf(b))

/** Statuses a person sets; voorgesteld and geplaatst follow from voorstellen and plaatsingen (the server refuses them by hand). */
export const handmatigeStatussen = ['intake', 'zoekend', 'uitgestroomd'] as const
/** True for a status that follows from a voorstel or plaatsing: the form shows it read-only and sends it unchanged. */
export const statusVolgtUitKoppeling = (status: string) => status === 'voorgesteld' || status === 'geplaatst'

/**
 * The form to start with when a concept was kept in the browser: the stored status wins when it
 * follows from a voorstel or plaatsing (or when the concept holds such a status that no longer applies).
 */
export function withStoredStatus(f: DeelnemerFormState, opgeslagen?: string): DeelnemerFormState {
  if (opgeslagen !== undefined && (statusVolgtUitKoppeling(opgeslagen) || statusVolgtUitKoppeling(f.status))) return { ...f, status: opgeslagen }
  if (opgeslagen === undefined && statusVolgtUitKoppeling(f.status)) return { ...f, status: 'intake' }
  return f
}

const optioneel = (tekst: string) => (tekst.trim() === '' ? undefined : tekst.trim())

/** "Engels, Frans;Arabisch" → ["Engels", "Frans", "Arabisch"] */
export const talenLijst = (tekst: string) => tekst.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean)

/**
 * The deelnemer body for POST, or for PATCH: then a cleared optional field is sent as null, which
 * removes it from the stored profile (JSON merge patch, also inside `wensen`).
 */
export function deelnemerBody(f: DeelnemerFormState, voor: 'post' | 'patch' = 'post'): Record<string, unknown> {
  const leeg = voor === 'patch' ? null : undefined
  return {
    naam: f.naam,
    geboortejaar: getal(f.geboortejaar),
    postcode: f.postcode,
    telefoon: optioneel(f.telefoon) ?? leeg,
    email: optioneel(f.email) ?? leeg,
    doelgroep: f.doelgroep || undefined,
    leerroute: f.leerroute || undefined,
    taalniveau: f.taalniveau,
    geletterdheid: f.geletterdheid || undefined,
    moedertaal: optioneel(f.moedertaal) ?? leeg,
    andereTalen: talenLijst(f.andereTalen),
    beschikbareDagdelen: f.beschikbareDagdelen,
    taallesDagdelen: f.taallesDagdelen,
    urenPerWeek: { min: getal(f.urenMin), max: getal(f.urenMax) },
    kinderopvang: f.kinderopvang || undefined,
    mobiliteit: { fiets: f.fiets, ov: f.ov, rijbewijs: f.rijbewijs, auto: f.auto, maxReisafstandKm: getal(f.maxReisafstandKm) },
    belastbaarheid: f.belastbaarheid || undefined,
    ondersteuningsbehoefte: optioneel(f.ondersteuningsbehoefte) ?? leeg,
    wensen: { sectoren: f.sectoren, vormen: f.vormen, wensberoep: optioneel(f.wensberoep) ?? leeg },
    vca: f.vca,
    werkervaring: optioneel(f.werkervaring) ?? leeg,
    opleiding: optioneel(f.opleiding) ?? leeg,
    status: f.status || undefined,
    toestemmingDelen: f.toestemmingDelen,
  }
}

/** For validation before a PATCH: the body with every null left out, nested ones too. */
export function withoutNullDeep(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? withoutNullDeep(v as Record<string, unknown>) : v]),
  )
}

export interface StoredDeelnemer {
  naam: string; geboortejaar: number; postcode: string; telefoon?: string; email?: string
  doelgroep: string; leerroute: string; taalniveau: Record<Vaardigheid, Niveau>; geletterdheid: string
  moedertaal?: string; andereTalen: string[]; beschikbareDagdelen: string[]; taallesDagdelen: string[]
  urenPerWeek: { min: number; max: number }; kinderopvang: string
  mobiliteit: { fiets: boolean; ov: boolean; rijbewijs: boolean; auto: boolean; maxReisafstandKm: number }
  belastbaarheid: string; ondersteuningsbehoefte?: string
  wensen: { sectoren: string[]; vormen: string[]; wensberoep?: string }
  vca: boolean; werkervaring?: string; opleiding?: string; status: string; toestemmingDelen: boolean
}

const numberText = (n: number) => String(n).replace('.', ',')

/** The form for editing a stored deelnemer. */
export function deelnemerFormFrom(d: StoredDeelnemer): DeelnemerFormState {
  return {
    naam: d.naam, geboortejaar: String(d.geboortejaar), postcode: d.postcode, telefoon: d.telefoon ?? '', email: d.email ?? '',
    doelgroep: d.doelgroep, status: d.status, leerroute: d.leerroute, taalniveau: { ...d.taalniveau }, geletterdheid: d.geletterdheid,
    moedertaal: d.moedertaal ?? '', andereTalen: d.andereTalen.join(', '),
    beschikbareDagdelen: [...d.beschikbareDagdelen], taallesDagdelen: [...d.taallesDagdelen],
    urenMin: String(d.urenPerWeek.min), urenMax: String(d.urenPerWeek.max), kinderopvang: d.kinderopvang,
    fiets: d.mobiliteit.fiets, ov: d.mobiliteit.ov, rijbewijs: d.mobiliteit.rijbewijs, auto: d.mobiliteit.auto,
    maxReisafstandKm: numberText(d.mobiliteit.maxReisafstandKm),
    belastbaarheid: d.belastbaarheid, ondersteuningsbehoefte: d.ondersteuningsbehoefte ?? '',
    sectoren: [...d.wensen.sectoren], vormen: [...d.wensen.vormen], wensberoep: d.wensen.wensberoep ?? '',
    vca: d.vca, werkervaring: d.werkervaring ?? '', opleiding: d.opleiding ?? '', toestemmingDelen: d.toestemmingDelen,
  }
}

/** The order of the fields on the page, for the error summary. */
export const deelnemerVeldVolgorde = [
  'gemeenteId', 'naam', 'geboortejaar', 'postcode', 'telefoon', 'email', 'doelgroep', 'status',
  'leerroute', 'taalniveau', 'geletterdheid', 'moedertaal', 'andereTalen',
  'urenPerWeek.min', 'urenPerWeek.max', 'beschikbareDagdelen', 'taallesDagdelen', 'kinderopvang',
  'mobiliteit', 'mobiliteit.maxReisafstandKm',
  'belastbaarheid', 'ondersteuningsbehoefte',
  'wensen', 'wensen.wensberoep', 'vca', 'werkervaring', 'opleiding', 'toestemmingDelen',
] as const
/** List fields: an error on one item (beschikbareDagdelen.2) belongs to the whole group. */
export const deelnemerLijstVelden = ['beschikbareDagdelen', 'taallesDagdelen', 'andereTalen', 'wensen.sectoren', 'wensen.vormen'] as const

/** Hours a deelnemer can work on the free dagdelen (the matcher counts 4 hours per dagdeel). */
export const urenOpVrijeDagdelen = (f: Pick<DeelnemerFormState, 'beschikbareDagdelen'>) => f.beschikbareDagdelen.length * 4
