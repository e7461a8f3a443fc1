import { and, eq, sql } from 'drizzle-orm'
import { deelnemer, plaatsing, voorstel } from '../../db/schema.js'
import type { Tx } from '../../db/client.js'

// The deelnemer's status follows the voorstellen and plaatsingen (docs/domain.md, "Deelnemer"):
// an active plaatsing means geplaatst, an open voorstel voorgesteld; when neither is left the deelnemer is zoekend
// again, unless `daarna` says otherwise (uitgestroomd after werk or opleiding). Intake and
// uitgestroomd are the jobhunter's own choices and are left alone otherwise.

export async function syncDeelnemerStatus(tx: Tx, deelnemerId: string, now: string, daarna?: 'zoekend' | 'uitgestroomd') {
  const [actief] = await tx.select({ id: plaatsing.id }).from(plaatsing).where(and(eq(plaatsing.deelnemerId, deelnemerId), eq(plaatsing.status, 'actief'))).limit(1)
  const [open] = await tx.select({ id: voorstel.id }).from(voorstel).where(and(eq(voorstel.deelnemerId, deelnemerId), eq(voorstel.status, 'voorgesteld'))).limit(1)
  const [d] = await tx.select({ status: deelnemer.status }).from(deelnemer).where(eq(deelnemer.id, deelnemerId))
  if (!d) return
  const status = actief ? 'geplaatst' : open ? 'voorgesteld' : daarna ?? (d.status === 'voorgesteld' || d.status === 'geplaatst' ? 'zoekend' : d.status)
  if (status === d.status) return
  // the status lives both in its column (lists filter on it) and in the profile document
  await tx
    .update(deelnemer)
    .set({ status, profiel: sql`json_set(${deelnemer.profiel}, '$.status', ${status})`, updatedAt: now })
    .where(eq(deelnemer.id, deelnemerId))
}
