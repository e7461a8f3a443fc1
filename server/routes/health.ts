import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { sql } from 'drizzle-orm'
import { router } from './router.js'

/** Pending outbox rows older than this make the health "degraded": search is visibly behind. */
export const LAG_DEGRADED_SECONDS = 30

const part = z.object({ ok: z.boolean(), detail: z.string().optional() })
const healthAnswer = z.object({
  status: z.enum(['ok', 'degraded']),
  redenen: z.array(z.string()).describe('Waarom de status degraded is'),
  database: part,
  zoekmachine: part.extend({ engine: z.string(), documenten: z.number().optional(), index: z.enum(['opbouwen', 'klaar']) }),
  outbox: z.object({ wachtend: z.number(), oudsteSeconden: z.number() }),
})

export const healthRoutes = router().openapi(
  createRoute({
    method: 'get', path: '/health', tags: ['Beheer'], summary: 'Gezondheid van database, zoekmachine en zoekindex-achterstand',
    responses: { 200: { description: 'ok of degraded, met de redenen', content: { 'application/json': { schema: healthAnswer } } } },
  }),
  async (c) => {
    const { db, search } = c.get('deps')
    const redenen: string[] = []
    let database: z.infer<typeof part> = { ok: true }
    try {
      await db.run(sql`select 1`)
    } catch {
      database = { ok: false, detail: 'De database antwoordt niet.' }
      redenen.push(database.detail!)
    }
    const engine = search ? await search.index.health() : { ok: false, engine: 'geen', detail: 'Geen zoekmachine ingesteld.' }
    if (!engine.ok) redenen.push(engine.detail ?? 'De zoekmachine antwoordt niet.')
    const state = search?.state() ?? 'klaar'
    if (state === 'opbouwen') redenen.push('De zoekindex wordt opgebouwd.')
    const lag = database.ok && search ? await search.indexer.lag() : { pending: 0, oldestSeconds: 0 }
    if (lag.oldestSeconds > LAG_DEGRADED_SECONDS)
      redenen.push(`De zoekindex loopt ${Math.round(lag.oldestSeconds)} seconden achter (${lag.pending} wijzigingen wachten).`)
    if (search?.indexer.lastError) redenen.push(`Laatste indexeerfout: ${search.indexer.lastError.slice(0, 200)}`)
    return c.json(
      {
        status: redenen.length ? ('degraded' as const) : ('ok' as const),
        redenen,
        database,
        zoekmachine: { ...engine, index: state },
        outbox: { wachtend: lag.pending, oudsteSeconden: lag.oldestSeconds },
      },
      200,
    )
  },
)
