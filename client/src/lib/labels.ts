import type { deelnemerStatussen, doelgroepen, geletterdheden, kinderopvangOpties, leerroutes } from '../../../server/domain/deelnemer.js'
import type { CriteriumCode } from '../../../server/domain/enums.js'

// Display text for the domain's values. The values themselves stay as in docs/domain.md.

export { eindredenLabel, knelpuntLabel, sectorLabel, vormLabel } from '../../../server/domain/labels.js'

export const begeleidingLabel: Record<string, string> = {
  buddy: 'Buddy', werkbegeleider: 'Werkbegeleider', jobcoach: 'Jobcoach', taalcoach: 'Taalcoach',
}

export const taalrijkheidLabel: Record<string, string> = {
  samenwerkenMetCollegas: 'Samenwerken met Nederlandstalige collega’s',
  klantcontact: 'Klantcontact (klanten, bezoekers of cliënten)',
  mondelingeInstructies: 'Mondelinge instructies',
  schriftelijkeInstructies: 'Schriftelijke instructies',
  werkoverleg: 'Meedoen aan werkoverleg',
  vastTaalmaatje: 'Vast taalmaatje (een collega die elke werkdag Nederlands spreekt met de deelnemer)',
  taalcoachWelkom: 'Taalcoach welkom op de werkvloer',
  vaktaalmateriaal: 'Vaktaalmateriaal (woordenlijsten met vaktaal)',
  nederlandsVoertaal: 'Nederlands is de voertaal',
  taalopdrachten: 'Taalopdrachten uit de taalles kunnen op de werkvloer (taalportfolio)',
  taallesOpLocatie: 'Taalles of taalcoaching op locatie',
}

export const dagLabel: Record<string, string> = { ma: 'maandag', di: 'dinsdag', wo: 'woensdag', do: 'donderdag', vr: 'vrijdag', za: 'zaterdag', zo: 'zondag' }
export const vaardigheidLabel: Record<string, string> = { spreken: 'Spreken', luisteren: 'Luisteren', lezen: 'Lezen', schrijven: 'Schrijven' }
export const statusLabel: Record<string, string> = { concept: 'Concept', gepubliceerd: 'Gepubliceerd', vervuld: 'Vervuld', gesloten: 'Gesloten' }
export const vergoedingLabel: Record<string, string> = { geen: 'Geen vergoeding', onkostenvergoeding: 'Onkostenvergoeding', loon: 'Loon' }
export const belastingLabel: Record<string, string> = { laag: 'Laag', middel: 'Middel', hoog: 'Hoog' }
export const rolLabel: Record<string, string> = { beheerder: 'Beheerder', jobhunter: 'Jobhunter', jobcoach: 'Jobcoach', werkgever: 'Werkgever' }
export const soortLabel: Record<string, string> = {
  werkgever: 'Werkgever', vrijwilligersorganisatie: 'Vrijwilligersorganisatie', 'sw-bedrijf': 'SW-bedrijf', onderwijsinstelling: 'Onderwijsinstelling', overig: 'Overig',
}
export const sortLabel: Record<string, string> = { relevantie: 'Best passend', afstand: 'Afstand', taalrijkheid: 'Taalrijkheid', nieuwste: 'Nieuwste' }

export const label = (map: Record<string, string>, value: string) => map[value] ?? value

/** The options of a select: each value with its label (or the value itself). */
export const opties = (waarden: readonly string[], labels?: Record<string, string>) => waarden.map((w) => [w, labels?.[w] ?? w] as const)

/** "ma-ochtend, wo-ochtend" → "maandagochtend, woensdagochtend" */
export function dagdeelTekst(dagdeel: string): string {
  const [dag, deel] = dagdeel.split('-')
  return `${dagLabel[dag ?? ''] ?? dag}${deel ?? ''}`
}

export const formatScore = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })
export const formatDatum = (iso: string | undefined) =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }) : ''

// Deelnemers and matching

export const doelgroepLabel: Record<(typeof doelgroepen)[number], string> = {
  asielstatushouder: 'Asielstatushouder', gezinsmigrant: 'Gezinsmigrant', overig: 'Overig',
}
export const leerrouteLabel: Record<(typeof leerroutes)[number], string> = {
  'b1-route': 'B1-route', onderwijsroute: 'Onderwijsroute', 'z-route': 'Z-route',
}
export const geletterdheidLabel: Record<(typeof geletterdheden)[number], string> = {
  gealfabetiseerd: 'Gealfabetiseerd',
  'anders-gealfabetiseerd': 'Anders gealfabetiseerd (ander schrift)',
  'niet-gealfabetiseerd': 'Niet gealfabetiseerd',
}
export const kinderopvangLabel: Record<(typeof kinderopvangOpties)[number], string> = {
  'niet-nodig': 'Niet nodig', geregeld: 'Nodig en geregeld', nodig: 'Nodig, nog niet geregeld',
}
export const deelnemerStatusLabel: Record<(typeof deelnemerStatussen)[number], string> = {
  intake: 'Intake', zoekend: 'Zoekend', voorgesteld: 'Voorgesteld', geplaatst: 'Geplaatst', uitgestroomd: 'Uitgestroomd',
}
/** Utrecht status badge variant per deelnemer status. */
export const deelnemerStatusBadge: Record<(typeof deelnemerStatussen)[number], string> = {
  intake: 'neutral', zoekend: 'active', voorgesteld: 'active', geplaatst: 'success', uitgestroomd: 'inactive',
}

