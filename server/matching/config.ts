import type { Richting, RichtingConfig } from './types.js'

// Default configuration per direction. The reasoning is in docs/matching.md; a beheerder can change
// the weights (not the knock-outs) through the API, and every result records the weights used.

export const standaardConfig: Record<Richting, RichtingConfig> = {
  // From the deelnemer: their hard limits exclude; their wishes and needs weigh most.
  aanbodgericht: {
    knockouts: ['dagdelen', 'uren', 'reisafstand', 'belastbaarheid', 'kinderopvang', 'vereisten', 'taalniveau'],
    gewichten: {
      dagdelen: 3,
      uren: 2,
      reisafstand: 2,
      taalniveau: 2,
      taalrijkheid: 3,
      wensen: 3,
      belastbaarheid: 2,
      begeleiding: 2,
      kinderopvang: 1,
      vereisten: 1,
    },
  },
  // From the plek: the werkgever's requirements exclude; fit with the work weighs most.
  vraaggericht: {
    knockouts: ['vereisten', 'taalniveau', 'uren', 'dagdelen', 'reisafstand', 'kinderopvang'],
    gewichten: {
      dagdelen: 3,
      uren: 3,
      reisafstand: 1,
      taalniveau: 3,
      taalrijkheid: 1,
      wensen: 2,
      belastbaarheid: 2,
      begeleiding: 1,
      kinderopvang: 1,
      vereisten: 3,
    },
  },
}

export { criteriumCodes } from '../domain/enums.js'
