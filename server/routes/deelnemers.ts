import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { z } from 'zod'
import { assignRegievoerder, createDeelnemer, getDeelnemer, listDeelnemers, moveDeelnemer, updateDeelnemer } from '../services/deelnemers.js'
import { deelnemer, deelnemerAanmaken, deelnemerLijstItem, deelnemerLijstQuery, deelnemerPatch } from '../domain/deelnemer.js'
import { paginering } from '../domain/common.js'
import { apiRoute, idParam, jsonBody, listOf, ok } from './openapi-helpers.js'

const tags = ['Deelnemers']

export const deelnemersRoutes = router()
  .openapi(
    apiRoute({ method: 'get', path: '/deelnemers', tags, summary: 'Deelnemers zoeken op naam, status, gemeente of regievoerder (jobhunter, beheerder; alleen het eigen werkgebied)',
      request: { query: paginering.extend(deelnemerLijstQuery.shape) }, ok: ok(200, listOf(deelnemerLijstItem), 'De deelnemers, op naam'), fouten: [401, 403] }),
    async (c) => c.json(await listDeelnemers({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  )
  .openapi(
    apiRoute({ method: 'post', path: '/deelnemers', tags, summary: 'Deelnemer vastleggen (jobhunter, beheerder)',
      request: { body: jsonBody(deelnemerAanmaken) }, ok: ok(201, deelnemer, 'Het nieuwe dossier'), fouten: [400, 401, 403] }),
    async (c) => c.json(await createDeelnemer({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    apiRoute({ method: 'get', path: '/deelnemers/{id}', tags, summary: 'Eén deelnemer',
      request: { params: idParam }, ok: ok(200, deelnemer, 'Het dossier'), fouten: [401, 403, 404] }),
    async (c) => c.json(await getDeelnemer({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  )
  .openapi(
    apiRoute({ method: 'patch', path: '/deelnemers/{id}', tags, summary: 'Deelnemer wijzigen (deel van de velden)',
      request: { params: idParam, body: jsonBody(deelnemerPatch) }, ok: ok(200, deelnemer, 'Het gewijzigde dossier'), fouten: [400, 401, 403, 404] }),
    async (c) => c.json(await updateDeelnemer({ ctx: ctxOf(c), id: c.req.valid('param').id, patch: c.req.valid('json') }), 200),
  )
  .openapi(
    apiRoute({ method: 'put', path: '/deelnemers/{id}/regievoerder', tags, summary: 'Andere regievoerder (jobhunter) aanwijzen (beheerder)',
      request: { params: idParam, body: jsonBody(z.object({ regievoerderId: z.string().min(1).max(100) }).strict()) }, ok: ok(200, deelnemer, 'Het dossier'), fouten: [400, 401, 403, 404] }),
    async (c) => c.json(await assignRegievoerder({ ctx: ctxOf(c), id: c.req.valid('param').id, regievoerderId: c.req.valid('json').regievoerderId }), 200),
  )
  .openapi(
    apiRoute({ method: 'put', path: '/deelnemers/{id}/gemeente', tags, summary: 'Deelnemer naar een andere gemeente van het werkgebied (beheerder), bijvoorbeeld uit "Onbekend"',
      request: { params: idParam, body: jsonBody(z.object({ gemeenteId: z.string().min(1).max(100) }).strict()) }, ok: ok(200, deelnemer, 'Het dossier'), fouten: [400, 401, 403, 404] }),
    async (c) => c.json(await moveDeelnemer({ ctx: ctxOf(c), id: c.req.valid('param').id, gemeenteId: c.req.valid('json').gemeenteId }), 200),
  )
