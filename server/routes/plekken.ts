import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { changePlekStatus, createPlek, getPlek, listPlekken, updatePlek } from '../services/plekken.js'
import { plek, plekInput, plekLijstQuery, plekPatch } from '../domain/plek.js'
import { paginering } from '../domain/common.js'
import { apiRoute, idParam, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Plekken']
const statusRoute = (actie: 'publiceren' | 'sluiten', summary: string) =>
  apiRoute({
    method: 'post', path: `/plekken/{id}/${actie}`, tags, summary,
    request: { params: idParam },
    ok: ok(200, plek, 'De plek met de nieuwe status'), fouten: [401, 403, 404, 409],

  })

export const plekkenRoutes = router()
  .openapi(
    apiRoute({
      method: 'get', path: '/plekken', tags, summary: 'Plekken (werkgever: alleen de eigen organisatie)',
      request: { query: paginering.extend(plekLijstQuery.shape) },
      ok: ok(200, listOf(plek), 'De plekken, laatst gewijzigd eerst'), fouten: [401, 403],

    }),
    async (c) => c.json(await listPlekken({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/plekken', tags, summary: 'Plek aanmaken (status concept)',
      request: { body: jsonBody(plekInput) },
      ok: ok(201, plek, 'De nieuwe plek'), fouten: [400, 401, 403],

    }),
    async (c) => c.json(await createPlek({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/plekken/{id}', tags, summary: 'Eén plek',
      request: { params: idParam },
      ok: ok(200, plek, 'De plek'), fouten: [401, 403, 404],

    }),
    async (c) => c.json(await getPlek({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({
      method: 'patch', path: '/plekken/{id}', tags, summary: 'Plek wijzigen (deel van de velden)',
      request: { params: idParam, body: jsonBody(plekPatch) },
      ok: ok(200, plek, 'De gewijzigde plek'), fouten: [400, 401, 403, 404, 409],

    }),
    async (c) => c.json(await updatePlek({ ctx: ctxOf(c), id: c.req.valid('param').id, patch: c.req.valid('json') }), 200),
  )
  .openapi(statusRoute('publiceren', 'Plek publiceren (concept → gepubliceerd)'), async (c) =>
    c.json(await changePlekStatus({ ctx: ctxOf(c), id: c.req.valid('param').id, actie: 'publiceren' }), 200),
  )
  .openapi(statusRoute('sluiten', 'Plek sluiten'), async (c) =>
    c.json(await changePlekStatus({ ctx: ctxOf(c), id: c.req.valid('param').id, actie: 'sluiten' }), 200),
  )
