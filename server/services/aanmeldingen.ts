import { randomUUID } from 'node:crypto'
import { and, asc, count, desc, eq, inArray, lt, ne, not, notExists, sql, type SQLWrapper } from 'drizzle-orm'
import { aanmelding, gebruiker, gemeente, mailOutbox, organisatie, sessie, toegangslink, werkgebied } from '../../db/schema.js'
import type { Db, Tx } from '../../db/client.js'
import { isUniqueViolation } from '../../db/constraint.js'
import type { Ctx, Deps } from '../context.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { conflict, nietBeschikbaar, nietGevonden } from '../domain/errors.js'
import { lijktOp, type AanmeldingInput } from '../domain/aanmelding.js'
import type { OrganisatieStatus } from '../domain/enums.js'
import { gemeenteVanPlaats } from '../domain/gemeente.js'
import { hashPassword } from '../auth/password.js'
import { aanmeldingKeys, recordLoginFailure, takeLoginAttempt } from '../auth/rate-limit.js'
import { forgetSessions } from '../auth/sessions.js'
import { writeAudit } from './audit.js'
import { loadWerkgebied, withinWerkgebied } from './werkgebied.js'
import { locatieOf } from './locatie.js'
import { newOrganisatieRow } from './organisaties.js'
import { insertLink, readOpenLink, useLink } from './toegangslinks.js'
import { writeMeldingen } from './meldingen.js'

// Self-registration and vetting (docs/aanmelden.md). The steps:
//   register   anonymous: organisatie 'onbevestigd' + an inactive werkgever account + a link by mail
//   confirm    the link (24 h, once): account active, organisatie 'aangemeld', a melding for the
//              beheerders whose werkgebied holds the postcode
//   decide     a beheerder approves ('goedgekeurd': plekken may be published) or rejects with a
//              reason (the accounts are switched off); both are mailed and audited
//   invite     an approved werkgever invites a colleague (a link, 7 days, once)
// E-mails are rows of the mail outbox of soort 'account' (server/meldingen/account-mail.ts writes
// them); mail_outbox needs a gebruiker, so an address without a confirmed account still has its
// (inactive) gebruiker row: login refuses it like a wrong password until the link is used.

export const AANMELD_BERICHT =
  'Bedankt. We hebben een e-mail gestuurd naar het adres dat u opgaf. Klik binnen 24 uur op de link in die e-mail om uw aanmelding te bevestigen. Geen e-mail gekregen? Kijk ook in uw map met ongewenste e-mail.'
export const UITNODIG_BERICHT = 'De uitnodiging is verstuurd. Uw collega krijgt een e-mail met een link die 7 dagen werkt.'

/** A password hash nobody can log in with: the account of an invitation not yet accepted. */
const GEEN_WACHTWOORD = '!'

const wakeMail = (deps: Deps) => deps.meldingen?.mail.wake()

async function queueAccountMail(tx: Tx, gebruikerId: string, gebeurtenis: string, now: string) {
  await tx.insert(mailOutbox).values({ gebruikerId, soort: 'account', gebeurtenis, createdAt: now }).onConflictDoNothing()
}

/** The gemeente of a postcode: a known gemeente of its plaats, else a gemeente named as the plaats. */
async function gemeenteOfPlaats(tx: Tx, plaats: string): Promise<string | null> {
  const bekend = gemeenteVanPlaats(plaats)
  const [g] = await tx
    .select({ id: gemeente.id })
    .from(gemeente)
    .where(bekend ? eq(gemeente.cbsCode, bekend.cbsCode) : sql`lower(${gemeente.naam}) = lower(${plaats})`)
    .limit(1)
  return g?.id ?? null
}

/** Removes a registration that was never confirmed (its link ran out, or the same address registers again). */
async function deleteOnbevestigd(tx: Tx, organisatieId: string, gebruikerId: string) {
  await tx.delete(aanmelding).where(eq(aanmelding.organisatieId, organisatieId))
  await tx.delete(gebruiker).where(eq(gebruiker.id, gebruikerId)) // links, outbox rows cascade
  await tx.delete(organisatie).where(and(eq(organisatie.id, organisatieId), eq(organisatie.status, 'onbevestigd')))
}

