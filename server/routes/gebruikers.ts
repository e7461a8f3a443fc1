import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { createGebruiker, listGebruikers, updateGebruiker } from '../services/gebruikers.js'
import { listJobcoachesFor } from '../services/voorstellen.js'
import { gebruiker, gebruikerInput, gebruikerPatch } from '../domain/gebruiker.js'
import { paginering } from '../domain/common.js'
import { apiRoute, idParam, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Gebruikers']

export const gebruikersRoutes = router()
  .openapi(
    apiRoute({
      method: 'get', path: '/jobcoaches', tags, summary: 'Actieve jobcoaches, op naam (jobhunter, beheerder, werkgever): om er een te kiezen; met voorstelId of deelnemerId alleen wie in de gemeente van die deelnemer werkt',
      request: { query: z.object({ voorstelId: z.string().max(100).optional(), deelnemerId: z.string().max(100).optional() }) },
      ok: ok(200, listOf(z.object({ id: z.string(), naam: z.string() })), 'De jobcoaches'), fouten: [401, 403, 404],

    }),
    async (c) => c.json(await listJobcoachesFor({ ctx: ctxOf(c), query: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/gebruikers', tags, summary: 'Accounts (beheerder)',
      request: { query: paginering },
      ok: ok(200, listOf(gebruiker), 'De accounts'), fouten: [401, 403],

    }),
    async (c) => c.json(await listGebruikers({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/gebruikers', tags, summary: 'Account aanmaken (beheerder)',
      request: { body: jsonBody(gebruikerInput) },
      ok: ok(201, gebruiker, 'Het nieuwe account'), fouten: [400, 401, 403, 409],

    }),
    async (c) => c.json(await createGebruiker({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    apiRoute({
      method: 'patch', path: '/gebruikers/{id}', tags, summary: 'Account wijzigen, uitschakelen of wachtwoord herstellen (beheerder)',
      request: { params: idParam, body: jsonBody(gebruikerPatch) },
      ok: ok(200, gebruiker, 'Het account'), fouten: [400, 401, 403, 404],

    }),
    async (c) => c.json(await updateGebruiker({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  )
