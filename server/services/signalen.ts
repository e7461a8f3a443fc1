import { and, eq, lte } from 'drizzle-orm'
import { deelnemer, gebruiker, plaatsing, plek, voorstel } from '../../db/schema.js'
import type { Tx } from '../../db/client.js'
import type { Deps } from '../context.js'
import { datumInNederland, iso } from '../clock.js'
import { writeMeldingen, wakeMail, type NieuweMelding } from './meldingen.js'

// Who hears of which event, and in which words (docs/meldingen.md). Each function runs inside the
// transaction of the event. The words name the plek (the werkgever's own public text), never a
// deelnemer: the same words go out by e-mail.

/** A plek's title, short enough for a melding's title and an e-mail subject. */
export const kort = (titel: string) => (titel.length > 80 ? `${titel.slice(0, 79)}…` : titel)

/** A new voorstel: every active werkgever account of the plek's organisatie. */
export async function signalVoorstelNieuw(tx: Tx, now: string, v: { id: string; plekId: string }) {
  const [p] = await tx.select({ titel: plek.titel, organisatieId: plek.organisatieId }).from(plek).where(eq(plek.id, v.plekId))
  if (!p) return
  const werkgevers = await tx.select({ id: gebruiker.id }).from(gebruiker).where(and(eq(gebruiker.organisatieId, p.organisatieId), eq(gebruiker.rol, 'werkgever')))
  await writeMeldingen(
    tx,
    now,
    werkgevers.map((w) => ({
      gebruikerId: w.id,
      soort: 'voorstel-nieuw',
      gebeurtenis: `voorstel-nieuw:${v.id}`,
      titel: `Nieuw voorstel voor „${kort(p.titel)}”`,
      tekst: 'Een jobhunter stelt een kandidaat voor. Bekijk het voorstel en geef antwoord.',
      link: '/voorstellen?status=voorgesteld',
    })),
  )
}

/** A voorstel accepted or declined: the jobhunter who made it. The reason stays in the app (it is free text). */
export async function signalVoorstelBeantwoord(tx: Tx, now: string, voorstelId: string, status: 'geaccepteerd' | 'afgewezen') {
  const [r] = await tx
    .select({ door: voorstel.createdBy, titel: plek.titel })
    .from(voorstel)
    .innerJoin(plek, eq(plek.id, voorstel.plekId))
    .where(eq(voorstel.id, voorstelId))
  if (!r) return
  const geaccepteerd = status === 'geaccepteerd'
  await writeMeldingen(tx, now, [
    {
      gebruikerId: r.door,
      soort: geaccepteerd ? 'voorstel-geaccepteerd' : 'voorstel-afgewezen',
      gebeurtenis: `voorstel-${status}:${voorstelId}`,
      titel: `Voorstel ${geaccepteerd ? 'geaccepteerd' : 'afgewezen'} voor „${kort(r.titel)}”`,
      tekst: geaccepteerd
        ? 'De werkgever heeft uw voorstel geaccepteerd. De plaatsing is aangemaakt; de startdatum staat bij de plaatsing.'
        : 'De werkgever heeft uw voorstel afgewezen. De reden staat bij het voorstel.',
      link: `/voorstellen?status=${status}`,
    },
  ])
}

/** A plaatsing handed to a jobcoach (at its start or by a beheerder). */
export async function signalPlaatsingToegewezen(tx: Tx, now: string, plaatsingId: string, jobcoachId: string | null) {
  if (!jobcoachId) return
  const [r] = await tx.select({ titel: plek.titel }).from(plaatsing).innerJoin(plek, eq(plek.id, plaatsing.plekId)).where(eq(plaatsing.id, plaatsingId))
  if (!r) return
  await writeMeldingen(tx, now, [
    {
      gebruikerId: jobcoachId,
      soort: 'plaatsing-toegewezen',
      gebeurtenis: `plaatsing-toegewezen:${plaatsingId}:${jobcoachId}`,
      titel: `Nieuwe plaatsing voor u: „${kort(r.titel)}”`,
      tekst: 'U bent de jobcoach van deze plaatsing. Plan het startgesprek.',
      link: `/plaatsingen/${plaatsingId}`,
    },
  ])
}

/** A plaatsing ended: the deelnemer's regievoerder, else the jobhunter who made the voorstel. */
export async function signalPlaatsingBeeindigd(tx: Tx, now: string, plaatsingId: string) {
  const [r] = await tx
    .select({ titel: plek.titel, regievoerder: deelnemer.regievoerderId, voorsteller: voorstel.createdBy, deelnemerId: plaatsing.deelnemerId })
    .from(plaatsing)
    .innerJoin(plek, eq(plek.id, plaatsing.plekId))
    .innerJoin(voorstel, eq(voorstel.id, plaatsing.voorstelId))
    .innerJoin(deelnemer, eq(deelnemer.id, plaatsing.deelnemerId))
    .where(eq(plaatsing.id, plaatsingId))
  if (!r) return
  await writeMeldingen(tx, now, [
    {
      gebruikerId: r.regievoerder ?? r.voorsteller,
      soort: 'plaatsing-beeindigd',
      gebeurtenis: `plaatsing-beeindigd:${plaatsingId}`,
      titel: `Plaatsing beëindigd bij „${kort(r.titel)}”`,
      tekst: 'Een plaatsing van een van uw deelnemers is beëindigd. Kijk of een nieuwe plek past.',
      link: `/deelnemers/${r.deelnemerId}/matches`,
    },
  ])
}

/**
 * The daily job (server/daily-jobs.ts): a nazorg contact due today, or overdue, for the jobcoach of
 * every actieve plaatsing. Once per due date: the key holds the date, so every instance and every
 * run of the day writes it once; a new due date (after a contact) is a new event.
 */
export async function signalContacten(deps: Deps): Promise<number> {
  const vandaag = datumInNederland(deps.clock.now())
  const now = iso(deps.clock.now())
  const rows = await deps.db
    .select({ id: plaatsing.id, jobcoachId: plaatsing.jobcoachId, volgend: plaatsing.volgendContactOp, titel: plek.titel })
    .from(plaatsing)
    .innerJoin(plek, eq(plek.id, plaatsing.plekId))
    .where(and(eq(plaatsing.status, 'actief'), lte(plaatsing.volgendContactOp, vandaag)))
  const meldingen: NieuweMelding[] = rows
    .filter((r) => r.jobcoachId)
    .map((r) => {
      const vandaagDue = r.volgend === vandaag
      return {
        gebruikerId: r.jobcoachId!,
        soort: vandaagDue ? 'contact-vandaag' : 'contact-achterstallig',
        gebeurtenis: `${vandaagDue ? 'contact-vandaag' : 'contact-achterstallig'}:${r.id}:${r.volgend}`,
        titel: vandaagDue ? `Nazorgcontact vandaag: „${kort(r.titel)}”` : `Nazorgcontact achterstallig: „${kort(r.titel)}”`,
        tekst: vandaagDue ? 'Vandaag staat een nazorgcontact gepland.' : `Het nazorgcontact van ${r.volgend} is nog niet vastgelegd.`,
        link: `/plaatsingen/${r.id}`,
      }
    })
  let nieuw = 0
  // in slices, so one run never holds the write lock long
  for (let i = 0; i < meldingen.length; i += 200) nieuw += await deps.db.transaction((tx) => writeMeldingen(tx, now, meldingen.slice(i, i + 200)))
  if (nieuw) wakeMail(deps)
  return nieuw
}
