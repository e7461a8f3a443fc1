import { criteria, prepareHardChecks, type HardCheck } from './criteria.js'
import { criteriumCodes } from './config.js'
import type { CriteriumCode, CriteriumResultaat, MatchDeelnemer, MatchPlek, MatchResultaat, Richting, RichtingConfig } from './types.js'

// Scores pairs and ranks them. Pure: no I/O, no clock, no framework. A person reads the reasons
// and decides; nothing here places anyone.

/** The colour thresholds (docs/matching.md, "Colours"): green from 85 %, amber from 40 %. */
export const GROEN_VANAF = 0.85
export const ORANJE_VANAF = 0.4

/**
 * A criterion's colour follows its score, with two rules so the colours never contradict the
 * verdict: a hard limit that excludes is red, and a hard limit of this direction that is met (or
 * bridged by support) is never red, at worst amber, since the match stays in the list.
 */
export function kleur(score: number, opties: { knockout: boolean; sluitUit: boolean; metOndersteuning?: boolean }): CriteriumResultaat['kleur'] {
  if (opties.knockout) return 'rood'
  if (opties.metOndersteuning) return 'oranje'
  if (score >= GROEN_VANAF) return 'groen'
  return score >= ORANJE_VANAF || opties.sluitUit ? 'oranje' : 'rood'
}

/**
 * Whether a plek is excluded for this deelnemer by a knock-out of the richting, without scoring
 * it: only the verdicts, with the deelnemer's side worked out once (criteria.ts prepareHardChecks).
 * For many plekken against one deelnemer, prepare once and call per plek.
 */
export function prepareKnockouts(deelnemer: MatchDeelnemer, richting: Richting, config: RichtingConfig): HardCheck {
  const checks = prepareHardChecks(deelnemer, richting)
  // the verdict is the same in any order: the cheap checks first, the list comparisons last
  const cheapFirst = { ...config, knockouts: [...config.knockouts].sort((a, b) => cost[a] - cost[b]) }
  return (plek, afstandKm) => excluded(checks, cheapFirst, plek, afstandKm)
}

/** Relative cost of each quick verdict (criteria.ts HardChecks): comparisons, then lists. */
const cost: Record<CriteriumCode, number> = {
  reisafstand: 0, uren: 1, kinderopvang: 1, vereisten: 2, belastbaarheid: 2, taalniveau: 3, dagdelen: 4, taalrijkheid: 0, wensen: 0, begeleiding: 0,
}

function excluded(checks: Record<CriteriumCode, HardCheck>, config: RichtingConfig, plek: MatchPlek, afstandKm: number): boolean {
  for (const code of config.knockouts) if (checks[code](plek, afstandKm)) return true
  return false
}

export function evaluate(
  deelnemer: MatchDeelnemer,
  plek: MatchPlek,
  richting: Richting,
  config: RichtingConfig,
  afstandKm: number,
  id: string,
  opties: { alleenGeschikt?: boolean } = {},
): MatchResultaat {
  // When excluded matches are not wanted, the knock-outs are checked first and an excluded pair
  // costs no more than those checks (most candidates in a wide radius fail one).
  if (opties.alleenGeschikt && excluded(prepareHardChecks(deelnemer, richting), config, plek, afstandKm)) return { id, score: 0, uitgesloten: true, criteria: [] }
  const knockouts = new Set(config.knockouts)
  let gewogen = 0
  let totaalGewicht = 0
  let uitgesloten = false
  const resultaten: CriteriumResultaat[] = []
  for (const code of criteriumCodes) {
    const b = criteria[code]({ deelnemer, plek, richting, afstandKm })
    const knockout = b.hard && knockouts.has(code)
    uitgesloten ||= knockout
    const gewicht = config.gewichten[code] ?? 0
    gewogen += gewicht * b.score
    totaalGewicht += gewicht
    const afgerond = Math.round(b.score * 100) / 100
    const metOndersteuning = b.metOndersteuning === true && !knockout
    resultaten.push({
      code, score: afgerond, knockout, kleur: kleur(afgerond, { knockout, sluitUit: knockouts.has(code), metOndersteuning }), uitleg: b.uitleg,
      ...(metOndersteuning ? { metOndersteuning } : {}),
    })
  }
  const score = totaalGewicht ? Math.round((gewogen / totaalGewicht) * 100) : 0
  return { id, score, uitgesloten, criteria: resultaten }
}

const tel = (m: MatchResultaat, k: CriteriumResultaat['kleur']) => m.criteria.reduce((n, c) => n + Number(c.kleur === k), 0)

/**
 * Highest score first; excluded matches last. Equal scores (docs/matching.md, "Ties"): fewer red
 * criteria first, then fewer amber ones (the one with less to discuss), then by id, so the order
 * is stable.
 */
export function sortResults(resultaten: MatchResultaat[]): MatchResultaat[] {
  return [...resultaten].sort((a, b) =>
    Number(a.uitgesloten) - Number(b.uitgesloten) || b.score - a.score
    || tel(a, 'rood') - tel(b, 'rood') || tel(a, 'oranje') - tel(b, 'oranje')
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
