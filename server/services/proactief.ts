import { createHash } from 'node:crypto'
import { and, count, eq, inArray, ne, sql } from 'drizzle-orm'
import { deelnemer, gebruiker, gemeente, plek, plekSignalering, werkgebied } from '../../db/schema.js'
import type { Db, Tx } from '../../db/client.js'
import type { Deps } from '../context.js'
import { iso } from '../clock.js'
import { afstandKm } from '../domain/geo.js'
import { evaluate } from '../matching/rank.js'
import { getActiveConfig } from './gewichten.js'
import { loadMatchPlek } from './match-plekken.js'
import { vraaggerichtKandidaten } from './matches.js'
import { loadMatchDeelnemers } from './match-deelnemers.js'
import { writeMeldingen, wakeMail, type NieuweMelding } from './meldingen.js'
import { kort } from './signalen.js'
import { inJsonList, readInPages } from '../../db/in-pages.js'
import { perDatabase } from '../../db/per-database.js'

// Proactive matching (docs/meldingen.md): when a plek is published, or a published plek changes in
// what decides who fits (dagdelen, uren, taalniveau, place), the publish transaction writes a
// plek_signalering row; a background worker (server/meldingen/signalering.ts) claims it and runs
// `signalPlek`: vraaggericht over every zoekende deelnemer with a regievoerder, and one melding per
// jobhunter whose own deelnemers (inside their werkgebied) reach their gemeente's threshold.

type PlekRow = typeof plek.$inferSelect

/** The state that decides who fits; the same state again (a republish) is the same key. */
export function signaleringSleutel(p: Pick<PlekRow, 'dagdelen' | 'urenMin' | 'urenMax' | 'taalniveau' | 'postcode'>): string {
  const t = p.taalniveau
  const staat = [[...p.dagdelen].sort(), p.urenMin, p.urenMax, [t.spreken, t.luisteren, t.lezen, t.schrijven], p.postcode]
  return createHash('sha256').update(JSON.stringify(staat)).digest('hex').slice(0, 16)
}

/**
 * Inside a plek's change transaction: queue a run when the plek is published now (once per state).
 * `p` is the plek as the change left it (the UPDATE's RETURNING: no second read in the transaction).
 */
export async function enqueueSignalering(tx: Tx, plekId: string, p: Pick<PlekRow, 'status'> & Parameters<typeof signaleringSleutel>[0], now: string): Promise<void> {
  if (p.status !== 'gepubliceerd') return
  await tx.insert(plekSignalering).values({ plekId, sleutel: signaleringSleutel(p), createdAt: now }).onConflictDoNothing()
}

// prepared once: drizzle built these on every run (an `in (…)` of hundreds of ids in ~0.5 ms)
const plekRij = perDatabase((db) => db.select().from(plek).where(eq(plek.id, sql.placeholder('id'))).prepare())
const regievoerders = perDatabase((db) =>
  db
    .select({ id: deelnemer.id, gemeenteId: deelnemer.gemeenteId, regievoerderId: deelnemer.regievoerderId })
    .from(deelnemer)
    .where(inJsonList(deelnemer.id, 'ids'))
    .prepare(),
)

/**
 * One run for one plek state: writes the meldingen (idempotent per jobhunter and state) and
 * answers how many were new. A plek no longer published, or full, signals nobody.
 */
export async function signalPlek(deps: Pick<Deps, 'db' | 'clock'>, plekId: string): Promise<number> {
  const { db } = deps
  const [row] = await plekRij(db).all({ id: plekId })
  if (!row || row.status !== 'gepubliceerd' || row.bezet >= row.capaciteit) return 0
  const p = await loadMatchPlek(db, plekId)
  if (!p) return 0
  const g = await getActiveConfig(db, 'vraaggericht')
  const kandidaten = await loadMatchDeelnemers(db, await vraaggerichtKandidaten(db, p, { werkgebied: { alle: true }, metRegievoerder: true }))
  const drempels = await loadDrempels(db)
  const scores = new Map<string, number>()
  for (const d of kandidaten) {
    const m = evaluate(d, p, 'vraaggericht', g.config, afstandKm(d, p), d.id, { alleenGeschikt: true })
    if (!m.uitgesloten) scores.set(d.id, m.score)
  }
  // per jobhunter: how many of their deelnemers fit, per gemeente (their werkgebied is checked below)
  const perJobhunter = new Map<string, Map<string, number>>()
  const wie = await readInPages([...scores.keys()], (ids) => regievoerders(db).all({ ids: JSON.stringify(ids) }))
  for (const r of wie) {
    if (!r.regievoerderId || scores.get(r.id)! < (drempels.get(r.gemeenteId) ?? 70)) continue
    const per = perJobhunter.get(r.regievoerderId) ?? new Map<string, number>()
    per.set(r.gemeenteId, (per.get(r.gemeenteId) ?? 0) + 1)
    perJobhunter.set(r.regievoerderId, per)
  }
  if (!perJobhunter.size) return 0
  const jobhunters = await db
    .select({ id: gebruiker.id })
    .from(gebruiker)
    .where(and(inArray(gebruiker.id, [...perJobhunter.keys()]), eq(gebruiker.rol, 'jobhunter'), eq(gebruiker.actief, true)))
  // their werkgebieden in one read (a jobhunter's is always a list of gemeenten)
  const gebieden = await db
    .select({ gebruikerId: werkgebied.gebruikerId, gemeenteId: werkgebied.gemeenteId })
    .from(werkgebied)
    .where(inArray(werkgebied.gebruikerId, jobhunters.map((j) => j.id)))
  const binnen = new Set(gebieden.map((w) => `${w.gebruikerId}|${w.gemeenteId}`))
  const sleutel = signaleringSleutel(row)
  // a run for an earlier state of this plek means it changed, it is not new
  const [eerder] = await db.select({ n: count() }).from(plekSignalering).where(and(eq(plekSignalering.plekId, plekId), ne(plekSignalering.sleutel, sleutel)))
  const titel = kort(row.titel)
  const meldingen: NieuweMelding[] = []
  for (const j of jobhunters) {
    let aantal = 0
    for (const [gemeenteId, n] of perJobhunter.get(j.id)!) if (binnen.has(`${j.id}|${gemeenteId}`)) aantal += n
    if (!aantal) continue
    meldingen.push({
      gebruikerId: j.id,
      soort: 'plek-past',
      gebeurtenis: `plek-past:${plekId}:${sleutel}`,
      titel: eerder?.n ? `Plek „${titel}” is gewijzigd en past nu bij ${aantal} van uw deelnemers` : `Nieuwe plek „${titel}” past bij ${aantal} van uw deelnemers`,
      tekst: `De plek in ${row.plaats} past bij ${aantal === 1 ? 'een' : aantal} van uw deelnemers. Bekijk de matchlijst met de redenen.`,
      link: `/plekken/${plekId}/matches`,
    })
  }
  const nieuw = await db.transaction((tx) => writeMeldingen(tx, iso(deps.clock.now()), meldingen))
  return nieuw
}

async function loadDrempels(db: Db) {
  return new Map((await db.select({ id: gemeente.id, d: gemeente.matchDrempel }).from(gemeente)).map((r) => [r.id, r.d]))
}

/** After a run wrote meldingen: deliver their mails. */
export const afterSignal = (deps: Deps, nieuw: number) => {
  if (nieuw) wakeMail(deps)
}