/**
 * POST /api/aanmeldingen (anonymous). Every outcome gets the same answer: a new address gets a
 * confirmation link, a known one a mail to its owner, a honeypot hit nothing at all.
 */
export async function registerOrganisatie({ deps, input, address }: { deps: Deps; input: AanmeldingInput; address: string }) {
  // Without e-mail nobody could confirm: refuse before anything is counted or stored, in words the
  // organisation can act on (the page says the same before the form is filled in: GET /api/inlogopties)
  if (!deps.config.mail) throw nietBeschikbaar('email-uit', 'Aanmelden via deze website kan hier nog niet: deze installatie verstuurt geen e-mail, en zonder e-mail kunnen we uw adres niet bevestigen. Neem contact op met de gemeente.')
  const locatie = locatieOf(input.postcode) // an unknown postcode is a 400 before anything is counted
  await takeLoginAttempt(deps, aanmeldingKeys(input.email, address), 'Te veel aanmeldingen vanaf dit adres of voor dit e-maildomein.')
  await recordLoginFailure(deps) // keeps the attempts table pruned to its window
  // hashed in every case, so a known address answers as slowly as a new one
  const passwordHash = await hashPassword(input.wachtwoord)
  if (input.website) {
    deps.log({ t: iso(deps.clock.now()), event: 'aanmelding-honeypot' })
    return { bericht: AANMELD_BERICHT }
  }
  const now = deps.clock.now()
  try {
    await writeAanmelding(deps, input, passwordHash, locatie.plaats, now)
  } catch (e) {
    // the same address registered at the same moment on another instance: it exists now, and
    // this request gets the answer every registration gets
    if (!isUniqueViolation(e, 'gebruiker.email')) throw e
  }
  wakeMail(deps)
  return { bericht: AANMELD_BERICHT }
}

async function writeAanmelding(deps: Deps, input: AanmeldingInput, passwordHash: string, plaats: string, now: Date) {
  await deps.db.transaction(async (tx) => {
    const [bestaand] = await tx
      .select({ id: gebruiker.id, actief: gebruiker.actief, organisatieId: gebruiker.organisatieId, onbevestigd: aanmelding.organisatieId })
      .from(gebruiker)
      .leftJoin(aanmelding, and(eq(aanmelding.gebruikerId, gebruiker.id), sql`${aanmelding.bevestigdOp} is null`))
      .where(eq(gebruiker.email, input.email))
    if (bestaand?.onbevestigd) await deleteOnbevestigd(tx, bestaand.onbevestigd, bestaand.id)
    else if (bestaand) return queueAccountMail(tx, bestaand.id, `bestaand-account:${randomUUID()}`, iso(now))
    const org = newOrganisatieRow(
      {
        naam: input.naam, soort: input.soort, postcode: input.postcode, plaats: input.plaats ?? plaats, kvkNummer: input.kvkNummer,
        contactpersoon: { naam: input.contactpersoon.naam, email: input.email, telefoon: input.contactpersoon.telefoon },
      },
      iso(now),
      'onbevestigd',
    )
    const gebruikerId = randomUUID()
    await tx.insert(organisatie).values(org)
    await tx.insert(gebruiker).values({
      id: gebruikerId, email: input.email, naam: input.contactpersoon.naam, passwordHash, rol: 'werkgever', organisatieId: org.id,
      actief: false, createdAt: iso(now), updatedAt: iso(now),
    })
    await tx.insert(aanmelding).values({ organisatieId: org.id, gebruikerId, gemeenteId: await gemeenteOfPlaats(tx, plaats), createdAt: iso(now) })
    const link = await insertLink(tx, 'bevestigen', gebruikerId, now)
    await queueAccountMail(tx, gebruikerId, `bevestigen:${link}`, iso(now))
  })
}

