import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { createOrganisatie, getOrganisatie, listOrganisaties, updateOrganisatie } from '../services/organisaties.js'
import { organisatie, organisatieInput, organisatiePatch } from '../domain/organisatie.js'
import { paginering } from '../domain/common.js'
import { apiRoute, idParam, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Organisaties']

export const organisatiesRoutes = router()
  .openapi(
    apiRoute({
      method: 'get', path: '/organisaties', tags, summary: 'Organisaties (werkgever: alleen de eigen)',
      request: { query: paginering.extend({ q: z.string().trim().max(100).optional() }) },
      ok: ok(200, listOf(organisatie), 'De organisaties'), fouten: [401, 403],

    }),
    async (c) => c.json(await listOrganisaties({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/organisaties', tags, summary: 'Organisatie aanmaken (beheerder)',
      request: { body: jsonBody(organisatieInput) },
      ok: ok(201, organisatie, 'De nieuwe organisatie'), fouten: [400, 401, 403],

    }),
    async (c) => c.json(await createOrganisatie({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/organisaties/{id}', tags, summary: 'Eén organisatie',
      request: { params: idParam },
      ok: ok(200, organisatie, 'De organisatie'), fouten: [401, 403, 404],

    }),
    async (c) => c.json(await getOrganisatie({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({
      method: 'patch', path: '/organisaties/{id}', tags, summary: 'Organisatie wijzigen (beheerder; werkgever de eigen)',
      request: { params: idParam, body: jsonBody(organisatiePatch) },
      ok: ok(200, organisatie, 'De organisatie'), fouten: [400, 401, 403, 404],

    }),
    async (c) => c.json(await updateOrganisatie({ ctx: ctxOf(c), id: c.req.valid('param').id, patch: c.req.valid('json') }), 200),
  )
