import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { clientAddress } from './sessie.js'
import {
  acceptUitnodiging, approveAanmelding, confirmAanmelding, getAanmelding, inviteCollega, listAanmeldingen, listOrganisatieGebruikers,
  readUitnodiging, registerOrganisatie, rejectAanmelding,
} from '../services/aanmeldingen.js'
import {
  aanmeldAntwoord, aanmelding, aanmeldingDetail, aanmeldingInput, aanmeldingLijstQuery, accepteerInput, afwijsInput, organisatieGebruiker,
  tokenInput, uitnodigingInput,
} from '../domain/aanmelding.js'
import { apiRoute, idParam, jsonBody, listOf, ok } from './openapi-helpers.js'

// Self-registration and vetting (docs/aanmelden.md). The first four routes need no session: the
// public form and the links from e-mail.

const tags = ['Aanmelden']

export const aanmeldingenRoutes = router()
  .openapi(
    apiRoute({
      method: 'post', path: '/aanmeldingen', tags, summary: 'Een organisatie meldt zich aan (zonder inloggen); altijd hetzelfde antwoord',
      request: { body: jsonBody(aanmeldingInput) },
      ok: ok(200, aanmeldAntwoord, 'Ontvangen: kijk in uw e-mail'), fouten: [400, 429],
    }),
    async (c) => c.json(await registerOrganisatie({ deps: c.get('deps'), input: c.req.valid('json'), address: clientAddress(c) }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/aanmeldingen/bevestigen', tags, summary: 'E-mailadres bevestigen met de link uit de e-mail (24 uur, één keer)',
      request: { body: jsonBody(tokenInput) },
      ok: ok(200, z.object({ status: z.literal('aangemeld'), bericht: z.string() }), 'Bevestigd; de aanmelding wacht op de gemeente'), fouten: [400, 409],
    }),
    async (c) => c.json(await confirmAanmelding({ deps: c.get('deps'), token: c.req.valid('json').token }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/uitnodigingen/bekijken', tags, summary: 'Waarvoor een uitnodiging is (zonder inloggen; gebruikt de link niet)',
      request: { body: jsonBody(tokenInput) },
      ok: ok(200, z.object({ email: z.string(), naam: z.string(), organisatieNaam: z.string(), verlooptOp: z.string() }), 'De uitnodiging'), fouten: [400, 404, 409],
    }),
    async (c) => c.json(await readUitnodiging({ deps: c.get('deps'), token: c.req.valid('json').token }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/uitnodigingen/accepteren', tags, summary: 'Uitnodiging aannemen: naam en wachtwoord kiezen (zonder inloggen; één keer)',
      request: { body: jsonBody(accepteerInput) },
      ok: ok(200, z.object({ email: z.string(), bericht: z.string() }), 'Het account is klaar'), fouten: [400, 409],
    }),
    async (c) => c.json(await acceptUitnodiging({ deps: c.get('deps'), input: c.req.valid('json') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/uitnodigingen', tags, summary: 'Een collega uitnodigen (werkgever van een goedgekeurde organisatie)',
      request: { body: jsonBody(uitnodigingInput) },
      ok: ok(200, aanmeldAntwoord, 'Verstuurd'), fouten: [400, 401, 403, 409],
    }),
    async (c) => c.json(await inviteCollega({ ctx: ctxOf(c), input: c.req.valid('json') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/aanmeldingen', tags, summary: 'Aanmeldingen in uw werkgebied (beheerder), standaard die op een besluit wachten',
      request: { query: aanmeldingLijstQuery },
      ok: ok(200, listOf(aanmelding), 'De aanmeldingen'), fouten: [400, 401, 403],
    }),
    async (c) => c.json(await listAanmeldingen({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/aanmeldingen/{id}', tags, summary: 'Eén aanmelding met vergelijkbare organisaties en accounts (beheerder)',
      request: { params: idParam },
      ok: ok(200, aanmeldingDetail, 'De aanmelding'), fouten: [401, 403, 404],
    }),
    async (c) => c.json(await getAanmelding({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/aanmeldingen/{id}/goedkeuren', tags, summary: 'Aanmelding goedkeuren (beheerder van de gemeente); de organisatie krijgt een e-mail',
      request: { params: idParam },
      ok: ok(200, aanmeldingDetail, 'Goedgekeurd'), fouten: [401, 403, 404, 409],
    }),
    async (c) => c.json(await approveAanmelding({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({
      method: 'post', path: '/aanmeldingen/{id}/afwijzen', tags, summary: 'Aanmelding afwijzen met een reden (beheerder); de reden gaat per e-mail naar de organisatie',
      request: { params: idParam, body: jsonBody(afwijsInput) },
      ok: ok(200, aanmeldingDetail, 'Afgewezen'), fouten: [400, 401, 403, 404, 409],
    }),
    async (c) => c.json(await rejectAanmelding({ ctx: ctxOf(c), id: c.req.valid('param').id, reden: c.req.valid('json').reden }), 200),
  )
  .openapi(
    apiRoute({
      method: 'get', path: '/organisaties/{id}/gebruikers', tags: ['Organisaties'], summary: 'Wie bij de organisatie hoort (beheerder; werkgever de eigen)',
      request: { params: idParam },
      ok: ok(200, listOf(organisatieGebruiker), 'De accounts van de organisatie'), fouten: [401, 403, 404],
    }),
    async (c) => c.json(await listOrganisatieGebruikers({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
