// The hand-made part of the Dutch word data: what the OpenTaal dictionary and ESCO get wrong or
// leave out for this product. The generator (search/analyse/genereer.ts) bakes these into the
// files in search/data/; change them here and run `npm run woordenlijst`. The rules behind each
// list are in docs/search.md ("Dutch word data").

/**
 * Compounds the dictionary cannot split (its compound flags do not allow the head), as their parts
 * in the singular. Only words someone searches a part of.
 */
export const samenstellingen: Record<string, string[]> = {
  vakkenvuller: ['vak', 'vuller'],
  tuinman: ['tuin', 'man'],
  timmerman: ['timmer', 'man'],
  vakman: ['vak', 'man'],
  klusjesman: ['klus', 'man'],
  bezorger: [],
  orderpicker: ['order', 'picker'],
  heftruckchauffeur: ['heftruck', 'chauffeur'],
  buschauffeur: ['bus', 'chauffeur'],
  vrachtwagenchauffeur: ['vrachtwagen', 'chauffeur'],
  fietsenmaker: ['fiets', 'maker'],
  fietsenmakerij: ['fiets', 'makerij'],
  keukenhulp: ['keuken', 'hulp'],
  huishoudhulp: ['huishoud', 'hulp'],
  afwashulp: ['afwas', 'hulp'],
  winkelhulp: ['winkel', 'hulp'],
  kinderopvang: ['kind', 'opvang'],
  kinderdagverblijf: ['kind', 'dagverblijf', 'dag', 'verblijf'],
  naschoolse: [],
  dierenverzorger: ['dier', 'verzorger'],
  dierenasiel: ['dier', 'asiel'],
  dierenopvang: ['dier', 'opvang'],
  dierenwinkel: ['dier', 'winkel'],
  dierenarts: ['dier', 'arts'],
  kringloopwinkel: ['kringloop', 'winkel'],
  leerling: [],
  medewerker: [],
  hovenier: [],
  verpleegkundige: [],
  receptionist: [],
  ouderen: [],
  kinderen: [],
  schoonmaker: ['schoonmaak', 'maker'],
  schoonmaakster: ['schoonmaak'],
}

/**
 * Plurals that are not the plural of the word the dictionary pairs them with, or whose singular it
 * does not know: plural → singular (the plural itself when it is its own word).
 */
export const meervouden: Record<string, string> = {
  // "de ouderen" are the elderly; the parents are "ouders" (the dictionary gives both to "ouder")
  ouderen: 'oudere',
  kinderen: 'kind',
  eieren: 'ei',
  bladeren: 'blad',
  liederen: 'lied',
  volkeren: 'volk',
  runderen: 'rund',
  kalveren: 'kalf',
  lammeren: 'lam',
  gelden: 'geld',
}

/** Forms that begin a compound which the dictionary lists as words of their own (kinder- in kinderopvang). */
export const beginvormen: Record<string, string[]> = {
  kind: ['kinder'],
  oudere: ['ouderen'],
  ei: ['eier'],
  blad: ['bladeren'],
  lied: ['liederen'],
  rund: ['runder'],
  kalf: ['kalfs'],
}

/** Word pairs that must never share a family, whatever the dictionary says (checked by the generator). */
export const nooitFamilie: [string, string][] = [
  ['ouders', 'ouderen'],
  ['dieren', 'diner'],
]

/**
 * Words that plekken are often about but that are no occupation, so ESCO does not bring them into
 * the word list: their plurals and compounds matter all the same (dieren, ouderen, kinderen …).
 */
export const extraWoorden: string[] = [
  // sectors, vormen and begeleiding as people name them
  'horeca', 'zorg', 'thuiszorg', 'ouderenzorg', 'jeugdzorg', 'schoonmaak', 'logistiek', 'detailhandel', 'groen', 'groenvoorziening',
  'techniek', 'bouw', 'productie', 'kinderopvang', 'onderwijs', 'administratie', 'facilitair', 'cultuur', 'sport', 'vrijwilligerswerk',
  'vrijwilliger', 'werkervaringsplek', 'taalwerkstage', 'leerwerkplek', 'snuffelstage', 'stage', 'buddy', 'werkbegeleider', 'jobcoach',
  'taalcoach', 'taalmaatje', 'werkplaats', 'magazijn', 'keuken', 'restaurant', 'kantine', 'kantoor', 'winkel', 'supermarkt', 'bakkerij',
  'boerderij', 'zorgboerderij', 'stadsboerderij', 'kinderboerderij', 'kwekerij', 'tuin', 'park', 'plantsoen', 'buurthuis', 'wijkcentrum',
  'bibliotheek', 'museum', 'theater', 'sporthal', 'zwembad', 'school', 'basisschool', 'verpleeghuis', 'verzorgingshuis', 'ziekenhuis',
  'kringloopwinkel', 'voedselbank', 'dierenasiel', 'dierenopvang', 'fietsenmakerij', 'garage', 'drukkerij', 'wasserij', 'hotel', 'camping',
  // who and what the work is with
  'bewoner', 'bewoners', 'klant', 'klanten', 'gast', 'gasten', 'kind', 'kinderen', 'ouder', 'ouders', 'oudere', 'ouderen', 'dier', 'dieren',
  'plant', 'planten', 'collega', 'collega\'s', 'leerling', 'leerlingen', 'patient', 'patienten', 'client', 'clienten', 'bezoeker', 'bezoekers',
  'pakket', 'pakketten', 'bestelling', 'bestellingen', 'fiets', 'fietsen', 'maaltijd', 'maaltijden', 'boodschappen', 'groente', 'groenten',
  'koffie', 'vakken', 'schappen', 'dozen', 'kleding', 'was', 'strijk', 'afwas', 'bloemen', 'bomen', 'paarden', 'koeien', 'kippen',
  'medewerker', 'medewerkers', 'hulp', 'assistent', 'begeleider', 'chauffeur', 'monteur', 'kok', 'koks', 'schoonmaker', 'hovenier',
  'conciërge', 'receptionist', 'vakkenvuller', 'orderpicker', 'tuinman', 'gastvrouw', 'gastheer', 'kassamedewerker', 'afwasser',
]
