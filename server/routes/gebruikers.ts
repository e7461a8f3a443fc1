import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { createGebruiker, listGebruikers, listJobcoaches, updateGebruiker } from '../services/gebruikers.js'
import { gebruiker, gebruikerInput, gebruikerPatch } from '../domain/gebruiker.js'
import { paginering } from '../domain/common.js'
import { errors, idParam, jsonAnswer, jsonBody, listOf } from './openapi-helpers.js'

const tags = ['Gebruikers']

export const gebruikersRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/jobcoaches', tags, summary: 'Actieve jobcoaches, op naam (jobhunter, beheerder, werkgever): om er een te kiezen',
      responses: { 200: jsonAnswer(listOf(z.object({ id: z.string(), naam: z.string() })), 'De jobcoaches'), 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await listJobcoaches({ ctx: ctxOf(c) }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/gebruikers', tags, summary: 'Accounts (beheerder)',
      request: { query: paginering },
      responses: { 200: jsonAnswer(listOf(gebruiker), 'De accounts'), 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await listGebruikers({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/gebruikers', tags, summary: 'Account aanmaken (beheerder)',
      request: { body: jsonBody(gebruikerInput) },
      responses: { 201: jsonAnswer(gebruiker, 'Het nieuwe account'), 400: errors[400], 401: errors[401], 403: errors[403], 409: errors[409] },
    }),
    async (c) => c.json(await createGebruiker({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/gebruikers/{id}', tags, summary: 'Account wijzigen, uitschakelen of wachtwoord herstellen (beheerder)',
      request: { params: idParam, body: jsonBody(gebruikerPatch) },
      responses: { 200: jsonAnswer(gebruiker, 'Het account'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await updateGebruiker({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  )