export const criteriumLabel: Record<CriteriumCode, string> = {
  dagdelen: 'Dagdelen', uren: 'Uren', reisafstand: 'Reisafstand', taalniveau: 'Taalniveau', taalrijkheid: 'Taalrijkheid',
  wensen: 'Wensen', belastbaarheid: 'Belastbaarheid', begeleiding: 'Begeleiding', kinderopvang: 'Kinderopvang', vereisten: 'Vereisten',
}

/** A criterion's colour never stands alone: an icon and a word say the same. */
export const kleurLabel: Record<'groen' | 'oranje' | 'rood', { icoon: string; tekst: string }> = {
  groen: { icoon: '✓', tekst: 'past' },
  oranje: { icoon: '~', tekst: 'past deels' },
  rood: { icoon: '✗', tekst: 'past niet' },
}
/** The word for one criterion's judgement: a relaxed knock-out is worded as what it is. */
export const oordeelTekst = (c: { kleur: 'groen' | 'oranje' | 'rood'; metOndersteuning?: boolean }) => (c.metOndersteuning ? 'past met ondersteuning' : kleurLabel[c.kleur].tekst)

export const richtingLabel: Record<'aanbodgericht' | 'vraaggericht', string> = { aanbodgericht: 'Aanbodgericht', vraaggericht: 'Vraaggericht' }

/** Per richting, when a criterion's hard limit excludes a match (server/matching/criteria.ts, config.ts). */
export const uitsluitTekst: Record<'aanbodgericht' | 'vraaggericht', Partial<Record<CriteriumCode, string>>> = {
  aanbodgericht: {
    dagdelen: 'De vrije dagdelen (zonder taalles) dragen de minimale uren van de plek niet',
    uren: 'De uren overlappen niet, en opbouw overbrugt dat niet',
    reisafstand: 'Verder dan de deelnemer wil reizen',
    taalniveau: 'Meer dan één niveau te laag, of te laag zonder ondersteuning op de werkvloer',
    belastbaarheid: 'Fysiek twee niveaus te zwaar, of samen twee niveaus te zwaar zonder opbouw',
    kinderopvang: 'Opvang nodig en niet geregeld, en de plek valt buiten schooltijden',
    vereisten: 'De plek vraagt een rijbewijs dat de deelnemer niet heeft',
  },
  vraaggericht: {
    vereisten: 'Een gevraagd rijbewijs of VCA ontbreekt',
    taalniveau: 'Lager dan het minimum, tenzij de werkgever een lager niveau met ondersteuning accepteert',
    uren: 'De uren overlappen niet, en opbouw overbrugt dat niet',
    dagdelen: 'De vrije dagdelen (zonder taalles) dragen de minimale uren van de plek niet',
    reisafstand: 'Verder dan de deelnemer wil reizen',
    kinderopvang: 'Opvang nodig en niet geregeld, en de plek valt buiten schooltijden',
  },
}

/** "16–24 uur" or "8 uur" when min equals max. */
export const urenTekst = (u: { min: number; max: number }) => (u.min === u.max ? `${u.min} uur` : `${u.min}–${u.max} uur`)

// Voorstellen, plaatsingen and nazorg

export const voorstelStatusLabel: Record<string, string> = {
  voorgesteld: 'Open', geaccepteerd: 'Geaccepteerd', afgewezen: 'Afgewezen', ingetrokken: 'Ingetrokken',
}
/** Utrecht status badge variant per voorstel status. */
export const voorstelStatusBadge: Record<string, string> = {
  voorgesteld: 'active', geaccepteerd: 'success', afgewezen: 'neutral', ingetrokken: 'inactive',
}
/** What a werkgever may see of a deelnemer (server/domain/voorstel.ts `deelbareVelden`). */
export const deelbaarVeldLabel: Record<string, string> = {
  naam: 'Naam', geboortejaar: 'Geboortejaar', plaats: 'Woonplaats', taalniveau: 'Taalniveau', beschikbareDagdelen: 'Beschikbare dagdelen',
  urenPerWeek: 'Uren per week', mobiliteit: 'Vervoer en reisafstand', wensen: 'Wensen (sectoren, vormen, wensberoep)',
  werkervaring: 'Werkervaring', opleiding: 'Opleiding', vca: 'VCA-certificaat',
}
export const plaatsingStatusLabel: Record<string, string> = { actief: 'Actief', afgerond: 'Afgerond', 'voortijdig-beeindigd': 'Voortijdig beëindigd' }
export const plaatsingStatusBadge: Record<string, string> = { actief: 'active', afgerond: 'success', 'voortijdig-beeindigd': 'inactive' }
export const contactMetLabel: Record<string, string> = { deelnemer: 'Deelnemer', werkgever: 'Werkgever', beiden: 'Beiden (driegesprek)' }
export const kanaalLabel: Record<string, string> = { bezoek: 'Bezoek', telefoon: 'Telefoon', video: 'Video', bericht: 'Bericht' }
export const contactSoortLabel: Record<string, string> = {
  contactmoment: 'Contactmoment', startgesprek: 'Startgesprek', voortgangsgesprek: 'Voortgangsgesprek', eindgesprek: 'Eindgesprek',
}

export const formatBedrag = (n: number) => n.toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' })
/** "3 dagen", "1 dag" */
export const dagenTekst = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagen'}`
/** A share 0–1 as a Dutch percentage without decimals: 0.667 → "67 %". */
export const aandeelTekst = (a: number | null) => (a === null ? 'nog niet te bepalen' : `${Math.round(a * 100)} %`)