/** The beheerders who vet a registration from this gemeente: its own, else the platform's. */
async function beoordelaars(tx: Tx, gemeenteId: string | null): Promise<string[]> {
  const actieveBeheerder = and(eq(gebruiker.rol, 'beheerder'), eq(gebruiker.actief, true))
  if (gemeenteId) {
    const lokaal = await tx.select({ id: gebruiker.id }).from(gebruiker).innerJoin(werkgebied, eq(werkgebied.gebruikerId, gebruiker.id)).where(and(actieveBeheerder, eq(werkgebied.gemeenteId, gemeenteId)))
    if (lokaal.length) return lokaal.map((r) => r.id)
  }
  return (await tx.select({ id: gebruiker.id }).from(gebruiker).where(and(actieveBeheerder, eq(gebruiker.platformBeheerder, true)))).map((r) => r.id)
}

/** POST /api/aanmeldingen/bevestigen (anonymous, the link from the mail). */
export async function confirmAanmelding({ deps, token }: { deps: Deps; token: string }) {
  const now = deps.clock.now()
  await deps.db.transaction(async (tx) => {
    const gebruikerId = await useLink(tx, deps.config, 'bevestigen', token, now)
    const [a] = await tx.select({ a: aanmelding, naam: organisatie.naam }).from(aanmelding).innerJoin(organisatie, eq(organisatie.id, aanmelding.organisatieId)).where(eq(aanmelding.gebruikerId, gebruikerId))
    if (!a) throw nietGevonden('De aanmelding')
    await tx.update(gebruiker).set({ actief: true, updatedAt: iso(now) }).where(eq(gebruiker.id, gebruikerId))
    await tx.update(aanmelding).set({ bevestigdOp: iso(now) }).where(eq(aanmelding.organisatieId, a.a.organisatieId))
    await tx.update(organisatie).set({ status: 'aangemeld', updatedAt: iso(now) }).where(eq(organisatie.id, a.a.organisatieId))
    await writeAudit(tx, undefined, iso(now), { actie: 'organisatie-aangemeld', objectSoort: 'organisatie', objectId: a.a.organisatieId, details: { gemeenteId: a.a.gemeenteId } })
    const naam = a.naam.length > 80 ? `${a.naam.slice(0, 79)}…` : a.naam
    await writeMeldingen(
      tx,
      iso(now),
      (await beoordelaars(tx, a.a.gemeenteId)).map((id) => ({
        gebruikerId: id,
        soort: 'aanmelding-nieuw' as const,
        gebeurtenis: `aanmelding-nieuw:${a.a.organisatieId}`,
        titel: `Nieuwe aanmelding: „${naam}”`,
        tekst: 'Een organisatie wil plekken aanbieden. Controleer de gegevens en keur de aanmelding goed of af.',
        link: `/aanmeldingen/${a.a.organisatieId}`,
      })),
    )
  })
  wakeMail(deps)
  return {
    status: 'aangemeld' as const,
    bericht: 'Uw e-mailadres is bevestigd. U kunt nu inloggen en plekken als concept klaarzetten. De gemeente controleert uw aanmelding; daarna kunt u plekken publiceren. U krijgt daarover een e-mail.',
  }
}

// ---- vetting (beheerder) -------------------------------------------------------------------

async function werkgebiedFilter(ctx: Ctx) {
  const wg = await loadWerkgebied(ctx)
  return wg.alle ? undefined : withinWerkgebied(wg, aanmelding.gemeenteId)
}

const beoordelaar = sql<string | null>`(select g.naam from gebruiker g where g.id = ${aanmelding.beoordeeldDoor})`

