import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { sql } from 'drizzle-orm'
import { router } from './router.js'

const healthAnswer = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), detail: z.string().optional() }),
})

export const healthRoutes = router().openapi(
  createRoute({
    method: 'get', path: '/health', tags: ['Beheer'], summary: 'Gezondheid van database en zoekmachine',
    responses: { 200: { description: 'ok of degraded, met de reden', content: { 'application/json': { schema: healthAnswer } } } },
  }),
  async (c) => {
    const { db } = c.get('deps')
    let database: { ok: boolean; detail?: string } = { ok: true }
    try {
      await db.run(sql`select 1`)
    } catch {
      database = { ok: false, detail: 'De database antwoordt niet.' }
    }
    return c.json({ status: database.ok ? ('ok' as const) : ('degraded' as const), database }, 200)
  },
)
