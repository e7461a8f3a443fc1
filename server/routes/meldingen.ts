import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { getOngelezen, getVoorkeur, listMeldingen, markAllGelezen, markGelezen, setMatchDrempel, setVoorkeur, unsubscribe } from '../services/meldingen.js'
import { afmeldInput, matchDrempelInput, melding, meldingLijstQuery, meldingVoorkeur, meldingVoorkeurInput } from '../domain/melding.js'
import { apiRoute, idParam, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Meldingen']

export const meldingenRoutes = router()
  .openapi(
    apiRoute({
      method: 'get', path: '/meldingen', tags, summary: 'De eigen meldingen, nieuwste eerst (elke ingelogde rol)',
      request: { query: meldingLijstQuery },
      ok: ok(200, listOf(melding).extend({ ongelezen: z.number() }), 'Meldingen en het aantal ongelezen'), fouten: [400, 401],
    }),
    async (c) => c.json(await listMeldingen({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/meldingen/ongelezen', tags, summary: 'Aantal ongelezen meldingen (de bel)',
      ok: ok(200, z.object({ ongelezen: z.number() }), 'Het aantal'), fouten: [401],
    }),
    async (c) => c.json(await getOngelezen({ ctx: ctxOf(c) }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/meldingen/alles-gelezen', tags, summary: 'Alle eigen meldingen gelezen',
      ok: ok(200, z.object({ gemarkeerd: z.number(), ongelezen: z.number() }), 'Hoeveel er gelezen zijn gezet'), fouten: [401],
    }),
    async (c) => c.json(await markAllGelezen({ ctx: ctxOf(c) }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/meldingen/{id}/gelezen', tags, summary: 'Eén eigen melding gelezen',
      request: { params: idParam },
      ok: ok(200, melding, 'De melding'), fouten: [401, 404],
    }),
    async (c) => c.json(await markGelezen({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/meldingen/voorkeur', tags, summary: 'Hoe meldingen per e-mail komen',
      ok: ok(200, meldingVoorkeur, 'De keuze'), fouten: [401],
    }),
    async (c) => c.json(await getVoorkeur({ ctx: ctxOf(c) }), 200),
  )
  .openapi(
    apiRoute({
      method: 'put', path: '/meldingen/voorkeur', tags, summary: 'E-mail: direct, dagelijks of uit',
      request: { body: jsonBody(meldingVoorkeurInput) },
      ok: ok(200, meldingVoorkeur, 'De nieuwe keuze'), fouten: [400, 401],
    }),
    async (c) => c.json(await setVoorkeur({ ctx: ctxOf(c), mail: c.req.valid('json').mail }), 200),
  )
  .openapi(
    apiRoute({
      method: 'put', path: '/gemeenten/{id}/matchdrempel', tags,
      summary: 'Drempel voor proactieve matching van een gemeente (beheerder van die gemeente; standaard 70)',
      request: { params: idParam, body: jsonBody(matchDrempelInput) },
      ok: ok(200, z.object({ id: z.string(), naam: z.string(), matchDrempel: z.number() }), 'De gemeente met de nieuwe drempel'), fouten: [400, 401, 403, 404],
    }),
    async (c) => c.json(await setMatchDrempel({ ctx: ctxOf(c), id: c.req.valid('param').id, drempel: c.req.valid('json').drempel }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/afmelden', tags, summary: 'Afmelden voor e-mail met de ondertekende link uit een e-mail (zonder inloggen)',
      request: { body: jsonBody(afmeldInput) },
      ok: ok(200, z.object({ mail: z.literal('uit') }), 'E-mail staat uit'), fouten: [400],
    }),
    async (c) => c.json(await unsubscribe({ deps: c.get('deps'), token: c.req.valid('json').token }), 200),
  )
