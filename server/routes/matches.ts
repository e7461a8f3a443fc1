import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { matchPlekkenForDeelnemer, matchDeelnemersForPlek } from '../services/matches.js'
import { errors, idParam, jsonAnswer } from './openapi-helpers.js'
import { deelnemerSamenvatting, plekSamenvatting } from '../domain/match.js'

const matchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  inclusiefUitgesloten: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
})

const criterium = z.object({
  code: z.string(),
  score: z.number().describe('0–1'),
  knockout: z.boolean().describe('Dit criterium sluit de match uit in deze richting'),
  kleur: z.enum(['groen', 'oranje', 'rood']).describe('groen: 85 % of meer; oranje: 40–85 %, of past met ondersteuning, of een gehaalde harde grens onder 40 %; rood: onder 40 %, of de harde grens sluit uit'),
  uitleg: z.string(),
  metOndersteuning: z.boolean().optional().describe('Past alleen met ondersteuning op de werkvloer (een versoepelde harde grens); dan oranje'),
})
const matchFields = { score: z.number().describe('0–100'), uitgesloten: z.boolean(), criteria: z.array(criterium) }
const meta = {
  total: z.number(),
  kandidaten: z.number().describe('Aantal beoordeelde kandidaten'),
  richting: z.enum(['aanbodgericht', 'vraaggericht']),
  gewichtenVersie: z.string().describe('"standaard" of het id van de gewichtenwijziging (zie /api/matching/gewichten/historie)'),
  gewichten: z.record(z.string(), z.number()).describe('De gewichten waarmee deze scores zijn berekend'),
  knockouts: z.array(z.string()),
}

export const matchesRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/deelnemers/{id}/matches', tags: ['Matchen'],
      summary: 'Aanbodgericht: passende plekken voor een deelnemer, met uitleg per criterium (jobhunter, beheerder)',
      request: { params: idParam, query: matchQuery },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(z.object({ plek: plekSamenvatting, ...matchFields })), ...meta }), 'Plekken, beste eerst; uitgesloten plekken (alleen met inclusiefUitgesloten=true) achteraan'),
        400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
      },
    }),
    async (c) => c.json(await matchPlekkenForDeelnemer({ ctx: ctxOf(c), id: c.req.valid('param').id, query: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/plekken/{id}/matches', tags: ['Matchen'],
      summary: 'Vraaggericht: zoekende deelnemers voor een plek, met uitleg per criterium (jobhunter, beheerder)',
      request: { params: idParam, query: matchQuery },
      responses: {
        200: jsonAnswer(z.object({ items: z.array(z.object({ deelnemer: deelnemerSamenvatting, ...matchFields })), ...meta }), 'Deelnemers, beste eerst; uitgesloten deelnemers (alleen met inclusiefUitgesloten=true) achteraan'),
        400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
      },
    }),
    async (c) => c.json(await matchDeelnemersForPlek({ ctx: ctxOf(c), id: c.req.valid('param').id, query: c.req.valid('query') }), 200),
  )
