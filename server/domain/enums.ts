// The domain's fixed vocabularies, spelled exactly as in docs/domain.md.
// Shared by the server, the client and the tests.

export const rollen = ['beheerder', 'jobhunter', 'jobcoach', 'werkgever'] as const
export type Rol = (typeof rollen)[number]

export const organisatieSoorten = [
  'werkgever', 'vrijwilligersorganisatie', 'sw-bedrijf', 'onderwijsinstelling', 'overig'
] as const

/** Where a self-registered organisatie stands (docs/aanmelden.md). */
export const organisatieStatussen = ['onbevestigd', 'aangemeld', 'goedgekeurd', 'afgewezen'] as const
export type OrganisatieStatus = (typeof organisatieStatussen)[number]
/** The soorten that are registered at the KvK, so a self-registration must give the number. */
export const soortenMetKvk = ['werkgever', 'vrijwilligersorganisatie', 'sw-bedrijf'] as const

export const sectoren = [
  'zorg', 'horeca', 'schoonmaak', 'logistiek', 'detailhandel', 'groen', 'techniek', 'bouw', 'productie',
  'kinderopvang', 'onderwijs', 'administratie', 'facilitair', 'cultuur-en-sport', 'overig'
] as const
export type Sector = (typeof sectoren)[number]

export const vormen = [
  'betaald-werk', 'vrijwilligerswerk', 'werkervaringsplek', 'taalwerkstage', 'leerwerkplek', 'snuffelstage',
  'sw-traject', 'bbl'
] as const
export type Vorm = (typeof vormen)[number]

export const dagen = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const
export const delen = ['ochtend', 'middag', 'avond'] as const
export const dagdelen = dagen.flatMap((dag) => delen.map((deel) => `${dag}-${deel}` as const))
export type Dagdeel = (typeof dagdelen)[number]

export const niveaus = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1'] as const
export type Niveau = (typeof niveaus)[number]
export const vaardigheden = ['spreken', 'luisteren', 'lezen', 'schrijven'] as const
export type Vaardigheid = (typeof vaardigheden)[number]

export const begeleidingSoorten = ['buddy', 'werkbegeleider', 'jobcoach', 'taalcoach'] as const
export type Begeleiding = (typeof begeleidingSoorten)[number]

export const belastingNiveaus = ['laag', 'middel', 'hoog'] as const
export const vergoedingSoorten = ['geen', 'onkostenvergoeding', 'loon'] as const

export const plekStatussen = ['concept', 'gepubliceerd', 'vervuld', 'gesloten'] as const
export type PlekStatus = (typeof plekStatussen)[number]

export const taalrijkheidItems = [
  'samenwerkenMetCollegas', 'klantcontact', 'mondelingeInstructies', 'schriftelijkeInstructies',
  'werkoverleg', 'vastTaalmaatje', 'taalcoachWelkom', 'vaktaalmateriaal', 'nederlandsVoertaal',
  'taalopdrachten', 'taallesOpLocatie'
] as const
export type TaalrijkheidItem = (typeof taalrijkheidItems)[number]

/** The matcher's criteria, in the order every match answer lists them (docs/matching.md). */
export const criteriumCodes = ['dagdelen', 'uren', 'reisafstand', 'taalniveau', 'taalrijkheid', 'wensen', 'belastbaarheid', 'begeleiding', 'kinderopvang', 'vereisten'] as const
export type CriteriumCode = (typeof criteriumCodes)[number]

/** How meldingen reach a gebruiker by e-mail: each at once, one daily digest, or none (docs/meldingen.md). */
export const mailVoorkeuren = ['direct', 'dagelijks', 'uit'] as const
export type MailVoorkeur = (typeof mailVoorkeuren)[number]

/** What a melding is about; each links to where to act on it. */
export const meldingSoorten = [
  'plek-past', 'voorstel-nieuw', 'voorstel-geaccepteerd', 'voorstel-afgewezen', 'plaatsing-beeindigd',
  'plaatsing-toegewezen', 'contact-vandaag', 'contact-achterstallig', 'aanmelding-nieuw'
] as const
export type MeldingSoort = (typeof meldingSoorten)[number]
