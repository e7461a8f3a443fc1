import { and, asc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm'
import { deelnemer, gemeente, nazorgcontact, plaatsing } from '../../db/schema.js'
import { loadWerkgebied, withinWerkgebied } from './werkgebied.js'
import type { Ctx } from '../context.js'
import { datumInNederland, addDays, addMonths } from '../clock.js'
import { requireRole } from './access.js'
import { validatieFout } from '../domain/errors.js'
import { eindredenLabel, knelpuntLabel, sectorLabel, vormLabel } from '../domain/labels.js'

// How placements last, for beheerders: counts only, never a person. Definitions (docs/api.md):
// - cohort: plaatsingen that started in the period (optionally one sector or vorm);
// - duurzaamheid na N maanden: of the cohort members that started at least N months ago, the
//   share whose plaatsing was still running N months after its start;
// - eindredenen: plaatsingen that ended in the period, per eindreden;
// - knelpunten: per month, how often each knelpunt was named in nazorg contacts in the period
//   (a corrected entry counts only in its correction).

export interface MonitorQuery {
  van?: string
  tot?: string
  sector?: string
  vorm?: string
  /** one gemeente of the werkgebied; without it the whole werkgebied */
  gemeenteId?: string
}

type PlaatsingRow = typeof plaatsing.$inferSelect

function duurzaamheid(rows: PlaatsingRow[], maanden: number, vandaag: string) {
  const basis = rows.filter((r) => addMonths(r.startdatum, maanden) <= vandaag)
  const nogActief = basis.filter((r) => !r.einddatum || r.einddatum >= addMonths(r.startdatum, maanden)).length
  return { basis: basis.length, nogActief, aandeel: basis.length ? Math.round((nogActief / basis.length) * 1000) / 1000 : null }
}

/** Appends to the list under `key` (no copy per item: a year of contacts stays linear). */
function appendTo<T>(m: Map<string, T[]>, key: string, ...items: T[]) {
  const lijst = m.get(key)
  if (lijst) lijst.push(...items)
  else m.set(key, [...items])
}

const countKeys = (keys: string[]) => keys.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {})

