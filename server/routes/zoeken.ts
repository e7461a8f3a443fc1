import { createRoute } from '@hono/zod-openapi'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { searchPlekken } from '../services/zoeken.js'
import { zoekQuery, zoekResultaat } from '../domain/zoeken.js'
import { errors, jsonAnswer } from './openapi-helpers.js'

export const zoekenRoutes = router().openapi(
  createRoute({
    method: 'get', path: '/zoeken', tags: ['Zoeken'],
    summary: 'Gepubliceerde plekken met vrije capaciteit zoeken (jobhunter, beheerder)',
    request: { query: zoekQuery },
    responses: {
      200: jsonAnswer(zoekResultaat, 'Treffers, totaal en aantallen per filterwaarde'),
      400: errors[400], 401: errors[401], 403: errors[403],
      503: { description: 'De zoekmachine is niet bereikbaar', content: { 'application/json': { schema: errors[400].content['application/json'].schema } } },
    },
  }),
  async (c) => c.json(await searchPlekken({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
)