function toAanmelding(r: { o: typeof organisatie.$inferSelect; a: typeof aanmelding.$inferSelect; gemeenteNaam: string | null; beoordelaar: string | null }) {
  return {
    id: r.o.id,
    naam: r.o.naam,
    soort: r.o.soort as AanmeldingInput['soort'],
    ...(r.o.kvkNummer ? { kvkNummer: r.o.kvkNummer } : {}),
    postcode: r.o.postcode,
    plaats: r.o.plaats,
    contactpersoon: r.o.contactpersoon,
    status: r.o.status,
    ...(r.a.gemeenteId && r.gemeenteNaam ? { gemeente: { id: r.a.gemeenteId, naam: r.gemeenteNaam } } : {}),
    aangemeldOp: r.a.createdAt,
    ...(r.a.bevestigdOp ? { bevestigdOp: r.a.bevestigdOp } : {}),
    ...(r.a.beoordeeldOp ? { beoordeeldOp: r.a.beoordeeldOp } : {}),
    ...(r.beoordelaar ? { beoordeeldDoor: r.beoordelaar } : {}),
    ...(r.a.reden ? { reden: r.a.reden } : {}),
  }
}

const aanmeldingSelect = (ctx: Ctx) =>
  ctx.db
    .select({ o: organisatie, a: aanmelding, gemeenteNaam: gemeente.naam, beoordelaar })
    .from(aanmelding)
    .innerJoin(organisatie, eq(organisatie.id, aanmelding.organisatieId))
    .leftJoin(gemeente, eq(gemeente.id, aanmelding.gemeenteId))

/** GET /api/aanmeldingen: confirmed registrations in the caller's werkgebied, by status, oldest first. */
export async function listAanmeldingen({ ctx, input }: { ctx: Ctx; input: { status: OrganisatieStatus; page: number; perPage: number } }) {
  requireRole(ctx.actor, 'beheerder')
  const where = and(eq(organisatie.status, input.status), await werkgebiedFilter(ctx))
  const rows = await aanmeldingSelect(ctx)
    .where(where)
    .orderBy(input.status === 'aangemeld' ? asc(aanmelding.createdAt) : desc(aanmelding.beoordeeldOp), asc(organisatie.id))
    .limit(input.perPage)
    .offset((input.page - 1) * input.perPage)
  const [totaal] = await ctx.db.select({ n: count() }).from(aanmelding).innerJoin(organisatie, eq(organisatie.id, aanmelding.organisatieId)).where(where)
  return { items: rows.map(toAanmelding), total: totaal?.n ?? 0 }
}

async function findAanmelding(ctx: Ctx, id: string) {
  requireRole(ctx.actor, 'beheerder')
  const [r] = await aanmeldingSelect(ctx).where(and(eq(aanmelding.organisatieId, id), ne(organisatie.status, 'onbevestigd'), await werkgebiedFilter(ctx)))
  if (!r) throw nietGevonden('De aanmelding')
  return r
}

/** Existing organisaties with the same KvK-nummer or a similar name (unconfirmed ones do not count). */
async function findVergelijkbaar(ctx: Ctx, o: typeof organisatie.$inferSelect) {
  const rows = await ctx.db
    .select({ id: organisatie.id, naam: organisatie.naam, plaats: organisatie.plaats, kvkNummer: organisatie.kvkNummer, status: organisatie.status })
    .from(organisatie)
    .where(and(ne(organisatie.id, o.id), ne(organisatie.status, 'onbevestigd')))
  return rows
    .map((r) => ({
      r,
      waarom: [...(o.kvkNummer && r.kvkNummer === o.kvkNummer ? (['zelfde-kvk'] as const) : []), ...(lijktOp(o.naam, r.naam) ? (['vergelijkbare-naam'] as const) : [])],
    }))
    .filter((x) => x.waarom.length)
    .sort((a, b) => b.waarom.length - a.waarom.length || a.r.naam.localeCompare(b.r.naam, 'nl'))
    .slice(0, 20)
    .map(({ r, waarom }) => ({ id: r.id, naam: r.naam, plaats: r.plaats, ...(r.kvkNummer ? { kvkNummer: r.kvkNummer } : {}), status: r.status, waarom }))
}

