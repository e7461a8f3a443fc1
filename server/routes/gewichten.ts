import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { listGewichtenHistory, getGewichten, updateGewichten } from '../services/gewichten.js'
import { gewichtenVersie, gewichtenWijziging, richtingen } from '../domain/gewichten.js'
import { apiRoute, errors, jsonAnswer, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Matchen']

export const gewichtenRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/matching/gewichten', tags,
      summary: 'De gewichten van de matcher per richting, met versie (jobhunter, beheerder)',
      responses: {
        200: jsonAnswer(z.object({ aanbodgericht: gewichtenVersie, vraaggericht: gewichtenVersie }), 'De geldende gewichten'),
        401: errors[401], 403: errors[403],
      },
    }),
    async (c) => c.json(await getGewichten({ ctx: ctxOf(c) }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/matching/gewichten/historie', tags,
      summary: 'Alle wijzigingen van de gewichten, nieuwste eerst (beheerder)',
      request: { query: z.object({ richting: z.enum(richtingen).optional() }) },
      ok: ok(200, listOf(gewichtenVersie), 'De wijzigingen'), fouten: [400, 401, 403],

    }),
    async (c) => c.json(await listGewichtenHistory({ ctx: ctxOf(c), richting: c.req.valid('query').richting }), 200),
  )
  .openapi(
    apiRoute({
      method: 'put', path: '/matching/gewichten/{richting}', tags,
      summary: 'Gewichten wijzigen (beheerder); vastgelegd als nieuwe versie met toelichting, in het auditlog',
      request: { params: z.object({ richting: z.enum(richtingen) }), body: jsonBody(gewichtenWijziging) },
      ok: ok(200, gewichtenVersie, 'De nieuwe geldende versie'), fouten: [400, 401, 403],

    }),
    async (c) => c.json(await updateGewichten({ ctx: ctxOf(c), richting: c.req.valid('param').richting, input: c.req.valid('json') }), 200),
  )