/** GET /api/monitor */
export async function getMonitor({ ctx, query }: { ctx: Ctx; query: MonitorQuery }) {
  requireRole(ctx.actor, 'beheerder')
  const vandaag = datumInNederland(ctx.clock.now())
  const tot = query.tot ?? vandaag
  const van = query.van ?? addDays(addMonths(tot, -12), 1)
  if (van > tot) throw validatieFout({ van: 'De begindatum ligt na de einddatum.' })
  // the boundary: only plaatsingen of deelnemers of the werkgebied (erased ones keep their gemeente)
  const wg = await loadWerkgebied(ctx)
  const binnen = and(withinWerkgebied(wg, deelnemer.gemeenteId), query.gemeenteId ? eq(deelnemer.gemeenteId, query.gemeenteId) : undefined)
  const filter: (SQL | undefined)[] = [
    query.sector ? eq(plaatsing.sector, query.sector) : undefined,
    query.vorm ? eq(plaatsing.vorm, query.vorm) : undefined,
    binnen ? inArray(plaatsing.deelnemerId, ctx.db.select({ id: deelnemer.id }).from(deelnemer).where(binnen)) : undefined,
  ]

  const cohortMetGemeente = await ctx.db
    .select({ p: plaatsing, gemeenteId: deelnemer.gemeenteId })
    .from(plaatsing)
    .innerJoin(deelnemer, eq(deelnemer.id, plaatsing.deelnemerId))
    .where(and(gte(plaatsing.startdatum, van), lte(plaatsing.startdatum, tot), ...filter))
  const cohort = cohortMetGemeente.map((r) => r.p)
  const gemeenten = await ctx.db.select({ id: gemeente.id, naam: gemeente.naam, cbsCode: gemeente.cbsCode }).from(gemeente).where(and(withinWerkgebied(wg, gemeente.id), query.gemeenteId ? eq(gemeente.id, query.gemeenteId) : undefined)).orderBy(asc(gemeente.naam))
  const geeindigd = await ctx.db.select({ eindreden: plaatsing.eindreden }).from(plaatsing).where(and(gte(plaatsing.einddatum, van), lte(plaatsing.einddatum, tot), ...filter))
  const contacten = await ctx.db
    .select({ id: nazorgcontact.id, datum: nazorgcontact.datum, knelpunten: nazorgcontact.knelpunten, corrigeert: nazorgcontact.corrigeert, plaatsingId: nazorgcontact.plaatsingId })
    .from(nazorgcontact)
    .innerJoin(plaatsing, eq(plaatsing.id, nazorgcontact.plaatsingId))
    .where(and(gte(nazorgcontact.datum, van), lte(nazorgcontact.datum, tot), ...filter))
  const gecorrigeerd = new Set(contacten.map((c) => c.corrigeert).filter(Boolean))
  const geldig = contacten.filter((c) => !gecorrigeerd.has(c.id))
  const perMaand = new Map<string, string[]>()
  for (const c of geldig) appendTo(perMaand, c.datum.slice(0, 7), ...c.knelpunten)

  const groep = (key: 'sector' | 'vorm') => {
    const groepen = new Map<string, PlaatsingRow[]>()
    for (const r of cohort) appendTo(groepen, r[key], r)
    return [...groepen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([waarde, rs]) => ({
      waarde,
      gestart: rs.length,
      actief: rs.filter((r) => r.status === 'actief').length,
      na3Maanden: duurzaamheid(rs, 3, vandaag),
      na6Maanden: duurzaamheid(rs, 6, vandaag),
    }))
  }

  return {
    periode: { van, tot },
    filter: { sector: query.sector, vorm: query.vorm },
    plaatsingen: {
      gestart: cohort.length,
      actief: cohort.filter((r) => r.status === 'actief').length,
      afgerond: cohort.filter((r) => r.status === 'afgerond').length,
      voortijdigBeeindigd: cohort.filter((r) => r.status === 'voortijdig-beeindigd').length,
    },
    duurzaamheid: { na3Maanden: duurzaamheid(cohort, 3, vandaag), na6Maanden: duurzaamheid(cohort, 6, vandaag) },
    eindredenen: countKeys(geeindigd.map((r) => r.eindreden!)),
    knelpunten: {
      totaal: countKeys(geldig.flatMap((c) => c.knelpunten)),
      perMaand: [...perMaand.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([maand, ks]) => ({ maand, aantallen: countKeys(ks) })),
    },
    contacten: geldig.length,
    perSector: groep('sector'),
    perVorm: groep('vorm'),
    // per gemeente of the werkgebied; the figures above are the total of these
    perGemeente: gemeenten.map((g) => {
      const rs = cohortMetGemeente.filter((r) => r.gemeenteId === g.id).map((r) => r.p)
      return {
        gemeenteId: g.id,
        naam: g.naam,
        cbsCode: g.cbsCode,
        gestart: rs.length,
        actief: rs.filter((r) => r.status === 'actief').length,
        afgerond: rs.filter((r) => r.status === 'afgerond').length,
        voortijdigBeeindigd: rs.filter((r) => r.status === 'voortijdig-beeindigd').length,
        na3Maanden: duurzaamheid(rs, 3, vandaag),
        na6Maanden: duurzaamheid(rs, 6, vandaag),
      }
    }),
  }
}

