import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { createOrganisatie, getOrganisatie, listOrganisaties, updateOrganisatie } from '../services/organisaties.js'
import { organisatie, organisatieInput, organisatiePatch } from '../domain/organisatie.js'
import { paginering } from '../domain/common.js'
import { errors, idParam, jsonAnswer, jsonBody, listOf } from './openapi-helpers.js'

const tags = ['Organisaties']

export const organisatiesRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/organisaties', tags, summary: 'Organisaties (werkgever: alleen de eigen)',
      request: { query: paginering.extend({ q: z.string().trim().max(100).optional() }) },
      responses: { 200: jsonAnswer(listOf(organisatie), 'De organisaties'), 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await listOrganisaties({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/organisaties', tags, summary: 'Organisatie aanmaken (beheerder)',
      request: { body: jsonBody(organisatieInput) },
      responses: { 201: jsonAnswer(organisatie, 'De nieuwe organisatie'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await createOrganisatie({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organisaties/{id}', tags, summary: 'Eén organisatie',
      request: { params: idParam },
      responses: { 200: jsonAnswer(organisatie, 'De organisatie'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await getOrganisatie({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/organisaties/{id}', tags, summary: 'Organisatie wijzigen (beheerder; werkgever de eigen)',
      request: { params: idParam, body: jsonBody(organisatiePatch) },
      responses: { 200: jsonAnswer(organisatie, 'De organisatie'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await updateOrganisatie({ ctx: ctxOf(c), id: c.req.valid('param').id, patch: c.req.valid('json') }), 200),
  )
