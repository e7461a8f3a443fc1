import { createRoute } from '@hono/zod-openapi'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { createDeelnemer, getDeelnemer, listDeelnemers, updateDeelnemer } from '../services/deelnemers.js'
import { deelnemer, deelnemerInput, deelnemerLijstQuery, deelnemerPatch } from '../domain/deelnemer.js'
import { paginering } from '../domain/common.js'
import { errors, idParam, jsonAnswer, jsonBody, listOf } from './openapi-helpers.js'

const tags = ['Deelnemers']

export const deelnemersRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/deelnemers', tags, summary: 'Deelnemers zoeken op naam en status (jobhunter, beheerder)',
      request: { query: paginering.extend(deelnemerLijstQuery.shape) },
      responses: { 200: jsonAnswer(listOf(deelnemer), 'De deelnemers, op naam'), 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await listDeelnemers({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/deelnemers', tags, summary: 'Deelnemer vastleggen (jobhunter, beheerder)',
      request: { body: jsonBody(deelnemerInput) },
      responses: { 201: jsonAnswer(deelnemer, 'Het nieuwe dossier'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await createDeelnemer({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/deelnemers/{id}', tags, summary: 'Eén deelnemer',
      request: { params: idParam },
      responses: { 200: jsonAnswer(deelnemer, 'Het dossier'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await getDeelnemer({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/deelnemers/{id}', tags, summary: 'Deelnemer wijzigen (deel van de velden)',
      request: { params: idParam, body: jsonBody(deelnemerPatch) },
      responses: { 200: jsonAnswer(deelnemer, 'Het gewijzigde dossier'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await updateDeelnemer({ ctx: ctxOf(c), id: c.req.valid('param').id, patch: c.req.valid('json') }), 200),
  )
