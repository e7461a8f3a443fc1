import { and, eq, isNull, sql } from 'drizzle-orm'
import { gebruiker, mailOutbox } from '../../db/schema.js'
import type { Deps } from '../context.js'
import { datumInNederland, addDays } from '../clock.js'

// The daily digest (docs/meldingen.md): for everyone who chose 'dagelijks', the meldingen of
// earlier days that were not mailed yet go into one mail, keyed "samenvatting:<the day before>".
// Runs hourly on every instance: the unique key makes the first run of a day write it and every
// other run (and instance) find it done; the grouped rows are closed in the same transaction.

export async function makeSamenvattingen(deps: Deps): Promise<number> {
  const vandaag = datumInNederland(deps.clock.now())
  const now = deps.clock.now().toISOString()
  const rows = await deps.db
    .select({ id: mailOutbox.id, gebruikerId: mailOutbox.gebruikerId, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .innerJoin(gebruiker, eq(gebruiker.id, mailOutbox.gebruikerId))
    .where(and(isNull(mailOutbox.sentAt), eq(mailOutbox.soort, 'melding'), eq(gebruiker.mailVoorkeur, 'dagelijks')))
  const perGebruiker = new Map<string, number[]>()
  for (const r of rows) {
    if (datumInNederland(new Date(r.createdAt)) >= vandaag) continue // today's wait for tomorrow
    perGebruiker.set(r.gebruikerId, [...(perGebruiker.get(r.gebruikerId) ?? []), r.id])
  }
  let gemaakt = 0
  for (const [gebruikerId, ids] of perGebruiker) {
    gemaakt += await deps.db.transaction(async (tx) => {
      const [s] = await tx
        .insert(mailOutbox)
        .values({ gebruikerId, soort: 'samenvatting', gebeurtenis: `samenvatting:${addDays(vandaag, -1)}`, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: mailOutbox.id })
      if (!s) return 0
      for (let i = 0; i < ids.length; i += 500)
        await tx
          .update(mailOutbox)
          .set({ samenvattingId: s.id, sentAt: now, uitkomst: 'samenvatting' })
          .where(and(isNull(mailOutbox.sentAt), sql`${mailOutbox.id} in (${sql.join(ids.slice(i, i + 500).map((id) => sql`${id}`), sql`, `)})`))
      return 1
    })
  }
  if (gemaakt) deps.meldingen?.mail.wake()
  return gemaakt
}
