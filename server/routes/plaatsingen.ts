import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { endPlaatsing, getPlaatsing, listNazorg, listPlaatsingen, addNazorgcontact, assignPlaatsing } from '../services/plaatsingen.js'
import { beeindigInput, nazorgAntwoord, nazorgInput, plaatsingAntwoord, plaatsingLijstQuery, toewijzenInput } from '../domain/plaatsing.js'
import { apiRoute, idParam, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Plaatsingen en nazorg']

export const plaatsingenRoutes = router()
  .openapi(
    apiRoute({
      method: 'get', path: '/plaatsingen', tags,
      summary: 'Plaatsingen (jobcoach: de eigen), langst stil en achterstallig bovenaan, dan op volgend contact',
      request: { query: plaatsingLijstQuery },
      ok: ok(200, listOf(plaatsingAntwoord).extend({ vandaag: z.string().describe('De datum in Nederland waarmee achterstallig is bepaald') }), 'De plaatsingen'), fouten: [400, 401, 403],

    }),
    async (c) => c.json(await listPlaatsingen({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/plaatsingen/{id}', tags, summary: 'Eén plaatsing (jobcoach: alleen de eigen)',
      request: { params: idParam },
      ok: ok(200, plaatsingAntwoord, 'De plaatsing'), fouten: [401, 403, 404],

    }),
    async (c) => c.json(await getPlaatsing({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/plaatsingen/{id}/nazorg', tags, summary: 'Het nazorglogboek, nieuwste contact eerst',
      request: { params: idParam },
      ok: ok(200, listOf(nazorgAntwoord), 'Alle regels, ook gecorrigeerde'), fouten: [401, 403, 404],

    }),
    async (c) => c.json(await listNazorg({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/plaatsingen/{id}/nazorg', tags,
      summary: 'Nazorgcontact vastleggen (jobcoach); een correctie is een nieuwe regel met `corrigeert`',
      request: { params: idParam, body: jsonBody(nazorgInput) },
      ok: ok(201, nazorgAntwoord, 'De nieuwe regel'), fouten: [400, 401, 403, 404, 409],

    }),
    async (c) => c.json(await addNazorgcontact({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/plaatsingen/{id}/beeindigen', tags,
      summary: 'Plaatsing beëindigen met eindreden; geeft de plaats vrij',
      request: { params: idParam, body: jsonBody(beeindigInput) },
      ok: ok(200, plaatsingAntwoord, 'De beëindigde plaatsing'), fouten: [400, 401, 403, 404, 409],

    }),
    async (c) => c.json(await endPlaatsing({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/plaatsingen/{id}/toewijzen', tags, summary: 'Plaatsing aan een andere jobcoach toewijzen (beheerder; vastgelegd in het auditlog)',
      request: { params: idParam, body: jsonBody(toewijzenInput) },
      ok: ok(200, plaatsingAntwoord, 'De plaatsing'), fouten: [400, 401, 403, 404],

    }),
    async (c) => c.json(await assignPlaatsing({ ctx: ctxOf(c), id: c.req.valid('param').id, jobcoachId: c.req.valid('json').jobcoachId }), 200),
  )
