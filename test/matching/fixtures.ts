import type { MatchDeelnemer, MatchPlek } from '../../server/matching/types.js'

export const deelnemer = (over: Partial<MatchDeelnemer> = {}): MatchDeelnemer => ({
  id: 'd1',
  taalniveau: { spreken: 'A2', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' },
  leerroute: 'b1-route',
  beschikbareDagdelen: ['ma-ochtend', 'wo-ochtend', 'do-ochtend', 'vr-ochtend'],
  taallesDagdelen: ['di-ochtend', 'di-middag', 'do-middag'],
  urenPerWeek: { min: 8, max: 16 },
  kinderopvang: 'niet-nodig',
  mobiliteit: { fiets: true, ov: true, rijbewijs: false, auto: false, maxReisafstandKm: 10 },
  belastbaarheid: 'middel',
  wensen: { sectoren: ['logistiek'], vormen: [], wensberoep: 'magazijnmedewerker' },
  lat: 51.8139,
  lon: 4.6686,
  ...over,
})

export const plek = (over: Partial<MatchPlek> = {}): MatchPlek => ({
  id: 'p1',
  titel: 'Magazijnmedewerker',
  beroep: 'magazijnmedewerker',
  sector: 'logistiek',
  vorm: 'werkervaringsplek',
  dagdelen: ['ma-ochtend', 'wo-ochtend', 'vr-ochtend'],
  urenPerWeek: { min: 8, max: 12 },
  taalniveau: { spreken: 'A2', luisteren: 'A2', lezen: 'A1', schrijven: 'A1' },
  lagerNiveauMetOndersteuning: false,
  begeleiding: ['buddy'],
  taalrijkheidsscore: 6,
  opbouw: false,
  fysiekeBelasting: 'middel',
  werkdruk: 'middel',
  binnenSchooltijden: false,
  vereisten: { rijbewijs: false, vog: false, vca: false },
  lat: 51.8139,
  lon: 4.6686,
  ...over,
})
