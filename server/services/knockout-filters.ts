import { niveaus, vaardigheden, type Niveau, type Vaardigheid } from '../domain/enums.js'
import type { MatchDeelnemer, RichtingConfig } from '../matching/types.js'
import type { PlekFilters } from '../../search/port.js'

// Aanbodgericht asks the search index for candidates. Most plekken within a deelnemer's travel
// limit fail one of the knock-outs; those the index can tell from its own fields are left out
// there, so they are neither loaded nor checked one by one. Each filter is a necessary condition
// of passing its knock-out (criteria.ts HardChecks), never more: the matcher still checks every
// candidate exactly, so the answer is the same with or without these filters
// (test/matching/knockout-filters.test.ts compares both on random data).

/** The index filters implied by the knock-outs of aanbodgericht for this deelnemer. */
export function knockoutFilters(d: MatchDeelnemer, config: Pick<RichtingConfig, 'knockouts'>): PlekFilters {
  const ko = new Set(config.knockouts)
  const filters: PlekFilters = {}
  // uren: the plek's hours overlap the deelnemer's, or start above them with opbouw; either way
  // the plek's maximum reaches the deelnemer's minimum
  if (ko.has('uren')) filters.urenMin = d.urenPerWeek.min
  // dagdelen: enough of the plek's dagdelen are free (beschikbaar, not taalles) for its minimum
  // hours: the knock-out itself, which the index can count (most candidates failed only this one)
  if (ko.has('dagdelen')) filters.werkbaarOp = d.beschikbareDagdelen.filter((x) => !d.taallesDagdelen.includes(x))
  // kinderopvang: when it is needed, only plekken within school hours
  if (ko.has('kinderopvang') && d.kinderopvang === 'nodig') filters.binnenSchooltijden = true
  // taalniveau: aanbodgericht bridges a gap of at most one level (with support), never more
  if (ko.has('taalniveau')) {
    const maxNiveau: Partial<Record<Vaardigheid, Niveau>> = {}
    for (const v of vaardigheden) {
      const hoogst = niveaus[niveaus.indexOf(d.taalniveau[v]) + 1]
      if (hoogst) maxNiveau[v] = hoogst
    }
    if (Object.keys(maxNiveau).length) filters.maxNiveau = maxNiveau
  }
  return filters
}
