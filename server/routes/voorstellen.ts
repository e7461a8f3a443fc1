import { createRoute } from '@hono/zod-openapi'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { acceptVoorstel, getVoorstel, listVoorstellen, createVoorstel, withdrawVoorstel, declineVoorstel } from '../services/voorstellen.js'
import { accepteerInput, afwijsInput, voorstelAntwoord, voorstelInput, voorstelLijstQuery } from '../domain/voorstel.js'
import { plaatsingAntwoord } from '../domain/plaatsing.js'
import { paginering } from '../domain/common.js'
import { errors, idParam, jsonAnswer, jsonBody, listOf } from './openapi-helpers.js'

const tags = ['Voorstellen']

export const voorstellenRoutes = router()
  .openapi(
    createRoute({
      method: 'post', path: '/voorstellen', tags,
      summary: 'Voorstel maken vanuit een match (jobhunter); legt score en uitleg van dat moment vast',
      request: { body: jsonBody(voorstelInput) },
      responses: { 201: jsonAnswer(voorstelAntwoord, 'Het voorstel, status voorgesteld'), 400: errors[400], 401: errors[401], 403: errors[403], 409: errors[409] },
    }),
    async (c) => c.json(await createVoorstel({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/voorstellen', tags,
      summary: 'Voorstellen (werkgever: voor de eigen plekken, met alleen de gedeelde gegevens)',
      request: { query: paginering.extend(voorstelLijstQuery.shape) },
      responses: { 200: jsonAnswer(listOf(voorstelAntwoord), 'Nieuwste eerst'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await listVoorstellen({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/voorstellen/{id}', tags, summary: 'Eén voorstel',
      request: { params: idParam },
      responses: { 200: jsonAnswer(voorstelAntwoord, 'Het voorstel'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await getVoorstel({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/voorstellen/{id}/accepteren', tags,
      summary: 'Voorstel accepteren (werkgever, beheerder): de plaatsing start en neemt één plaats van de capaciteit',
      request: { params: idParam, body: jsonBody(accepteerInput) },
      responses: { 201: jsonAnswer(plaatsingAntwoord, 'De nieuwe plaatsing'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => c.json(await acceptVoorstel({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/voorstellen/{id}/afwijzen', tags, summary: 'Voorstel afwijzen met reden (werkgever, beheerder)',
      request: { params: idParam, body: jsonBody(afwijsInput) },
      responses: { 200: jsonAnswer(voorstelAntwoord, 'Het afgewezen voorstel'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => c.json(await declineVoorstel({ ctx: ctxOf(c), id: c.req.valid('param').id, reden: c.req.valid('json').reden }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/voorstellen/{id}/intrekken', tags, summary: 'Open voorstel intrekken (jobhunter, beheerder)',
      request: { params: idParam },
      responses: { 200: jsonAnswer(voorstelAntwoord, 'Het ingetrokken voorstel'), 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => c.json(await withdrawVoorstel({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
