import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { getHealth } from '../services/health.js'

// Anonymous callers (a load balancer, anybody) learn up or degraded; the engine, document counts,
// the index lag and the reasons are for a logged-in beheerder only (docs/operations.md "Health").


const part = z.object({ ok: z.boolean(), detail: z.string().optional() })
const healthAnswer = z.object({
  status: z.enum(['ok', 'degraded']),
  redenen: z.array(z.string()).optional().describe('Waarom de status degraded is (alleen voor een beheerder; soort en code van een fout, nooit de tekst)'),
  database: part.optional().describe('De database antwoordt op een query (alleen voor een beheerder)'),
  opslag: part.optional().describe('De database neemt schrijfacties aan: niet alleen-lezen, niet vol (alleen voor een beheerder)'),
  zoekmachine: part.extend({ engine: z.string(), documenten: z.number().optional(), index: z.enum(['opbouwen', 'klaar']) }).optional(),
  outbox: z
    .object({
      wachtend: z.number().describe('Wijzigingen die nog niet in de zoekindex staan (ingebouwd: van deze instantie)'),
      oudsteSeconden: z.number().describe('Leeftijd van de oudste daarvan, in seconden'),
      positie: z.number().nullable().describe('Tot en met deze wijziging (outbox-id) staat alles in de index; null zolang de index voor het eerst wordt opgebouwd'),
      laatste: z.number().describe('De laatste wijziging (outbox-id) in de database'),
    })
    .optional()
    .describe('Hoe ver de zoekindex achterloopt op de database (alleen voor een beheerder)'),
})

export const healthRoutes = router().openapi(
  createRoute({
    method: 'get', path: '/health', tags: ['Beheer'], summary: 'Gezondheid van deze instantie: ok of degraded; voor een beheerder ook database, opslag, zoekmachine en zoekindex-achterstand',
    responses: { 200: { description: 'ok of degraded, met de redenen', content: { 'application/json': { schema: healthAnswer } } } },
  }),
  async (c) => {
    const health = await getHealth(c.get('deps'))
    return c.json(c.get('actor')?.rol === 'beheerder' ? health : { status: health.status }, 200)
  },
)
