import fc from 'fast-check'
import { begeleidingSoorten, dagdelen, niveaus, sectoren, vormen } from '../../server/domain/enums.js'
import type { MatchDeelnemer, MatchPlek } from '../../server/matching/types.js'

// Random deelnemers and plekken as the matcher reads them (valid as the API would accept them: a
// plek has at least one dagdeel and one hour), for property tests.

const niveau = fc.constantFrom(...niveaus)
const taal = fc.record({ spreken: niveau, luisteren: niveau, lezen: niveau, schrijven: niveau })
const drie = fc.constantFrom('laag', 'middel', 'hoog' as const)
const dagdeelSet = fc.subarray([...dagdelen])
const uren = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 })).map(([min, extra]) => ({ min, max: Math.min(40, min + extra) }))

export const arbDeelnemer: fc.Arbitrary<MatchDeelnemer> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  taalniveau: taal,
  leerroute: fc.constantFrom('b1-route', 'onderwijsroute', 'z-route' as const),
  beschikbareDagdelen: dagdeelSet,
  taallesDagdelen: dagdeelSet,
  urenPerWeek: uren,
  kinderopvang: fc.constantFrom('niet-nodig', 'geregeld', 'nodig' as const),
  mobiliteit: fc.record({ fiets: fc.boolean(), ov: fc.boolean(), rijbewijs: fc.boolean(), auto: fc.boolean(), maxReisafstandKm: fc.integer({ min: 1, max: 50 }) }),
  belastbaarheid: drie,
  wensen: fc.record({ sectoren: fc.subarray([...sectoren], { maxLength: 3 }), vormen: fc.subarray([...vormen], { maxLength: 2 }), wensberoep: fc.option(fc.constantFrom('kok', 'magazijnmedewerker', 'verzorgende'), { nil: undefined }) }),
  vca: fc.boolean(),
  lat: fc.constant(51.8),
  lon: fc.constant(4.67),
})

export const arbPlek: fc.Arbitrary<MatchPlek> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  titel: fc.constantFrom('Kok', 'Magazijnmedewerker', 'Gastvrouw'),
  beroep: fc.option(fc.constantFrom('kok', 'magazijnmedewerker'), { nil: undefined }),
  sector: fc.constantFrom(...sectoren),
  vorm: fc.constantFrom(...vormen),
  dagdelen: fc.subarray([...dagdelen], { minLength: 1 }),
  urenPerWeek: uren,
  taalniveau: taal,
  lagerNiveauMetOndersteuning: fc.boolean(),
  begeleiding: fc.subarray([...begeleidingSoorten]),
  taalrijkheidsscore: fc.integer({ min: 0, max: 20 }).map((x) => x / 2),
  opbouw: fc.boolean(),
  fysiekeBelasting: drie,
  werkdruk: drie,
  binnenSchooltijden: fc.boolean(),
  vereisten: fc.record({ rijbewijs: fc.boolean(), vog: fc.boolean(), vca: fc.boolean() }),
  lat: fc.constant(51.8),
  lon: fc.constant(4.67),
})
