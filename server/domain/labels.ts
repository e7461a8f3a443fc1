import type { Sector, Vorm } from './enums.js'

// Display text for domain values that both the web app and the server's exports (the monitor
// CSV) show; the values themselves stay as in docs/domain.md. The rest of the labels live in
// client/src/lib/labels.ts, which re-exports these.

export const sectorLabel: Record<Sector, string> = {
  zorg: 'Zorg', horeca: 'Horeca', schoonmaak: 'Schoonmaak', logistiek: 'Logistiek', detailhandel: 'Detailhandel',
  groen: 'Groen', techniek: 'Techniek', bouw: 'Bouw', productie: 'Productie', kinderopvang: 'Kinderopvang',
  onderwijs: 'Onderwijs', administratie: 'Administratie', facilitair: 'Facilitair', 'cultuur-en-sport': 'Cultuur en sport', overig: 'Overig',
}

export const vormLabel: Record<Vorm, string> = {
  'betaald-werk': 'Betaald werk', vrijwilligerswerk: 'Vrijwilligerswerk', werkervaringsplek: 'Werkervaringsplek',
  taalwerkstage: 'Taalwerkstage', leerwerkplek: 'Leerwerkplek', snuffelstage: 'Snuffelstage', 'sw-traject': 'SW-traject', bbl: 'BBL',
}

export const eindredenLabel: Record<string, string> = {
  'werk-gevonden': 'Werk gevonden', opleiding: 'Opleiding', gezondheid: 'Gezondheid', kinderopvang: 'Kinderopvang', vervoer: 'Vervoer',
  taal: 'Taal', conflict: 'Conflict', verhuisd: 'Verhuisd', anders: 'Anders',
}

export const knelpuntLabel: Record<string, string> = {
  taal: 'Taal', werkhouding: 'Werkhouding', absentie: 'Absentie', samenwerking: 'Samenwerking', cultuur: 'Cultuur', vervoer: 'Vervoer',
  kinderopvang: 'Kinderopvang', gezondheid: 'Gezondheid', financien: 'Financiën', rooster: 'Rooster', overig: 'Overig',
}
