import type { TaalrijkheidItem } from './enums.js'

/**
 * The taalrijkheidsscore (0–10) of a plek, derived from its checklist.
 *
 * Weights (they add up to 10). The heaviest items are the ones the pilots name as what
 * makes a werkplek really language-rich: Dutch as the working language and a fixed colleague
 * who speaks Dutch with the deelnemer every day. Items that create spoken interaction weigh 1;
 * items that help but do not by themselves make people talk (written instructions,
 * vocabulary lists, a taalcoach who may visit, lessons on site) weigh 0.5.
 */
export const taalrijkheidGewichten: Record<TaalrijkheidItem, number> = {
  nederlandsVoertaal: 1.5,
  vastTaalmaatje: 1.5,
  samenwerkenMetCollegas: 1,
  klantcontact: 1,
  mondelingeInstructies: 1,
  werkoverleg: 1,
  taalopdrachten: 1,
  schriftelijkeInstructies: 0.5,
  vaktaalmateriaal: 0.5,
  taalcoachWelkom: 0.5,
  taallesOpLocatie: 0.5,
}

const uitlegAanwezig: Record<TaalrijkheidItem, string> = {
  nederlandsVoertaal: 'Nederlands is de voertaal op de werkvloer.',
  vastTaalmaatje: 'Een vaste collega spreekt elke werkdag Nederlands met de deelnemer (taalmaatje).',
  samenwerkenMetCollegas: 'De deelnemer werkt samen met Nederlandstalige collega’s.',
  klantcontact: 'Er is contact met klanten, bezoekers of cliënten.',
  mondelingeInstructies: 'Het werk wordt mondeling uitgelegd.',
  werkoverleg: 'De deelnemer doet mee aan werkoverleg.',
  taalopdrachten: 'Opdrachten uit de taalles kunnen op de werkvloer worden gedaan (taalportfolio).',
  schriftelijkeInstructies: 'Er zijn schriftelijke instructies (lezen op het werk).',
  vaktaalmateriaal: 'Er zijn woordenlijsten met vaktaal.',
  taalcoachWelkom: 'Een taalcoach is welkom op de werkvloer.',
  taallesOpLocatie: 'Taalles of taalcoaching kan bij de werkgever plaatsvinden.',
}

// Only the absence of the items that matter most is worth a sentence; a list of eleven
// "no"s would drown the reasons that count.
const uitlegAfwezig: Partial<Record<TaalrijkheidItem, string>> = {
  nederlandsVoertaal: 'Nederlands is niet de voertaal: de deelnemer hoort weinig Nederlands.',
  vastTaalmaatje: 'Er is geen vast taalmaatje.',
  samenwerkenMetCollegas: 'De deelnemer werkt vooral alleen.',
}

export type Taalrijkheid = Record<TaalrijkheidItem, boolean>

export function taalrijkheidsscore(checklist: Taalrijkheid): { score: number; uitleg: string[] } {
  let score = 0
  const aanwezig: string[] = []
  const afwezig: string[] = []
  for (const [item, gewicht] of Object.entries(taalrijkheidGewichten) as [TaalrijkheidItem, number][]) {
    if (checklist[item]) {
      score += gewicht
      aanwezig.push(uitlegAanwezig[item])
    } else if (uitlegAfwezig[item]) {
      afwezig.push(uitlegAfwezig[item]!)
    }
  }
  score = Math.round(score * 10) / 10
  return { score, uitleg: [`${oordeel(score)} (${formatScore(score)} van 10).`, ...aanwezig, ...afwezig] }
}

export function oordeel(score: number): string {
  if (score >= 7) return 'Zeer taalrijke werkplek'
  if (score >= 4) return 'Redelijk taalrijke werkplek'
  return 'Weinig taalrijke werkplek'
}

// One formatter for all calls: toLocaleString with options builds a new one each time (~25 µs,
// most of the time of validating a plek in a bulk import).
const scoreFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 })
function formatScore(score: number): string {
  return scoreFormat.format(score)
}
