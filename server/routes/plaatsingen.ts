import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { endPlaatsing, getPlaatsing, listNazorg, listPlaatsingen, addNazorgcontact, assignPlaatsing } from '../services/plaatsingen.js'
import { beeindigInput, nazorgAntwoord, nazorgInput, plaatsingAntwoord, plaatsingLijstQuery, toewijzenInput } from '../domain/plaatsing.js'
import { errors, idParam, jsonAnswer, jsonBody, listOf } from './openapi-helpers.js'

const tags = ['Plaatsingen en nazorg']

export const plaatsingenRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/plaatsingen', tags,
      summary: 'Plaatsingen (jobcoach: de eigen), langst stil en achterstallig bovenaan, dan op volgend contact',
      request: { query: plaatsingLijstQuery },
      responses: { 200: jsonAnswer(listOf(plaatsingAntwoord).extend({ vandaag: z.string().describe('De datum in Nederland waarmee achterstallig is bepaald') }), 'De plaatsingen'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await listPlaatsingen({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/plaatsingen/{id}', tags, summary: 'Eén plaatsing (jobcoach: alleen de eigen)',
      request: { params: idParam },
      responses: { 200: jsonAnswer(plaatsingAntwoord, 'De plaatsing'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await getPlaatsing({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/plaatsingen/{id}/nazorg', tags, summary: 'Het nazorglogboek, nieuwste contact eerst',
      request: { params: idParam },
      responses: { 200: jsonAnswer(listOf(nazorgAntwoord), 'Alle regels, ook gecorrigeerde'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await listNazorg({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/plaatsingen/{id}/nazorg', tags,
      summary: 'Nazorgcontact vastleggen (jobcoach); een correctie is een nieuwe regel met `corrigeert`',
      request: { params: idParam, body: jsonBody(nazorgInput) },
      responses: { 201: jsonAnswer(nazorgAntwoord, 'De nieuwe regel'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => c.json(await addNazorgcontact({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/plaatsingen/{id}/beeindigen', tags,
      summary: 'Plaatsing beëindigen met eindreden; geeft de plaats vrij',
      request: { params: idParam, body: jsonBody(beeindigInput) },
      responses: { 200: jsonAnswer(plaatsingAntwoord, 'De beëindigde plaatsing'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => c.json(await endPlaatsing({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/plaatsingen/{id}/toewijzen', tags, summary: 'Plaatsing aan een andere jobcoach toewijzen (beheerder; vastgelegd in het auditlog)',
      request: { params: idParam, body: jsonBody(toewijzenInput) },
      responses: { 200: jsonAnswer(plaatsingAntwoord, 'De plaatsing'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await assignPlaatsing({ ctx: ctxOf(c), id: c.req.valid('param').id, jobcoachId: c.req.valid('json').jobcoachId }), 200),
  )