const csvVeld = (v: unknown) => {
  // Dutch spreadsheets read 0,667 as a number when the separator is ';'
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v)
  // quote when needed; a leading = + - @ is defused so spreadsheets do not run it as a formula
  const veilig = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[";\n]/.test(veilig) ? `"${veilig.replace(/"/g, '""')}"` : veilig
}

/** A value's label, as the screen shows it; an unknown code as it is. */
const tekstVan = (labels: Record<string, string>, code: string) => labels[code] ?? code
/** A name part of a file name: lower case letters, digits and dashes. */
const bestandsdeel = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/**
 * GET /api/monitor/export.csv: the same figures as rows (onderdeel, sleutel, waarde), in the
 * screen's words: labels instead of codes, shares as whole percentages; the file name carries
 * every filter, so two downloads never look alike.
 */
export async function exportMonitorCsv({ ctx, query }: { ctx: Ctx; query: MonitorQuery }) {
  const m = await getMonitor({ ctx, query })
  const rows: unknown[][] = [['onderdeel', 'sleutel', 'waarde']]
  rows.push(['periode', 'van', m.periode.van], ['periode', 'tot', m.periode.tot])
  const gemeenteNaam = query.gemeenteId ? (m.perGemeente[0]?.naam ?? query.gemeenteId) : undefined
  if (m.filter.sector) rows.push(['filter', 'sector', tekstVan(sectorLabel, m.filter.sector)])
  if (m.filter.vorm) rows.push(['filter', 'vorm', tekstVan(vormLabel, m.filter.vorm)])
  if (gemeenteNaam) rows.push(['filter', 'gemeente', gemeenteNaam])
  const plaatsingLabels: Record<string, string> = { gestart: 'gestart', actief: 'actief', afgerond: 'afgerond', voortijdigBeeindigd: 'voortijdig beëindigd' }
  for (const [k, v] of Object.entries(m.plaatsingen)) rows.push(['plaatsingen', plaatsingLabels[k] ?? k, v])
  const duur = (onderdeel: string, d: { basis: number; nogActief: number; aandeel: number | null }, maanden: number) =>
    rows.push([onderdeel, `basis na ${maanden} maanden`, d.basis], [onderdeel, `nog actief na ${maanden} maanden`, d.nogActief], [onderdeel, `aandeel na ${maanden} maanden (%)`, d.aandeel === null ? '' : Math.round(d.aandeel * 100)])
  duur('duurzaamheid', m.duurzaamheid.na3Maanden, 3)
  duur('duurzaamheid', m.duurzaamheid.na6Maanden, 6)
  for (const [k, v] of Object.entries(m.eindredenen)) rows.push(['eindreden', tekstVan(eindredenLabel, k), v])
  for (const [k, v] of Object.entries(m.knelpunten.totaal)) rows.push(['knelpunt', tekstVan(knelpuntLabel, k), v])
  for (const { maand, aantallen } of m.knelpunten.perMaand) for (const [k, v] of Object.entries(aantallen)) rows.push([`knelpunt ${maand}`, tekstVan(knelpuntLabel, k), v])
  for (const [soort, groepen, labels] of [['sector', m.perSector, sectorLabel], ['vorm', m.perVorm, vormLabel]] as const) {
    for (const g of groepen) {
      const onderdeel = `${soort} ${tekstVan(labels, g.waarde)}`
      rows.push([onderdeel, 'gestart', g.gestart], [onderdeel, 'actief', g.actief])
      duur(onderdeel, g.na3Maanden, 3)
      duur(onderdeel, g.na6Maanden, 6)
    }
  }
  for (const g of m.perGemeente) {
    const onderdeel = `gemeente ${g.naam} (${g.cbsCode})`
    rows.push([onderdeel, 'gestart', g.gestart], [onderdeel, 'actief', g.actief], [onderdeel, 'afgerond', g.afgerond], [onderdeel, 'voortijdig beëindigd', g.voortijdigBeeindigd])
    duur(onderdeel, g.na3Maanden, 3)
    duur(onderdeel, g.na6Maanden, 6)
  }
  const filters = [m.filter.sector, m.filter.vorm, gemeenteNaam].filter((f): f is string => Boolean(f)).map(bestandsdeel)
  return { csv: rows.map((r) => r.map(csvVeld).join(';')).join('\r\n') + '\r\n', bestandsnaam: ['monitor', m.periode.van, m.periode.tot, ...filters].join('-') + '.csv' }
}
