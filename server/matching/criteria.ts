import { niveaus, vaardigheden, type Niveau } from '../domain/enums.js'
import type { Criterium, CriteriumCode, MatchDeelnemer, MatchInput, MatchPlek, Niveau3, Richting } from './types.js'

// One small pure function per criterion. Each returns a score in [0, 1], whether a hard limit is
// not met, and a Dutch sentence. Which hard limits exclude a match is decided per direction in
// config.ts, not here.

/** Hours one dagdeel stands for when checking whether the free dagdelen can carry the hours. */
import { UREN_PER_DAGDEEL } from '../domain/plek.js'
export { UREN_PER_DAGDEEL }

const dagNamen: Record<string, string> = { ma: 'maandag', di: 'dinsdag', wo: 'woensdag', do: 'donderdag', vr: 'vrijdag', za: 'zaterdag', zo: 'zondag' }
export const dagdeelNaam = (d: string) => {
  const [dag, deel] = d.split('-')
  return `${dagNamen[dag!] ?? dag}${deel}`
}
const hoofdletter = (t: string) => t.charAt(0).toUpperCase() + t.slice(1)
const lijst = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`)
const rank = (n: Niveau) => niveaus.indexOf(n)
const level3 = (n: Niveau3) => ({ laag: 0, middel: 1, hoog: 2 })[n]
const clamp = (x: number) => Math.max(0, Math.min(1, x))
const urenTekst = (u: { min: number; max: number }) => (u.min === u.max ? `${u.min}` : `${u.min}–${u.max}`)
/** A Dutch decimal (one digit at most): "2,5". Not toLocaleString, which costs ~10 µs a call here. */
const getal = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',')
const km = getal

/** The plek's dagdelen the deelnemer can work: free, and never a taalles dagdeel. */
export const dagdelen: Criterium = ({ deelnemer: d, plek: p }) => {
  const taalles = new Set(d.taallesDagdelen)
  const vrij = new Set(d.beschikbareDagdelen)
  const botsing = p.dagdelen.filter((x) => taalles.has(x))
  const bruikbaar = p.dagdelen.filter((x) => vrij.has(x) && !taalles.has(x))
  const nodig = Math.ceil(p.urenPerWeek.min / UREN_PER_DAGDEEL)
  const score = p.dagdelen.length ? bruikbaar.length / p.dagdelen.length : 0
  const hard = bruikbaar.length < Math.min(nodig, p.dagdelen.length)
  const clash = botsing.length
    ? ` ${hoofdletter(lijst(botsing.map(dagdeelNaam)))} ${botsing.length === 1 ? 'valt samen met taalles en telt' : 'vallen samen met taalles en tellen'} niet mee.`
    : ''
  if (hard)
    return { score: 0, hard, uitleg: `Beschikbaar op ${bruikbaar.length} van de ${p.dagdelen.length} dagdelen van de plek; nodig zijn er minstens ${Math.min(nodig, p.dagdelen.length)} voor ${p.urenPerWeek.min} uur.${clash}` }
  return { score, hard, uitleg: `Beschikbaar op ${bruikbaar.length} van de ${p.dagdelen.length} dagdelen van de plek.${clash}` }
}

/** The deelnemer's hours and the plek's hours overlap; opbouw can bridge a short gap. */
export const uren: Criterium = ({ deelnemer: d, plek: p }) => {
  const overlap = Math.min(d.urenPerWeek.max, p.urenPerWeek.max) - Math.max(d.urenPerWeek.min, p.urenPerWeek.min)
  if (overlap >= 0) return { score: 1, hard: false, uitleg: `Uren passen: de plek vraagt ${urenTekst(p.urenPerWeek)} uur, de deelnemer kan ${urenTekst(d.urenPerWeek)} uur.` }
  if (d.urenPerWeek.max < p.urenPerWeek.min && p.opbouw)
    return { score: 0.5, hard: false, uitleg: `De plek vraagt minstens ${p.urenPerWeek.min} uur, de deelnemer kan ${d.urenPerWeek.max}; met opbouw kan dat in het begin minder.` }
  const teVeel = d.urenPerWeek.max < p.urenPerWeek.min
  return {
    score: 0,
    hard: true,
    uitleg: teVeel
      ? `De plek vraagt minstens ${p.urenPerWeek.min} uur; de deelnemer kan hoogstens ${d.urenPerWeek.max} uur.`
      : `De plek biedt hoogstens ${p.urenPerWeek.max} uur; de deelnemer zoekt minstens ${d.urenPerWeek.min} uur.`,
  }
}

/** Travel distance against the deelnemer's own maximum (exactly at the limit still fits). */
export const reisafstand: Criterium = ({ deelnemer: d, afstandKm }) => {
  const max = d.mobiliteit.maxReisafstandKm
  const vervoer = [d.mobiliteit.fiets && 'fiets', d.mobiliteit.ov && 'ov', (d.mobiliteit.auto || d.mobiliteit.rijbewijs) && 'auto'].filter(Boolean) as string[]
  const met = vervoer.length ? ` (${lijst(vervoer)})` : ' (te voet)'
  if (afstandKm > max + 1e-9) return { score: 0, hard: true, uitleg: `${km(afstandKm)} km reizen; de deelnemer reist hoogstens ${km(max)} km${met}.` }
  return { score: clamp(1 - 0.5 * (afstandKm / Math.max(max, 0.1))), hard: false, uitleg: `${km(afstandKm)} km reizen, binnen de ${km(max)} km die de deelnemer kan${met}.` }
}

const ondersteuning = (p: MatchInput['plek']) => p.lagerNiveauMetOndersteuning || p.begeleiding.some((b) => b === 'taalcoach' || b === 'buddy' || b === 'werkbegeleider')

/**
 * Taalniveau per vaardigheid against the plek's minimum. Vraaggericht, a lower level is hard unless
 * the werkgever accepts it with support; aanbodgericht, support on the work floor relaxes a gap
 * of one level per vaardigheid.
 */
export const taalniveau: Criterium = ({ deelnemer: d, plek: p, richting }) => {
  const tekort = vaardigheden.filter((v) => rank(d.taalniveau[v]) < rank(p.taalniveau[v]))
  if (tekort.length === 0) return { score: 1, hard: false, uitleg: 'Taalniveau voldoet op alle vier vaardigheden.' }
  const gat = tekort.reduce((s, v) => s + rank(p.taalniveau[v]) - rank(d.taalniveau[v]), 0)
  const grootsteGat = Math.max(...tekort.map((v) => rank(p.taalniveau[v]) - rank(d.taalniveau[v])))
  const wat = lijst(tekort.map((v) => `${v} ${d.taalniveau[v]} (gevraagd ${p.taalniveau[v]})`))
  const score = clamp(1 - 0.2 * gat)
  const versoepeld = richting === 'aanbodgericht' ? ondersteuning(p) && grootsteGat <= 1 : p.lagerNiveauMetOndersteuning
  if (versoepeld) return { score: Math.max(score, 0.3), hard: false, metOndersteuning: true, uitleg: `Lager dan gevraagd: ${wat}; de plek biedt ondersteuning op de werkvloer.` }
  return { score: 0, hard: true, uitleg: `Lager dan gevraagd: ${wat}${richting === 'aanbodgericht' && grootsteGat > 1 ? ', meer dan één niveau' : ''}; zonder ondersteuning is dat te veel.` }
}

/**
 * How much a criterion matters for this deelnemer, as a pull towards neutral: with relevance r a
 * raw score s becomes s + (1 − s)(1 − r). Unlike a per-person weight this keeps the total score
 * monotone: a deelnemer who improves never scores lower (a property test checks this).
 */
const relevant = (score: number, relevance: number) => clamp(score + (1 - score) * (1 - relevance))

/** A language-rich plek matters most for people who need practice most: A0–A1 fully, A2 less, B1+ little. */
export const taalrijkheid: Criterium = ({ deelnemer: d, plek: p }) => {
  const spreken = rank(d.taalniveau.spreken)
  const relevance = spreken <= rank('A1') ? 1 : spreken === rank('A2') ? 0.7 : 0.4
  const oordeel = p.taalrijkheidsscore >= 7 ? 'zeer taalrijk' : p.taalrijkheidsscore >= 4 ? 'redelijk taalrijk' : 'weinig taalrijk'
  const waarom = relevance === 1 ? '; telt volledig mee omdat de deelnemer nog veel moet oefenen' : ''
  return { score: relevant(p.taalrijkheidsscore / 10, relevance), hard: false, uitleg: `De plek is ${oordeel} (${getal(p.taalrijkheidsscore)} van 10)${waarom}.` }
}

/** Words that say nothing about which work it is: "pedagogisch medewerker" is about the pedagogisch. */
const algemeneBeroepswoorden = new Set(['medewerker', 'medewerkster', 'assistent', 'assistente', 'hulp', 'hulpkracht', 'leerling', 'junior', 'senior', 'algemeen', 'algemene', 'allround', 'werk', 'werker'])
const woorden = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/**
 * A plek fits a wensberoep when a distinctive word of it starts a word of the plek's titel or
 * beroep, allowing a short ending ("verzorgende" ~ "verzorgend", "kok" needs "kok"). Generic words
 * such as "medewerker" do not count, or every "…medewerker" plek would fit every wish.
 */
export function fitsWensberoep(wensberoep: string, plekTekst: string): boolean {
  const kern = woorden(wensberoep).filter((w) => w.length >= 3 && !algemeneBeroepswoorden.has(w))
  const doel = woorden(plekTekst)
  // compound words count by their parts: "zorgmedewerker" contains "zorg"
  return kern.some((w) => {
    const stam = w.length > 5 ? w.slice(0, w.length - 2) : w
    return doel.some((d) => d.startsWith(stam) || d.endsWith(w) || (stam.length >= 4 && d.includes(stam)))
  })
}

/** Sector, vorm and wensberoep wishes; a plek in the sector of the wensberoep is a first step. */
export const wensen: Criterium = ({ deelnemer: d, plek: p }) => {
  const w = d.wensen
  const delen: { past: boolean; tekst: string }[] = []
  if (w.sectoren.length) delen.push({ past: w.sectoren.includes(p.sector), tekst: `sector ${p.sector}` })
  if (w.vormen.length) delen.push({ past: w.vormen.includes(p.vorm), tekst: `vorm ${p.vorm}` })
  const beroep = w.wensberoep?.trim().toLowerCase()
  if (beroep) delen.push({ past: fitsWensberoep(beroep, `${p.titel} ${p.beroep ?? ''}`), tekst: `wensberoep ${w.wensberoep}` })
  if (delen.length === 0) return { score: 0.5, hard: false, uitleg: 'Geen wensen opgegeven.' }
  const ja = delen.filter((x) => x.past)
  const nee = delen.filter((x) => !x.past)
  const score = ja.length / delen.length
  const uitleg = [ja.length ? `Past bij ${lijst(ja.map((x) => x.tekst))}` : '', nee.length ? `${ja.length ? 'niet bij' : 'Past niet bij'} ${lijst(nee.map((x) => x.tekst))}` : '']
    .filter(Boolean)
    .join('; ')
  return { score, hard: false, uitleg: `${uitleg}.` }
}

/** Belastbaarheid against fysieke belasting and werkdruk; opbouw softens a small excess. */
export const belastbaarheid: Criterium = ({ deelnemer: d, plek: p }) => {
  const b = level3(d.belastbaarheid)
  const fysiek = Math.max(0, level3(p.fysiekeBelasting) - b)
  const druk = Math.max(0, level3(p.werkdruk) - b)
  if (fysiek === 0 && druk === 0)
    return { score: 1, hard: false, uitleg: `Fysieke belasting (${p.fysiekeBelasting}) en werkdruk (${p.werkdruk}) passen bij belastbaarheid ${d.belastbaarheid}.` }
  const hard = fysiek >= 2 || (fysiek + druk >= 2 && !p.opbouw)
  const score = hard ? 0 : clamp(1 - 0.35 * fysiek - 0.25 * druk + (p.opbouw ? 0.15 : 0))
  const wat = lijst([fysiek ? `fysieke belasting ${p.fysiekeBelasting}` : '', druk ? `werkdruk ${p.werkdruk}` : ''].filter(Boolean))
  return { score, hard, uitleg: `Zwaarder dan de belastbaarheid (${d.belastbaarheid}): ${wat}${p.opbouw && !hard ? '; opbouw in uren is mogelijk' : ''}.` }
}

/** Support on the work floor, which counts fully for the z-route and low belastbaarheid. */
export const begeleiding: Criterium = ({ deelnemer: d, plek: p }) => {
  const kwetsbaar = d.leerroute === 'z-route' || d.belastbaarheid === 'laag'
  const n = p.begeleiding.length
  const score = relevant(clamp(n / 2 + (p.opbouw ? 0.25 : 0)), kwetsbaar ? 1 : 0.5)
  const wat = n ? lijst(p.begeleiding) : 'geen begeleiding'
  return { score, hard: false, uitleg: `Op de werkvloer: ${wat}${p.opbouw ? ', met opbouw' : ''}${kwetsbaar ? ' (telt volledig mee voor deze deelnemer)' : ''}.` }
}

/** Kinderopvang needed and not arranged: only plekken within school hours fit. */
export const kinderopvang: Criterium = ({ deelnemer: d, plek: p }) => {
  if (d.kinderopvang !== 'nodig') return { score: 1, hard: false, uitleg: d.kinderopvang === 'geregeld' ? 'Kinderopvang is geregeld.' : 'Kinderopvang is niet nodig.' }
  if (p.binnenSchooltijden) return { score: 1, hard: false, uitleg: 'Kinderopvang is nog niet geregeld; de plek past binnen schooltijden.' }
  return { score: 0, hard: true, uitleg: 'Kinderopvang is nog niet geregeld en de plek valt buiten schooltijden.' }
}

/** Formal vereisten: a rijbewijs cannot be arranged quickly; VCA and VOG can (course, request). */
export const vereisten: Criterium = ({ deelnemer: d, plek: p, richting }) => {
  const v = p.vereisten
  const gevraagd = [v.rijbewijs && 'rijbewijs', v.vca && 'VCA', v.vog && 'VOG'].filter(Boolean) as string[]
  if (!gevraagd.length && !v.diploma) return { score: 1, hard: false, uitleg: 'Geen formele vereisten.' }
  const mist: string[] = []
  if (v.rijbewijs && !d.mobiliteit.rijbewijs) mist.push('rijbewijs')
  if (v.vca && !d.vca) mist.push('VCA')
  const teRegelen = [v.vog ? 'VOG aanvragen' : '', v.diploma ? `diploma (${v.diploma}) nagaan` : ''].filter(Boolean)
  const regelen = teRegelen.length ? ` Nog te regelen: ${lijst(teRegelen)}.` : ''
  // VOG and diploma are not something the deelnemer has or lacks here: they are to be arranged
  const heeft = gevraagd.filter((g) => g !== 'VOG')
  if (!mist.length)
    return { score: teRegelen.length ? 0.8 : 1, hard: false, uitleg: heeft.length ? `Voldoet aan ${lijst(heeft)}.${regelen}` : regelen.trim() }
  // aanbodgericht a VCA course can be funded (doorbraakbudget); vraaggericht the werkgever asks for it now
  const hard = mist.includes('rijbewijs') || richting === 'vraaggericht'
  return { score: hard ? 0 : 0.4, hard, uitleg: `Mist ${lijst(mist)}${!hard ? ' (een VCA-cursus is te regelen)' : ''}.${regelen}` }
}

/** Whether a hard limit of one criterion is not met, for one plek at a distance. */
export type HardCheck = (plek: MatchPlek, afstandKm: number) => boolean

/**
 * Only the `hard` verdict of each criterion, for one deelnemer against many plekken: no scores or
 * sentences, and the deelnemer's side worked out once. This is what the knock-outs check for every
 * candidate before anything is scored (most candidates in a wide radius fail one, and building
 * their sentences was most of a match request's time). Each check must agree with its criterion's
 * `hard` for every input; a property test (test/matching/properties.test.ts) checks that.
 */
export function prepareHardChecks(d: MatchDeelnemer, richting: Richting): Record<CriteriumCode, HardCheck> {
  return new HardChecks(d, richting)
}

/**
 * The checks as methods of one object per deelnemer (not closures made per call: the server runs
 * under tsx, which gives every closure it makes a name at run time, a cost measured in the
 * vraaggericht profile where one deelnemer is prepared per candidate).
 */
class HardChecks implements Record<CriteriumCode, HardCheck> {
  private readonly bruikbaar: Set<string>
  private readonly niveau: number[]
  private readonly b: number
  constructor(
    private readonly d: MatchDeelnemer,
    private readonly richting: Richting,
  ) {
    this.bruikbaar = new Set(d.beschikbareDagdelen.filter((x) => !d.taallesDagdelen.includes(x)))
    this.niveau = vaardigheden.map((v) => rank(d.taalniveau[v]))
    this.b = level3(d.belastbaarheid)
  }
  dagdelen(p: MatchPlek) {
    let n = 0
    for (const x of p.dagdelen) if (this.bruikbaar.has(x)) n++
    return n < Math.min(Math.ceil(p.urenPerWeek.min / UREN_PER_DAGDEEL), p.dagdelen.length)
  }
  uren(p: MatchPlek) {
    const d = this.d
    const overlap = Math.min(d.urenPerWeek.max, p.urenPerWeek.max) - Math.max(d.urenPerWeek.min, p.urenPerWeek.min)
    return !(overlap >= 0 || (d.urenPerWeek.max < p.urenPerWeek.min && p.opbouw))
  }
  reisafstand(_p: MatchPlek, afstandKm: number) {
    return afstandKm > this.d.mobiliteit.maxReisafstandKm + 1e-9
  }
  taalniveau(p: MatchPlek) {
    let grootsteGat = 0
    for (let i = 0; i < vaardigheden.length; i++) grootsteGat = Math.max(grootsteGat, rank(p.taalniveau[vaardigheden[i]!]) - this.niveau[i]!)
    if (grootsteGat === 0) return false
    return !(this.richting === 'aanbodgericht' ? ondersteuning(p) && grootsteGat <= 1 : p.lagerNiveauMetOndersteuning)
  }
  taalrijkheid() {
    return false
  }
  wensen() {
    return false
  }
  belastbaarheid(p: MatchPlek) {
    const fysiek = Math.max(0, level3(p.fysiekeBelasting) - this.b)
    const druk = Math.max(0, level3(p.werkdruk) - this.b)
    if (fysiek === 0 && druk === 0) return false
    return fysiek >= 2 || (fysiek + druk >= 2 && !p.opbouw)
  }
  begeleiding() {
    return false
  }
  kinderopvang(p: MatchPlek) {
    return this.d.kinderopvang === 'nodig' && !p.binnenSchooltijden
  }
  vereisten(p: MatchPlek) {
    const d = this.d
    return Boolean((p.vereisten.rijbewijs && !d.mobiliteit.rijbewijs) || (this.richting === 'vraaggericht' && p.vereisten.vca && !d.vca))
  }
}

export const criteria: Record<CriteriumCode, Criterium> = {
  dagdelen,
  uren,
  reisafstand,
  taalniveau,
  taalrijkheid,
  wensen,
  belastbaarheid,
  begeleiding,
  kinderopvang,
  vereisten,
}
