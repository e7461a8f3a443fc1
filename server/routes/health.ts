import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { getHealth } from '../services/health.js'


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
  async (c) => c.json(await getHealth(c.get('deps')), 200),
)