/** GET /api/aanmeldingen/:id: the details, similar organisaties and the accounts. */
export async function getAanmelding({ ctx, id }: { ctx: Ctx; id: string }) {
  const r = await findAanmelding(ctx, id)
  return { ...toAanmelding(r), vergelijkbaar: await findVergelijkbaar(ctx, r.o), gebruikers: await gebruikersOf(ctx, id) }
}

async function decide(ctx: Ctx, id: string, besluit: 'goedgekeurd' | 'afgewezen', reden?: string) {
  const r = await findAanmelding(ctx, id)
  const now = iso(ctx.clock.now())
  let uitgezet: string[] = []
  await ctx.db.transaction(async (tx) => {
    const [gezet] = await tx
      .update(organisatie)
      .set({ status: besluit, updatedAt: now })
      .where(and(eq(organisatie.id, id), eq(organisatie.status, 'aangemeld')))
      .returning({ id: organisatie.id })
    if (!gezet) throw conflict('aanmelding-al-beoordeeld', `Over deze aanmelding is al besloten: ${r.o.status === 'goedgekeurd' ? 'goedgekeurd' : 'afgewezen'}.`)
    await tx.update(aanmelding).set({ beoordeeldDoor: ctx.actor.id, beoordeeldOp: now, reden: reden ?? null }).where(eq(aanmelding.organisatieId, id))
    if (besluit === 'afgewezen') {
      // a rejected organisatie offers nothing: its accounts stop working at once
      uitgezet = (await tx.update(gebruiker).set({ actief: false, updatedAt: now }).where(eq(gebruiker.organisatieId, id)).returning({ id: gebruiker.id })).map((g) => g.id)
      if (uitgezet.length) await tx.delete(sessie).where(inArray(sessie.gebruikerId, uitgezet))
    }
    await writeAudit(tx, ctx.actor, now, { actie: `aanmelding-${besluit}`, objectSoort: 'organisatie', objectId: id, details: { gemeenteId: r.a.gemeenteId } })
    await queueAccountMail(tx, r.a.gebruikerId, `${besluit}:${id}`, now)
  })
  for (const g of uitgezet) forgetSessions(ctx, { gebruikerId: g })
  wakeMail(ctx)
  return getAanmelding({ ctx, id })
}

/** POST /api/aanmeldingen/:id/goedkeuren */
export const approveAanmelding = ({ ctx, id }: { ctx: Ctx; id: string }) => decide(ctx, id, 'goedgekeurd')

/** POST /api/aanmeldingen/:id/afwijzen: the reason goes to the organisatie by mail. */
export const rejectAanmelding = ({ ctx, id, reden }: { ctx: Ctx; id: string; reden: string }) => decide(ctx, id, 'afgewezen', reden)

// ---- what the werkgever may do before approval ----------------------------------------------

const NIET_GOEDGEKEURD: Record<Exclude<OrganisatieStatus, 'goedgekeurd'>, string> = {
  onbevestigd: 'Uw organisatie is nog niet bevestigd.',
  aangemeld: 'De gemeente controleert de aanmelding van uw organisatie nog. U kunt de plek als concept bewaren; publiceren kan zodra de aanmelding is goedgekeurd.',
  afgewezen: 'De gemeente heeft de aanmelding van deze organisatie afgewezen. Daarom kan deze plek niet worden gepubliceerd.',
}

const UITNODIGEN_NIET = "Collega's uitnodigen kan zodra de gemeente de aanmelding van uw organisatie heeft goedgekeurd."

/** Publishing a plek (and inviting colleagues) needs an approved organisatie: 409 otherwise. */
export async function requireGoedgekeurd(deps: Deps, organisatieId: string | null, voor: 'publiceren' | 'uitnodigen' = 'publiceren') {
  const [o] = organisatieId ? await deps.db.select({ status: organisatie.status }).from(organisatie).where(eq(organisatie.id, organisatieId)) : []
  if (o && o.status !== 'goedgekeurd') throw conflict('organisatie-niet-goedgekeurd', voor === 'uitnodigen' ? UITNODIGEN_NIET : NIET_GOEDGEKEURD[o.status])
}

