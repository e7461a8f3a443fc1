import type { Begeleiding, Niveau, Sector, Vaardigheid, Vorm } from '../domain/enums.js'

// Plain inputs of the matcher: only what matching needs, no database rows, no framework types.

export type Richting = 'aanbodgericht' | 'vraaggericht'
export type Niveau3 = 'laag' | 'middel' | 'hoog'

export interface MatchDeelnemer {
  id: string
  taalniveau: Record<Vaardigheid, Niveau>
  leerroute: 'b1-route' | 'onderwijsroute' | 'z-route'
  beschikbareDagdelen: string[]
  taallesDagdelen: string[]
  urenPerWeek: { min: number; max: number }
  kinderopvang: 'niet-nodig' | 'geregeld' | 'nodig'
  mobiliteit: { fiets: boolean; ov: boolean; rijbewijs: boolean; auto: boolean; maxReisafstandKm: number }
  belastbaarheid: Niveau3
  wensen: { sectoren: Sector[]; vormen: Vorm[]; wensberoep?: string }
  vca?: boolean
  lat: number
  lon: number
}

export interface MatchPlek {
  id: string
  titel: string
  beroep?: string
  sector: Sector
  vorm: Vorm
  dagdelen: string[]
  urenPerWeek: { min: number; max: number }
  taalniveau: Record<Vaardigheid, Niveau>
  lagerNiveauMetOndersteuning: boolean
  begeleiding: Begeleiding[]
  taalrijkheidsscore: number
  opbouw: boolean
  fysiekeBelasting: Niveau3
  werkdruk: Niveau3
  binnenSchooltijden: boolean
  vereisten: { rijbewijs: boolean; vog: boolean; vca: boolean; diploma?: string }
  lat: number
  lon: number
}

export interface MatchInput {
  deelnemer: MatchDeelnemer
  plek: MatchPlek
  richting: Richting
  /** Travel distance in km between the deelnemer's and the plek's postcode. */
  afstandKm: number
}

/** What one criterion says about one deelnemer–plek pair. */
export interface Beoordeling {
  /** 0 (does not fit at all) … 1 (fits fully). */
  score: number
  /** A hard limit is not met. Whether that excludes the match is the direction's choice. */
  hard: boolean
  /** One Dutch sentence a jobhunter can read aloud. */
  uitleg: string
  /** A hard limit that is not met on its own, bridged by support on the work floor (a relaxed knock-out). */
  metOndersteuning?: boolean
}

import type { CriteriumCode } from '../domain/enums.js'
export type { CriteriumCode }

export type Criterium = (input: MatchInput) => Beoordeling

export interface RichtingConfig {
  /** Criteria whose hard failure excludes the match in this direction. */
  knockouts: CriteriumCode[]
  /** Relative weights; they need not add up to anything. */
  gewichten: Record<CriteriumCode, number>
}

export interface CriteriumResultaat {
  code: CriteriumCode
  score: number
  knockout: boolean
  kleur: 'groen' | 'oranje' | 'rood'
  uitleg: string
  /** Fits only with support on the work floor ("past met ondersteuning", amber). */
  metOndersteuning?: boolean
}

export interface MatchResultaat {
  id: string
  /** 0–100: the weighted mean of the criteria. */
  score: number
  uitgesloten: boolean
  criteria: CriteriumResultaat[]
}
