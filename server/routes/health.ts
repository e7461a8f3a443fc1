import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { getHealth } from '../services/health.js'


const part = z.object({ ok: z.boolean(), detail: z.string().optional() })
const healthAnswer = z.object({
  status: z.enum(['ok', 'degraded']),
  redenen: z.array(z.string()).describe('Waarom de status degraded is'),
  database: part.describe('De database antwoordt op een query'),
  opslag: part.describe('De database neemt schrijfacties aan: niet alleen-lezen, niet vol'),
  zoekmachine: part.extend({ engine: z.string(), documenten: z.number().optional(), index: z.enum(['opbouwen', 'klaar']) }),
  outbox: z
    .object({
      wachtend: z.number().describe('Wijzigingen die nog niet in de zoekindex staan (ingebouwd: van deze instantie)'),
      oudsteSeconden: z.number().describe('Leeftijd van de oudste daarvan, in seconden'),
      positie: z.number().nullable().describe('Tot en met deze wijziging (outbox-id) staat alles in de index; null zolang de index voor het eerst wordt opgebouwd'),
      laatste: z.number().describe('De laatste wijziging (outbox-id) in de database'),
    })
    .describe('Hoe ver de zoekindex achterloopt op de database'),
})

export const healthRoutes = router().openapi(
  createRoute({
    method: 'get', path: '/health', tags: ['Beheer'], summary: 'Gezondheid van deze instantie: database, opslag, zoekmachine en zoekindex-achterstand',
    responses: { 200: { description: 'ok of degraded, met de redenen', content: { 'application/json': { schema: healthAnswer } } } },
  }),
  async (c) => c.json(await getHealth(c.get('deps')), 200),
)
