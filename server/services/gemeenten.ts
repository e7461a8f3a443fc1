import { eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { gemeente } from '../../db/schema.js'
import { isUniqueViolation } from '../../db/constraint.js'
import type { Ctx } from '../context.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { conflict, geenToegang } from '../domain/errors.js'
import type { gemeenteInput } from '../domain/gemeente.js'
import { listGemeentenOf, loadWerkgebied } from './werkgebied.js'
import { writeAudit } from './audit.js'

// Gemeenten: every member of staff lists those of their own werkgebied (the platform beheerder
// all of them); only the platform beheerder adds one (a new gemeente on the installation).

/** GET /api/gemeenten */
export async function listGemeenten({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, 'beheerder', 'jobhunter', 'jobcoach')
  const items = await listGemeentenOf(ctx)
  return { items, total: items.length }
}

/** POST /api/gemeenten (platform beheerder) */
export async function createGemeente({ ctx, input }: { ctx: Ctx; input: z.infer<typeof gemeenteInput> }) {
  requireRole(ctx.actor, 'beheerder')
  if (!(await loadWerkgebied(ctx)).alle) throw geenToegang()
  const now = iso(ctx.clock.now())
  const row = { id: randomUUID(), naam: input.naam, cbsCode: input.cbsCode, createdAt: now, updatedAt: now }
  const [al] = await ctx.db.select({ id: gemeente.id }).from(gemeente).where(eq(gemeente.cbsCode, input.cbsCode))
  if (al) throw cbsBestaat()
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(gemeente).values(row)
      await writeAudit(tx, ctx.actor, now, { actie: 'gemeente-aangemaakt', objectSoort: 'gemeente', objectId: row.id })
    })
  } catch (e) {
    if (isUniqueViolation(e, 'gemeente.cbs_code')) throw cbsBestaat()
    throw e
  }
  return { id: row.id, naam: row.naam, cbsCode: row.cbsCode }
}

const cbsBestaat = () => conflict('gemeente-bestaat', 'Er bestaat al een gemeente met deze CBS-code.')
