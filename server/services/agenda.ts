import { createHash, randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { agendaToken, gebruiker, organisatie, plaatsing, plek } from '../../db/schema.js'
import type { Db, Tx } from '../../db/client.js'
import type { Ctx, Deps } from '../context.js'
import { datumInNederland, iso, addDays } from '../clock.js'
import { requireRole } from './access.js'
import { nietGevonden } from '../domain/errors.js'

// A jobcoach's upcoming nazorg contacts as an iCalendar feed, for their own calendar app. The URL
// holds a random secret (only its hash is stored); making a new one or revoking ends the old one.
// Calendars live outside the product, so the feed names the plek and organisatie, never the
// deelnemer: the jobcoach knows who works where, a leaked feed tells nobody else.

const hash = (token: string) => createHash('sha256').update(token).digest('base64url')

/** POST /api/agenda: a new secret feed URL (any previous one stops working). */
export async function createAgendaLink({ ctx, origin }: { ctx: Ctx; origin: string }) {
  requireRole(ctx.actor, 'jobcoach')
  const token = randomBytes(32).toString('base64url')
  const now = iso(ctx.clock.now())
  await ctx.db
    .insert(agendaToken)
    .values({ gebruikerId: ctx.actor.id, tokenHash: hash(token), createdAt: now })
    .onConflictDoUpdate({ target: agendaToken.gebruikerId, set: { tokenHash: hash(token), createdAt: now } })
  return { url: `${origin}/api/agenda/${token}/contacten.ics`, aangemaaktOp: now }
}

/** GET /api/agenda: whether a feed link exists (the URL itself cannot be shown again). */
export async function getAgendaStatus({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, 'jobcoach')
  const [r] = await ctx.db.select({ createdAt: agendaToken.createdAt }).from(agendaToken).where(eq(agendaToken.gebruikerId, ctx.actor.id))
  return r ? { actief: true, aangemaaktOp: r.createdAt } : { actief: false }
}

/** DELETE /api/agenda: revokes the feed link. */
export async function revokeAgendaLink({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, 'jobcoach')
  await deleteAgendaLinkOf(ctx.db, ctx.actor.id)
}

/** Ends one person's feed link: their own revoke, and a beheerder disabling the account or setting a new password. */
export async function deleteAgendaLinkOf(db: Db | Tx, gebruikerId: string) {
  await db.delete(agendaToken).where(eq(agendaToken.gebruikerId, gebruikerId))
}

/**
 * A TEXT value of RFC 5545 (§3.3.11): backslash, semicolon and comma escaped; every line end (CRLF,
 * a lone CR or LF, and the Unicode line and paragraph separators) as "\n". TEXT has no escape for
 * other control characters, so they go (a tab becomes a space), with the bidi overrides and
 * isolates: a raw CR ended the line and let a stored title add URL or ATTENDEE properties. The edge
 * refuses these characters now (server/domain/common.ts); this holds for whatever was stored before.
 */
const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
/** Lines longer than 75 octets are folded (RFC 5545 §3.1), without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  for (const ch of line) {
    const n = Buffer.byteLength(ch)
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(current)
      current = ''
      bytes = 0
    }
    current += ch
    bytes += n
  }
  out.push(current)
  return out.join('\r\n ')
}
const compact = (datum: string) => datum.replaceAll('-', '')

/** GET /api/agenda/{token}/contacten.ics: no session; the secret in the URL is the key. */
export async function renderAgendaFeed({ deps, token, appUrl }: { deps: Deps; token: string; appUrl: string }) {
  // only an active account's link works (a disabled account's link is deleted too; this holds for older rows)
  const [t] = await deps.db
    .select({ gebruikerId: agendaToken.gebruikerId })
    .from(agendaToken)
    .innerJoin(gebruiker, eq(gebruiker.id, agendaToken.gebruikerId))
    .where(and(eq(agendaToken.tokenHash, hash(token)), eq(gebruiker.actief, true)))
  if (!t) throw nietGevonden('Deze agenda')
  const rows = await deps.db
    .select({ p: plaatsing, titel: plek.titel, organisatieNaam: organisatie.naam })
    .from(plaatsing)
    .innerJoin(plek, eq(plek.id, plaatsing.plekId))
    .innerJoin(organisatie, eq(organisatie.id, plek.organisatieId))
    .where(and(eq(plaatsing.jobcoachId, t.gebruikerId), eq(plaatsing.status, 'actief')))
  const vandaag = datumInNederland(deps.clock.now())
  const stamp = iso(deps.clock.now()).replace(/[-:]/g, '').replace(/\.\d+/, '')
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Participatieplekken//Nazorg//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Nazorgcontacten', 'X-WR-TIMEZONE:Europe/Amsterdam']
  for (const r of rows) {
    // an overdue contact is shown today, so it does not hide in the past
    const achterstallig = r.p.volgendContactOp < vandaag
    const datum = achterstallig ? vandaag : r.p.volgendContactOp
    lines.push(
      'BEGIN:VEVENT',
      `UID:${r.p.id}@participatieplekken`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(datum)}`,
      `DTEND;VALUE=DATE:${compact(addDays(datum, 1))}`,
      `SUMMARY:${escapeText(`${achterstallig ? 'Achterstallig: ' : ''}nazorgcontact ${r.titel} (${r.organisatieNaam})`)}`,
      `DESCRIPTION:${escapeText(`${achterstallig ? `Gepland op ${r.p.volgendContactOp}. ` : ''}Leg het contact vast in het nazorglogboek.`)}`,
      `URL:${appUrl}/plaatsingen/${r.p.id}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
