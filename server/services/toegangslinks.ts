import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { toegangslink } from '../../db/schema.js'
import type { Db, Tx } from '../../db/client.js'
import type { Config } from '../config.js'
import { conflict, DomainError } from '../domain/errors.js'

// Links sent by e-mail that open one thing once (docs/aanmelden.md "Links"). The table keeps the
// link's id, its expiry and whether it was used; the link itself is "<id>.<HMAC of the id>" under a
// key derived from SESSION_SECRET. A copy of the database therefore yields no working link, and the
// mail worker can write the link again from the id alone (the outbox row names the id).

export type LinkSoort = 'bevestigen' | 'uitnodiging'

/** How long a link works: a confirmation a day (the 24 h), an invitation a week. */
export const LINK_GELDIG_MS: Record<LinkSoort, number> = { bevestigen: 24 * 60 * 60_000, uitnodiging: 7 * 24 * 60 * 60_000 }

const sleutel = (config: Config) => createHmac('sha256', config.sessionSecret).update('toegangslink-v1').digest()
const handtekening = (config: Config, id: string) => createHmac('sha256', sleutel(config)).update(id).digest('base64url')

export const linkToken = (config: Config, id: string) => `${id}.${handtekening(config, id)}`

/** The id in a link, when its signature is right. */
export function readLinkToken(config: Config, token: string): string | undefined {
  const delen = token.split('.')
  if (delen.length !== 2 || !delen[0] || !delen[1]) return undefined
  const verwacht = Buffer.from(handtekening(config, delen[0]))
  const gegeven = Buffer.from(delen[1])
  return verwacht.length === gegeven.length && timingSafeEqual(verwacht, gegeven) ? delen[0] : undefined
}

export async function insertLink(tx: Tx, soort: LinkSoort, gebruikerId: string, now: Date, createdBy?: string): Promise<string> {
  const id = randomUUID()
  await tx.insert(toegangslink).values({
    id, soort, gebruikerId, createdBy: createdBy ?? null,
    verlooptOp: new Date(now.getTime() + LINK_GELDIG_MS[soort]).toISOString(),
    createdAt: now.toISOString(),
  })
  return id
}

const WAT: Record<LinkSoort, { verlopen: string; gebruikt: string }> = {
  bevestigen: {
    verlopen: 'Deze link is verlopen: een bevestigingslink werkt 24 uur. Meld uw organisatie opnieuw aan; u krijgt dan een nieuwe link.',
    gebruikt: 'Deze link is al gebruikt. Uw e-mailadres is bevestigd: u kunt inloggen.',
  },
  uitnodiging: {
    verlopen: 'Deze uitnodiging is verlopen: een uitnodiging werkt 7 dagen. Vraag uw collega om u opnieuw uit te nodigen.',
    gebruikt: 'Deze uitnodiging is al gebruikt. U kunt inloggen met het e-mailadres uit de uitnodiging.',
  },
}

export const ongeldigeLink = () =>
  new DomainError('validatie', 'ongeldige-link', 'Deze link klopt niet. Gebruik de hele link uit de e-mail.', { token: 'Deze link klopt niet.' })

/** A link that can still be used (not used, not expired), or the reason why not. Does not use it. */
export async function readOpenLink(tx: Db | Tx, config: Config, soort: LinkSoort, token: string, now: Date) {
  const id = readLinkToken(config, token)
  const [row] = id ? await tx.select().from(toegangslink).where(and(eq(toegangslink.id, id), eq(toegangslink.soort, soort))) : []
  if (!row) throw ongeldigeLink()
  if (row.gebruiktOp) throw conflict('link-gebruikt', WAT[soort].gebruikt)
  if (row.verlooptOp <= now.toISOString()) throw conflict('link-verlopen', WAT[soort].verlopen)
  return row
}

/**
 * Uses a link once: of two requests with the same link only one gets the row (the update is
 * conditional), the other hears it was used. Answers the gebruiker the link is for.
 */
export async function useLink(tx: Tx, config: Config, soort: LinkSoort, token: string, now: Date): Promise<string> {
  const row = await readOpenLink(tx, config, soort, token, now)
  const [gebruikt] = await tx
    .update(toegangslink)
    .set({ gebruiktOp: now.toISOString() })
    .where(and(eq(toegangslink.id, row.id), isNull(toegangslink.gebruiktOp), gt(toegangslink.verlooptOp, now.toISOString())))
    .returning({ gebruikerId: toegangslink.gebruikerId })
  if (!gebruikt) throw conflict('link-gebruikt', WAT[soort].gebruikt)
  return gebruikt.gebruikerId
}
