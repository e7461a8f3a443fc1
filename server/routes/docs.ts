import { Hono } from 'hono'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../context.js'

// /api/openapi.json is generated from the same zod schemas that validate the requests.
// /api/docs renders it as a plain readable page (no CDN scripts, so it works offline and under our CSP).

const info = {
  title: 'Participatieplekken API',
  version: '1.0.0',
  description:
    'JSON-API voor het vinden en matchen van taalrijke participatieplekken. Inloggen met POST /api/sessie; ' +
    'fouten hebben de vorm { error: { code, message, fields? } }.',
}

type Doc = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>

/** Nothing personal, changes only with a release: may be cached (every other /api answer is no-store). */
const PUBLIC_DOC_CACHE = 'public, max-age=3600'

export function docsRoutes(app: OpenAPIHono<AppEnv>) {
  let cached: Doc | undefined
  const document = () => (cached ??= withSharedAnswers(app.getOpenAPI31Document({ openapi: '3.1.0', info })))
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(document(), 200, { 'Cache-Control': PUBLIC_DOC_CACHE }))
    .get('/docs', (c) => c.html(render(document()), 200, { 'Cache-Control': PUBLIC_DOC_CACHE }))
}

/**
 * Answers that every route with a body can give, added in one place rather than on each route:
 * 413 (body above 100 kB), 415 (not JSON) and 403 csrf (another origin); and 503 for any route
 * when the database is busy or read-only.
 */
function withSharedAnswers(doc: Doc): Doc {
  const error = { $ref: '#/components/schemas/Fout' }
  doc.components ??= {}
  doc.components.schemas = {
    ...doc.components.schemas,
    Fout: {
      type: 'object',
      required: ['error'],
      properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } } } },
    },
  }
  const answer = (description: string) => ({ description, content: { 'application/json': { schema: error } } })
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item as Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>)) {
      if (!op || typeof op !== 'object' || !op.responses) continue
      if (op.requestBody) {
        op.responses['413'] ??= answer('Het verzoek is groter dan 100 kB (code te-groot)')
        op.responses['415'] ??= answer('De gegevens zijn geen JSON (code geen-json)')
      }
      op.responses['503'] ??= answer('De database is even bezet of alleen-lezen; probeer het opnieuw')
    }
  }
  return doc
}

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; items?: Schema; description?: string; anyOf?: Schema[] }

function describe(schema: Schema | undefined, depth = 0): string {
  if (!schema?.properties || depth > 2) return ''
  const rows = Object.entries(schema.properties).map(([name, s]) => {
    const type = s.enum ? s.enum.map((v) => esc(JSON.stringify(v))).join(' | ') : esc(s.type ?? (s.anyOf ? 'meerdere' : ''))
    const items = s.items?.enum ? ` van ${s.items.enum.map((v) => esc(JSON.stringify(v))).join(' | ')}` : ''
    const req = schema.required?.includes(name) ? ' <strong>verplicht</strong>' : ''
    return `<li><code>${esc(name)}</code>: ${type}${items}${req}${s.description ? ` — ${esc(s.description)}` : ''}${describe(s, depth + 1)}</li>`
  })
  return `<ul>${rows.join('')}</ul>`
}

function render(doc: Doc): string {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { summary?: string; tags?: string[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, { description?: string }> }>).map(
      ([method, op]) => ({ path, method, op }),
    ),
  )
  const body = ops
    .map(({ path, method, op }) => {
      const req = describe(op.requestBody?.content?.['application/json']?.schema)
      const answers = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join('')
      return `<section><h2><code>${esc(method.toUpperCase())} /api${esc(path.replace(/^\/api/, ''))}</code></h2><p>${esc(op.summary)}</p>${req ? `<h3>Invoer</h3>${req}` : ''}<h3>Antwoorden</h3><ul>${answers}</ul></section>`
    })
    .join('')
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}section{border-top:1px solid #ccc;padding:.5rem 0}h2{font-size:1.1rem}h3{font-size:1rem;margin-bottom:0}code{background:#f3f3f3;padding:0 .2rem}</style></head>
<body><main><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p><p>Machineleesbaar: <a href="/api/openapi.json">/api/openapi.json</a></p>${body}</main></body></html>`
}
