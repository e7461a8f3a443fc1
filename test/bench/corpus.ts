import { readFileSync } from 'node:fs'
import { begeleidingSoorten, dagdelen, sectoren, vormen, type Sector } from '../../server/domain/enums.js'
import { bucketOf, type PlekDocument } from '../../search/port.js'

// A deterministic synthetic corpus of plekken for benchmarks: realistic words, places from the
// PC4 table, the value spread of the demo data. Same seed, same corpus, on every machine.

export function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const beroepen: [string, Sector][] = [
  ['magazijnmedewerker', 'logistiek'], ['orderpicker', 'logistiek'], ['heftruckchauffeur', 'logistiek'],
  ['schoonmaker', 'schoonmaak'], ['glazenwasser', 'schoonmaak'], ['keukenhulp', 'horeca'], ['afwasser', 'horeca'],
  ['gastvrouw', 'horeca'], ['kok', 'horeca'], ['verzorgende', 'zorg'], ['helpende zorg', 'zorg'], ['activiteitenbegeleider', 'zorg'],
  ['hovenier', 'groen'], ['groenvoorziener', 'groen'], ['vakkenvuller', 'detailhandel'], ['kassamedewerker', 'detailhandel'],
  ['monteur', 'techniek'], ['fietsenmaker', 'techniek'], ['timmerman', 'bouw'], ['schilder', 'bouw'],
  ['productiemedewerker', 'productie'], ['inpakker', 'productie'], ['pedagogisch medewerker', 'kinderopvang'],
  ['onderwijsassistent', 'onderwijs'], ['administratief medewerker', 'administratie'], ['receptionist', 'facilitair'],
  ['conciërge', 'facilitair'], ['sportbegeleider', 'cultuur-en-sport'], ['museumgastheer', 'cultuur-en-sport'], ['klusjesman', 'overig'],
]
const zinnen = [
  'Je werkt samen met vaste collega’s die Nederlands met je spreken.',
  'Elke ochtend is er een kort werkoverleg waarin de taken worden verdeeld.',
  'Je krijgt uitleg van een werkbegeleider en een buddy helpt je de eerste weken.',
  'Klanten stellen je vragen en je leert hen in eenvoudig Nederlands te helpen.',
  'Er zijn woordenlijsten met vaktaal en je mag oefenen met opdrachten uit de taalles.',
  'Het werk is afwisselend en je bouwt rustig op in uren.',
  'Veiligheid is belangrijk: je volgt instructies op papier en mondeling.',
  'Het team is klein en gezellig; in de pauze wordt veel gepraat.',
  'Je werkt soms alleen, maar er is altijd iemand om vragen aan te stellen.',
  'Na een paar maanden kun je doorgroeien naar betaald werk.',
]
const organisatieWoorden = ['Stichting', 'Groep', 'Zorg', 'Logistiek', 'Buurtwerk', 'Techniek', 'Horeca', 'Service']
const namen = ['De Linde', 'Het Anker', 'Maasoever', 'De Brug', 'Zonnehof', 'De Schakel', 'Waterpoort', 'Het Kompas', 'De Wielen', 'Noorderlicht']

export function loadPlaces(): { plaats: string; lat: number; lon: number }[] {
  const csv = readFileSync(new URL('../../db/data/pc4-nl.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)
  return csv.map((l) => {
    const [, plaats, lat, lon] = l.split(',')
    return { plaats: plaats!, lat: Number(lat), lon: Number(lon) }
  })
}

export function makeCorpus(n: number, seed = 42): PlekDocument[] {
  const rnd = prng(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  const places = loadPlaces()
  const docs: PlekDocument[] = []
  for (let i = 0; i < n; i++) {
    const [beroep, sector] = rnd() < 0.85 ? pick(beroepen) : ['medewerker', pick(sectoren)]
    const place = pick(places)
    const urenMin = 8 + Math.floor(rnd() * 9)
    const score = Math.round(rnd() * 20) / 2
    const zinnenVanPlek = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(zinnen))
    docs.push({
      id: `bench-${i}`,
      versie: 1,
      titel: `${beroep[0]!.toUpperCase()}${beroep.slice(1)} ${rnd() < 0.3 ? 'met buddy' : ''}`.trim(),
      omschrijving: `Als ${beroep} bij ons in ${place.plaats} help je mee. ${zinnenVanPlek.join(' ')}`,
      beroep,
      organisatieNaam: `${pick(organisatieWoorden)} ${pick(namen)}`,
      plaats: place.plaats,
      sector,
      vorm: pick(vormen),
      begeleiding: begeleidingSoorten.filter(() => rnd() < 0.4),
      dagdelen: dagdelen.filter(() => rnd() < 0.15),
      urenMin,
      urenMax: urenMin + Math.floor(rnd() * 9),
      niveau: { spreken: Math.floor(rnd() * 4), luisteren: Math.floor(rnd() * 4), lezen: Math.floor(rnd() * 3), schrijven: Math.floor(rnd() * 3) },
      taalrijkheidsscore: score,
      taalrijkheid: bucketOf(score),
      binnenSchooltijden: rnd() < 0.3,
      vergoeding: pick(['geen', 'onkostenvergoeding', 'loon'] as const),
      lat: place.lat + (rnd() - 0.5) * 0.02,
      lon: place.lon + (rnd() - 0.5) * 0.02,
      gepubliceerdOp: Date.parse('2026-01-01T00:00:00Z') + Math.floor(rnd() * 300 * 86400_000),
    })
  }
  return docs
}
