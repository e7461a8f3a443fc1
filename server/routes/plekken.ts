import { createRoute } from '@hono/zod-openapi'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { changePlekStatus, createPlek, getPlek, listPlekken, updatePlek } from '../services/plekken.js'
import { plek, plekInput, plekLijstQuery, plekPatch } from '../domain/plek.js'
import { paginering } from '../domain/common.js'
import { errors, idParam, jsonAnswer, jsonBody, listOf } from './openapi-helpers.js'

const tags = ['Plekken']
const statusRoute = (actie: 'publiceren' | 'sluiten', summary: string) =>
  createRoute({
    method: 'post', path: `/plekken/{id}/${actie}`, tags, summary,
    request: { params: idParam },
    responses: { 200: jsonAnswer(plek, 'De plek met de nieuwe status'), 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
  })

export const plekkenRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/plekken', tags, summary: 'Plekken (werkgever: alleen de eigen organisatie)',
      request: { query: paginering.extend(plekLijstQuery.shape) },
      responses: { 200: jsonAnswer(listOf(plek), 'De plekken, laatst gewijzigd eerst'), 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await listPlekken({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/plekken', tags, summary: 'Plek aanmaken (status concept)',
      request: { body: jsonBody(plekInput) },
      responses: { 201: jsonAnswer(plek, 'De nieuwe plek'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await createPlek({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/plekken/{id}', tags, summary: 'Eén plek',
      request: { params: idParam },
      responses: { 200: jsonAnswer(plek, 'De plek'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await getPlek({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/plekken/{id}', tags, summary: 'Plek wijzigen (deel van de velden)',
      request: { params: idParam, body: jsonBody(plekPatch) },
      responses: { 200: jsonAnswer(plek, 'De gewijzigde plek'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => c.json(await updatePlek({ ctx: ctxOf(c), id: c.req.valid('param').id, patch: c.req.valid('json') }), 200),
  )
  .openapi(statusRoute('publiceren', 'Plek publiceren (concept → gepubliceerd)'), async (c) =>
    c.json(await changePlekStatus({ ctx: ctxOf(c), id: c.req.valid('param').id, actie: 'publiceren' }), 200),
  )
  .openapi(statusRoute('sluiten', 'Plek sluiten'), async (c) =>
    c.json(await changePlekStatus({ ctx: ctxOf(c), id: c.req.valid('param').id, actie: 'sluiten' }), 200),
  )
