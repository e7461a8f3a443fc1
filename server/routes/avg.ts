import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { runBewaartermijnNow, exportDeelnemer, eraseDeelnemer } from '../services/avg.js'
import { listAudit } from '../services/audit.js'
import { isoDate, paginering } from '../domain/common.js'
import { apiRoute, errors, idParam, jsonAnswer, listOf, ok } from './openapi-helpers.js'

const tags = ['Privacy (AVG)']

export const avgRoutes = router()
  .openapi(
    apiRoute({
      method: 'get', path: '/deelnemers/{id}/export', tags,
      summary: 'Inzage: alle gegevens over één deelnemer als JSON (beheerder; in het auditlog)',
      request: { params: idParam },
      ok: ok(200, z.record(z.string(), z.unknown()), 'Dossier, voorstellen, plaatsingen, nazorg en wie het dossier bekeek'), fouten: [401, 403, 404],

    }),
    async (c) => {
      const data = await exportDeelnemer({ ctx: ctxOf(c), id: c.req.valid('param').id })
      c.header('content-disposition', `attachment; filename="deelnemer-${c.req.valid('param').id}.json"`)
      return c.json(data, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/deelnemers/{id}', tags,
      summary: 'Vergetelheid: persoonsgegevens van een deelnemer wissen; tellingen voor de monitor blijven (beheerder)',
      request: { params: idParam },
      responses: { 204: { description: 'Gewist' }, 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      await eraseDeelnemer({ ctx: ctxOf(c), id: c.req.valid('param').id })
      return c.body(null, 204)
    },
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/avg/bewaartermijn', tags,
      summary: 'De bewaartermijn nu toepassen: deelnemers van wie de laatste plaatsing langer dan RETENTIE_MAANDEN geleden eindigde worden geanonimiseerd (beheerder; draait ook dagelijks)',
      ok: ok(200, z.object({ grens: z.string(), geanonimiseerd: z.number() }), 'Hoeveel deelnemers zijn geanonimiseerd'), fouten: [401, 403],

    }),
    async (c) => c.json(await runBewaartermijnNow({ ctx: ctxOf(c) }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/audit', tags, summary: 'Het auditlog: wie wat bekeek, wijzigde, exporteerde of wiste, nieuwste eerst (beheerder)',
      request: {
        query: paginering.extend({
          objectSoort: z.string().max(40).optional(),
          objectId: z.string().max(64).optional(),
          gebruikerId: z.string().max(64).optional(),
          actie: z.string().max(60).optional(),
          van: isoDate.optional(),
          tot: isoDate.optional(),
        }),
      },
      responses: {
        200: jsonAnswer(
          listOf(z.object({ id: z.number(), op: z.string(), actie: z.string(), objectSoort: z.string(), objectId: z.string(), gebruiker: z.object({ id: z.string(), naam: z.string(), rol: z.string() }).optional(), details: z.record(z.string(), z.unknown()).optional() })),
          'De regels',
        ),
        400: errors[400], 401: errors[401], 403: errors[403],
      },
    }),
    async (c) => c.json(await listAudit({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
