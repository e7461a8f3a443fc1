import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf, publicOrigin } from '../auth/middleware.js'
import { renderAgendaFeed, getAgendaStatus, createAgendaLink, revokeAgendaLink } from '../services/agenda.js'
import { apiRoute, errors, ok } from './openapi-helpers.js'

const tags = ['Plaatsingen en nazorg']

export const agendaRoutes = router()
  .openapi(
    apiRoute({
      method: 'get', path: '/agenda', tags, summary: 'Of de jobcoach een agenda-link heeft (jobcoach)',
      ok: ok(200, z.object({ actief: z.boolean(), aangemaaktOp: z.string().optional() }), 'De status'), fouten: [401, 403],

    }),
    async (c) => c.json(await getAgendaStatus({ ctx: ctxOf(c) }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/agenda', tags,
      summary: 'Nieuwe geheime agenda-link (iCalendar) met de komende nazorgcontacten (jobcoach); een eerdere link vervalt',
      ok: ok(201, z.object({ url: z.string(), aangemaaktOp: z.string() }), 'De link; alleen nu te zien'), fouten: [401, 403],

    }),
    async (c) => {
      const ctx = ctxOf(c)
      return c.json(await createAgendaLink({ ctx, origin: publicOrigin(c) }), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/agenda', tags, summary: 'Agenda-link intrekken (jobcoach)',
      responses: { 204: { description: 'Ingetrokken' }, 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      await revokeAgendaLink({ ctx: ctxOf(c) })
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/agenda/{token}/contacten.ics', tags,
      summary: 'De agenda-feed (text/calendar); zonder sessie, het geheim in de link is de sleutel',
      request: { params: z.object({ token: z.string().min(20).max(100) }) },
      responses: { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } }, 404: errors[404] },
    }),
    async (c) => {
      const deps = c.get('deps')
      const body = await renderAgendaFeed({ deps, token: c.req.valid('param').token, appUrl: publicOrigin(c) })
      return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' })
    },
  )