// ---- colleagues -----------------------------------------------------------------------------

/** GET /api/organisaties/:id/gebruikers: who belongs to the organisatie (beheerder; werkgever the own). */
export async function listOrganisatieGebruikers({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, 'beheerder', 'werkgever')
  if (ctx.actor.rol === 'werkgever' && ctx.actor.organisatieId !== id) throw nietGevonden('De organisatie')
  const [o] = await ctx.db.select({ id: organisatie.id }).from(organisatie).where(eq(organisatie.id, id))
  if (!o) throw nietGevonden('De organisatie')
  const items = await gebruikersOf(ctx, id)
  return { items, total: items.length }
}

async function gebruikersOf(ctx: Ctx, organisatieId: string) {
  const rows = await ctx.db
    .select({ id: gebruiker.id, naam: gebruiker.naam, email: gebruiker.email, actief: gebruiker.actief, hash: gebruiker.passwordHash })
    .from(gebruiker)
    .where(eq(gebruiker.organisatieId, organisatieId))
    .orderBy(asc(gebruiker.naam), asc(gebruiker.email))
  return rows.map((r) => ({ id: r.id, naam: r.naam, email: r.email, actief: r.actief, uitgenodigd: r.hash === GEEN_WACHTWOORD }))
}

/**
 * POST /api/uitnodigingen: an approved werkgever invites a colleague. An address that already has
 * an account gets a mail saying so instead, with the same answer; inviting someone again whose
 * invitation was not accepted sends a new link.
 */
export async function inviteCollega({ ctx, input }: { ctx: Ctx; input: { email: string; naam?: string } }) {
  requireRole(ctx.actor, 'werkgever')
  await requireGoedgekeurd(ctx, ctx.actor.organisatieId, 'uitnodigen')
  if (!ctx.config.mail) throw nietBeschikbaar('email-uit', 'Collega’s uitnodigen kan hier nog niet: deze installatie verstuurt geen e-mail. Vraag de gemeente om een account voor uw collega.')
  const organisatieId = ctx.actor.organisatieId!
  const now = ctx.clock.now()
  await ctx.db.transaction(async (tx) => {
    const [bestaand] = await tx.select().from(gebruiker).where(eq(gebruiker.email, input.email))
    const opnieuw = bestaand && bestaand.organisatieId === organisatieId && !bestaand.actief && bestaand.passwordHash === GEEN_WACHTWOORD
    if (bestaand && !opnieuw) return queueAccountMail(tx, bestaand.id, `bestaand-account:${randomUUID()}`, iso(now))
    const gebruikerId = bestaand?.id ?? randomUUID()
    if (!bestaand)
      await tx.insert(gebruiker).values({
        id: gebruikerId, email: input.email, naam: input.naam ?? '', passwordHash: GEEN_WACHTWOORD, rol: 'werkgever', organisatieId,
        actief: false, createdAt: iso(now), updatedAt: iso(now),
      })
    const link = await insertLink(tx, 'uitnodiging', gebruikerId, now, ctx.actor.id)
    await writeAudit(tx, ctx.actor, iso(now), { actie: 'collega-uitgenodigd', objectSoort: 'gebruiker', objectId: gebruikerId, details: { organisatieId } })
    await queueAccountMail(tx, gebruikerId, `uitnodiging:${link}`, iso(now))
  })
  wakeMail(ctx)
  return { bericht: UITNODIG_BERICHT }
}

async function uitnodigingOf(tx: Db | Tx, gebruikerId: string) {
  const [r] = await tx.select({ email: gebruiker.email, naam: gebruiker.naam, organisatieNaam: organisatie.naam }).from(gebruiker).innerJoin(organisatie, eq(organisatie.id, gebruiker.organisatieId)).where(eq(gebruiker.id, gebruikerId))
  return r
}

