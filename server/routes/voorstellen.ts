import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { acceptVoorstel, getVoorstel, listVoorstellen, createVoorstel, withdrawVoorstel, declineVoorstel } from '../services/voorstellen.js'
import { accepteerInput, afwijsInput, voorstelAntwoord, voorstelInput, voorstelLijstQuery } from '../domain/voorstel.js'
import { plaatsingAntwoord } from '../domain/plaatsing.js'
import { paginering } from '../domain/common.js'
import { apiRoute, idParam, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Voorstellen']

export const voorstellenRoutes = router()
  .openapi(
    apiRoute({
      method: 'post', path: '/voorstellen', tags,
      summary: 'Voorstel maken vanuit een match (jobhunter); legt score en uitleg van dat moment vast',
      request: { body: jsonBody(voorstelInput) },
      ok: ok(201, voorstelAntwoord, 'Het voorstel, status voorgesteld'), fouten: [400, 401, 403, 404, 409],

    }),
    async (c) => c.json(await createVoorstel({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/voorstellen', tags,
      summary: 'Voorstellen (werkgever: voor de eigen plekken, met alleen de gedeelde gegevens)',
      request: { query: paginering.extend(voorstelLijstQuery.shape) },
      ok: ok(200, listOf(voorstelAntwoord), 'Nieuwste eerst'), fouten: [400, 401, 403],

    }),
    async (c) => c.json(await listVoorstellen({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/voorstellen/{id}', tags, summary: 'Eén voorstel',
      request: { params: idParam },
      ok: ok(200, voorstelAntwoord, 'Het voorstel'), fouten: [401, 403, 404],

    }),
    async (c) => c.json(await getVoorstel({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/voorstellen/{id}/accepteren', tags,
      summary: 'Voorstel accepteren (werkgever, beheerder): de plaatsing start en neemt één plaats van de capaciteit',
      request: { params: idParam, body: jsonBody(accepteerInput) },
      ok: ok(201, plaatsingAntwoord, 'De nieuwe plaatsing'), fouten: [400, 401, 403, 404, 409],

    }),
    async (c) => c.json(await acceptVoorstel({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/voorstellen/{id}/afwijzen', tags, summary: 'Voorstel afwijzen met reden (werkgever, beheerder)',
      request: { params: idParam, body: jsonBody(afwijsInput) },
      ok: ok(200, voorstelAntwoord, 'Het afgewezen voorstel'), fouten: [400, 401, 403, 404, 409],

    }),
    async (c) => c.json(await declineVoorstel({ ctx: ctxOf(c), id: c.req.valid('param').id, reden: c.req.valid('json').reden }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/voorstellen/{id}/intrekken', tags, summary: 'Open voorstel intrekken (jobhunter, beheerder)',
      request: { params: idParam },
      ok: ok(200, voorstelAntwoord, 'Het ingetrokken voorstel'), fouten: [401, 403, 404, 409],

    }),
    async (c) => c.json(await withdrawVoorstel({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
