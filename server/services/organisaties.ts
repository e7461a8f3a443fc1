import { and, asc, count, eq, ne, sql } from 'drizzle-orm'
import { contains } from '../../db/contains.js'
import { randomUUID } from 'node:crypto'
import { organisatie, outbox, plek } from '../../db/schema.js'
import type { Ctx } from '../context.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { nietGevonden, fromZod } from '../domain/errors.js'
import { organisatieInput, type Organisatie, type OrganisatieInput } from '../domain/organisatie.js'
import { locatieOf } from './locatie.js'
import { mergePatch } from './merge-patch.js'

// Rules: beheerder sees and changes all organisaties; a werkgever only their own (another one is
// a 404, so ids of other tenants cannot be probed); a jobhunter reads all; a jobcoach none.

type Row = typeof organisatie.$inferSelect

export function toOrganisatie(r: Row): Organisatie {
  return {
    id: r.id,
    naam: r.naam,
    soort: r.soort as Organisatie['soort'],
    postcode: r.postcode,
    plaats: r.plaats,
    contactpersoon: r.contactpersoon,
    ...(r.kvkNummer ? { kvkNummer: r.kvkNummer } : {}),
    status: r.status,
    aangemaaktOp: r.createdAt,
    gewijzigdOp: r.updatedAt,
  }
}

/**
 * The columns a validated organisatie body sets; plaats comes from the postcode unless one is
 * given. An unknown PC4 is a 400 on `postcode`.
 */
export function organisatieColumns(input: OrganisatieInput) {
  const locatie = locatieOf(input.postcode)
  return {
    naam: input.naam,
    soort: input.soort,
    postcode: input.postcode,
    plaats: input.plaats ?? locatie.plaats,
    contactpersoon: input.contactpersoon,
    kvkNummer: input.kvkNummer ?? null,
  }
}

/** A new organisatie row, ready to insert (used by POST /api/organisaties and the bulk import). */
export function newOrganisatieRow(input: OrganisatieInput, now: string, status: Row['status'] = 'goedgekeurd'): Row {
  return { id: randomUUID(), ...organisatieColumns(input), status, createdAt: now, updatedAt: now }
}

async function findVisible(ctx: Ctx, id: string): Promise<Row> {
  requireRole(ctx.actor, 'beheerder', 'jobhunter', 'werkgever')
  if (ctx.actor.rol === 'werkgever' && ctx.actor.organisatieId !== id) throw nietGevonden('De organisatie')
  const row = (await ctx.db.select().from(organisatie).where(eq(organisatie.id, id)).limit(1))[0]
  if (!row) throw nietGevonden('De organisatie')
  return row
}

export async function getOrganisatie({ ctx, id }: { ctx: Ctx; id: string }): Promise<Organisatie> {
  return toOrganisatie(await findVisible(ctx, id))
}

export async function listOrganisaties({ ctx, input }: { ctx: Ctx; input: { page: number; perPage: number; q?: string } }) {
  requireRole(ctx.actor, 'beheerder', 'jobhunter', 'werkgever')
  const own = ctx.actor.rol === 'werkgever' ? eq(organisatie.id, ctx.actor.organisatieId ?? '') : undefined
  const byName = input.q ? contains(organisatie.naam, input.q) : undefined
  // self-registration (docs/aanmelden.md): an unconfirmed one is nobody's business; a jobhunter
  // works only with organisaties the gemeente approved
  const zichtbaar = ctx.actor.rol === 'jobhunter' ? eq(organisatie.status, 'goedgekeurd') : ne(organisatie.status, 'onbevestigd')
  const filter = and(own, byName, zichtbaar)
  const rows = await ctx.db
    .select()
    .from(organisatie)
    .where(filter)
    .orderBy(asc(organisatie.naam))
    .limit(input.perPage)
    .offset((input.page - 1) * input.perPage)
  const [totals] = await ctx.db.select({ total: count() }).from(organisatie).where(filter)
  return { items: rows.map(toOrganisatie), total: totals?.total ?? 0 }
}

export async function createOrganisatie({ ctx, input }: { ctx: Ctx; input: OrganisatieInput }): Promise<Organisatie> {
  requireRole(ctx.actor, 'beheerder')
  const row = newOrganisatieRow(input, iso(ctx.clock.now()))
  await ctx.db.insert(organisatie).values(row)
  return toOrganisatie(row)
}

export async function updateOrganisatie({ ctx, id, patch }: { ctx: Ctx; id: string; patch: Record<string, unknown> }) {
  requireRole(ctx.actor, 'beheerder', 'werkgever')
  const current = toOrganisatie(await findVisible(ctx, id))
  const { id: _i, aangemaaktOp: _a, gewijzigdOp: _g, status: _s, ...stored } = current
  // A changed postcode brings its own plaats unless one is given with it.
  const base = patch.postcode !== undefined && patch.plaats === undefined ? { ...stored, plaats: undefined } : stored
  const parsed = organisatieInput.safeParse(mergePatch(base, patch))
  if (!parsed.success) throw fromZod(parsed.error)
  const now = iso(ctx.clock.now())
  const values = { ...organisatieColumns(parsed.data), updatedAt: now }
  await ctx.db.transaction(async (tx) => {
    await tx.update(organisatie).set(values).where(eq(organisatie.id, id))
    // the organisatie's name is part of every plek in search and in the matcher's memory: a new
    // versie of each plek makes both pick it up
    if (values.naam !== current.naam) {
      const plekken = await tx.update(plek).set({ versie: sql`${plek.versie} + 1`, updatedAt: now }).where(eq(plek.organisatieId, id)).returning({ id: plek.id, versie: plek.versie })
      for (let i = 0; i < plekken.length; i += 500)
        await tx.insert(outbox).values(plekken.slice(i, i + 500).map((p) => ({ plekId: p.id, versie: p.versie, createdAt: now })))
    }
  })
  ctx.search?.indexer.wake()
  return toOrganisatie(await findVisible(ctx, id))
}