/** POST /api/uitnodigingen/bekijken (anonymous): what the invitation is for, without using it. */
export async function readUitnodiging({ deps, token }: { deps: Deps; token: string }) {
  const link = await readOpenLink(deps.db, deps.config, 'uitnodiging', token, deps.clock.now())
  const r = await uitnodigingOf(deps.db, link.gebruikerId)
  if (!r) throw nietGevonden('De uitnodiging')
  return { email: r.email, naam: r.naam, organisatieNaam: r.organisatieNaam, verlooptOp: link.verlooptOp }
}

/** POST /api/uitnodigingen/accepteren (anonymous): the colleague chooses a name and password. */
export async function acceptUitnodiging({ deps, input }: { deps: Deps; input: { token: string; naam: string; wachtwoord: string } }) {
  const passwordHash = await hashPassword(input.wachtwoord)
  const now = deps.clock.now()
  const email = await deps.db.transaction(async (tx) => {
    const gebruikerId = await useLink(tx, deps.config, 'uitnodiging', input.token, now)
    const [g] = await tx
      .update(gebruiker)
      .set({ naam: input.naam, passwordHash, actief: true, updatedAt: iso(now) })
      .where(and(eq(gebruiker.id, gebruikerId), eq(gebruiker.passwordHash, GEEN_WACHTWOORD)))
      .returning({ email: gebruiker.email, organisatieId: gebruiker.organisatieId })
    if (!g) throw conflict('link-gebruikt', 'Deze uitnodiging is al gebruikt. U kunt inloggen met het e-mailadres uit de uitnodiging.')
    await writeAudit(tx, { id: gebruikerId, rol: 'werkgever', email: g.email, naam: input.naam, organisatieId: g.organisatieId }, iso(now), {
      actie: 'uitnodiging-aangenomen', objectSoort: 'gebruiker', objectId: gebruikerId, details: { organisatieId: g.organisatieId },
    })
    return g.email
  })
  return { email, bericht: 'Uw account is klaar. Log in met uw e-mailadres en het wachtwoord dat u net koos.' }
}

/**
 * What a link that ran out leaves behind is removed (docs/privacy.md "Zelf aanmelden"): a
 * registration never confirmed (organisatie, account, links, mails), an invitation never accepted
 * (its inactive account), and links older than 30 days. Runs hourly with the meldingen jobs.
 */
export async function deleteVerlopenAanmeldingen(deps: Deps): Promise<number> {
  const now = deps.clock.now()
  const open = (gebruikerId: SQLWrapper) => sql`exists (select 1 from ${toegangslink} l where l.gebruiker_id = ${gebruikerId} and l.verloopt_op > ${iso(now)})`
  const oud = await deps.db
    .select({ organisatieId: aanmelding.organisatieId, gebruikerId: aanmelding.gebruikerId })
    .from(aanmelding)
    .innerJoin(organisatie, eq(organisatie.id, aanmelding.organisatieId))
    .where(and(eq(organisatie.status, 'onbevestigd'), not(open(aanmelding.gebruikerId))))
  for (const r of oud) await deps.db.transaction((tx) => deleteOnbevestigd(tx, r.organisatieId, r.gebruikerId))
  const uitnodigingen = await deps.db
    .delete(gebruiker)
    .where(and(eq(gebruiker.passwordHash, GEEN_WACHTWOORD), eq(gebruiker.actief, false), not(open(gebruiker.id)), notExists(deps.db.select({ x: aanmelding.gebruikerId }).from(aanmelding).where(eq(aanmelding.gebruikerId, gebruiker.id)))))
    .returning({ id: gebruiker.id })
  await deps.db.delete(toegangslink).where(lt(toegangslink.verlooptOp, iso(new Date(now.getTime() - 30 * 24 * 60 * 60_000))))
  return oud.length + uitnodigingen.length
}
