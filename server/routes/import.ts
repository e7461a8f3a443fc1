import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { requireRole } from '../services/access.js'
import { DomainError } from '../domain/errors.js'
import { runImport } from '../services/import.js'
import { importInput, importResultaat } from '../domain/import.js'
import { errors, errorSchema, jsonAnswer } from './openapi-helpers.js'

/** An import file may be far larger than any other request (app.ts gives this route its own limit). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

// The body is documented with the full record schemas, but the route does not let the validator
// middleware parse it: that would stop at zod's errors and hide the others (unknown postcodes,
// refs, organisaties). The service validates every record itself and reports every error.
const { $schema: _, ...importJsonSchema } = z.toJSONSchema(importInput, { io: 'input', unrepresentable: 'any' })

export const importRoutes = router().openapi(
  createRoute({
    method: 'post', path: '/import', tags: ['Import'],
    summary: 'Organisaties, plekken en deelnemers in één keer importeren (beheerder); alles of niets',
    description:
      'Elk record heeft de velden van POST /api/organisaties, /api/plekken en /api/deelnemers, plus `ref` (eigen naam in het bestand). ' +
      'Een plek noemt haar organisatie met `organisatieId` (bestaand) of `organisatieRef` (de ref van een organisatie in het bestand), ' +
      'en kan `status: "gepubliceerd"` meekrijgen. Eerst wordt alles gecontroleerd; bij een fout komt er een 400 met alle fouten per ' +
      'positie (bijvoorbeeld `plekken.3.urenPerWeek.max`) en wordt niets opgeslagen. Hoogstens 20 MB.',
    request: {
      body: { required: true, description: 'Het importbestand', content: { 'application/json': { schema: importJsonSchema as never } } },
    },
    responses: {
      201: jsonAnswer(importResultaat, 'Alles is geïmporteerd'),
      400: errors[400],
      401: errors[401],
      403: errors[403],
      413: { description: 'Het verzoek is groter dan 20 MB (code te-groot)', content: { 'application/json': { schema: errorSchema } } },
    },
  }),
  async (c) => {
    const ctx = ctxOf(c)
    requireRole(ctx.actor, 'beheerder') // before reading up to 20 MB
    const input = await c.req.json().catch(() => {
      throw new DomainError('validatie', 'ongeldige-json', 'De gegevens zijn geen geldige JSON.')
    })
    return c.json(await runImport({ ctx, input }), 201)
  },
)
