import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { createGemeente, listGemeenten } from '../services/gemeenten.js'
import { gemeente, gemeenteInput } from '../domain/gemeente.js'
import { apiRoute, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Gemeenten']

export const gemeentenRoutes = router()
  .openapi(
    apiRoute({ method: 'get', path: '/gemeenten', tags, summary: 'De gemeenten van het eigen werkgebied (jobhunter, jobcoach, beheerder)',
      ok: ok(200, listOf(gemeente), 'De gemeenten, op naam'), fouten: [401, 403] }),
    async (c) => c.json(await listGemeenten({ ctx: ctxOf(c) }), 200),
  )
  .openapi(
    apiRoute({ method: 'post', path: '/gemeenten', tags, summary: 'Gemeente toevoegen (platformbeheerder)',
      request: { body: jsonBody(gemeenteInput) }, ok: ok(201, gemeente, 'De nieuwe gemeente'), fouten: [400, 401, 403, 409] }),
    async (c) => c.json(await createGemeente({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
