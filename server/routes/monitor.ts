import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { router } from './router.js'
import { ctxOf } from '../auth/middleware.js'
import { getMonitor, exportMonitorCsv } from '../services/monitor.js'
import { isoDate } from '../domain/common.js'
import { sectoren, vormen } from '../domain/enums.js'
import { errors, jsonAnswer } from './openapi-helpers.js'

const tags = ['Monitor']
const query = z.object({
  van: isoDate.optional().describe('Standaard: een jaar vóór `tot`'),
  tot: isoDate.optional().describe('Standaard: vandaag'),
  sector: z.enum(sectoren).optional(),
  vorm: z.enum(vormen).optional(),
  gemeenteId: z.string().max(100).optional().describe('Eén gemeente van het werkgebied; standaard het hele werkgebied'),
})
const duur = z.object({ basis: z.number(), nogActief: z.number(), aandeel: z.number().nullable() })
const groep = z.object({ waarde: z.string(), gestart: z.number(), actief: z.number(), na3Maanden: duur, na6Maanden: duur })

export const monitorRoutes = router()
  .openapi(
    createRoute({
      method: 'get', path: '/monitor', tags,
      summary: 'Duurzaamheid, eindredenen en knelpunten van plaatsingen in een periode (beheerder); alleen aantallen',
      request: { query },
      responses: {
        200: jsonAnswer(
          z.object({
            periode: z.object({ van: z.string(), tot: z.string() }),
            filter: z.object({ sector: z.string().optional(), vorm: z.string().optional() }),
            plaatsingen: z.object({ gestart: z.number(), actief: z.number(), afgerond: z.number(), voortijdigBeeindigd: z.number() }),
            duurzaamheid: z.object({ na3Maanden: duur, na6Maanden: duur }),
            eindredenen: z.record(z.string(), z.number()),
            knelpunten: z.object({ totaal: z.record(z.string(), z.number()), perMaand: z.array(z.object({ maand: z.string(), aantallen: z.record(z.string(), z.number()) })) }),
            contacten: z.number(),
            perSector: z.array(groep),
            perVorm: z.array(groep),
            perGemeente: z.array(z.object({ gemeenteId: z.string(), naam: z.string(), cbsCode: z.string(), gestart: z.number(), actief: z.number(), afgerond: z.number(), voortijdigBeeindigd: z.number(), na3Maanden: duur, na6Maanden: duur })),
          }),
          'De cijfers',
        ),
        400: errors[400], 401: errors[401], 403: errors[403],
      },
    }),
    async (c) => c.json(await getMonitor({ ctx: ctxOf(c), query: c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/monitor/export.csv', tags, summary: 'Dezelfde cijfers als CSV (puntkomma, UTF-8) (beheerder)',
      request: { query },
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const { csv, bestandsnaam } = await exportMonitorCsv({ ctx: ctxOf(c), query: c.req.valid('query') })
      return c.body(`\uFEFF${csv}`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${bestandsnaam}"` })
    },
  )
