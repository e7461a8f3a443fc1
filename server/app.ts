import { router } from './routes/router.js'
import { HTTPException } from 'hono/http-exception'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { Deps } from './context.js'
import { DomainError } from './domain/errors.js'
import { installDutchErrors } from './domain/dutch-errors.js'
import { dependencyFailure, errorLogFields, httpStatus } from './http-errors.js'
import { geenJson, jsonOnly, loadSession, sameOrigin } from './auth/middleware.js'
import { requestId, requestLog } from './request-log.js'
import { sessieRoutes } from './routes/sessie.js'
import { oidcRoutes } from './routes/oidc.js'
import { gebruikersRoutes } from './routes/gebruikers.js'
import { organisatiesRoutes } from './routes/organisaties.js'
import { plekkenRoutes } from './routes/plekken.js'
import { healthRoutes } from './routes/health.js'
import { zoekenRoutes } from './routes/zoeken.js'
import { deelnemersRoutes } from './routes/deelnemers.js'
import { gemeentenRoutes } from './routes/gemeenten.js'
import { matchesRoutes } from './routes/matches.js'
import { gewichtenRoutes } from './routes/gewichten.js'
import { voorstellenRoutes } from './routes/voorstellen.js'
import { plaatsingenRoutes } from './routes/plaatsingen.js'
import { agendaRoutes } from './routes/agenda.js'
import { monitorRoutes } from './routes/monitor.js'
import { avgRoutes } from './routes/avg.js'
import { meldingenRoutes } from './routes/meldingen.js'
import { aanmeldingenRoutes } from './routes/aanmeldingen.js'
import { docsRoutes } from './routes/docs.js'
import { importRoutes, MAX_IMPORT_BYTES } from './routes/import.js'
import { spaFallback, staticFiles } from './static.js'
import { hstsFor, noStoreApi } from './cache-headers.js'
import { ownTurn } from './turns.js'

export const MAX_BODY_BYTES = 100 * 1024

export function createApp(deps: Deps) {
  installDutchErrors() // every validation message a user meets is Dutch (idempotent)
  const app = router()

  // Middleware order matters; each line says why it is where it is.
  app.use('*', async (c, next) => {
    c.set('deps', deps) // 1. dependencies first: everything below reads them
    await next()
  })
  app.use('*', requestId) // 2. an id to correlate the log line with a user's report
  app.use('*', requestLog) // 3. logs every answer below, including errors and 404s
  app.use(
    '*',
    secureHeaders({
      // 4. headers on every answer, static files included; no inline scripts anywhere
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: hstsFor(deps.config.env, deps.config.publicUrl),
    }),
  )
  app.use('/api/*', noStoreApi) // 4b. no API answer cached unless its route says so (cache-headers.ts)
  // 5. size before parsing (an import file may be larger than anything else), 6. origin before
  // any state change, 7. JSON only, 8. who is asking
  const limit = (maxSize: number, leesbaar: string) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new DomainError('te-groot', 'te-groot', `Het verzoek is te groot (hoogstens ${leesbaar}).`)
      },
    })
  const apiLimit = limit(MAX_BODY_BYTES, `${MAX_BODY_BYTES / 1024} kB`)
  const importLimit = limit(MAX_IMPORT_BYTES, `${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
  // GET and HEAD carry no body. Asking for one (c.req.raw.body) makes the Node adapter build a
  // whole web Request: 15% of the CPU of a search under load, measured (issue 13).
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : (c.req.path === '/api/import' ? importLimit : apiLimit)(c, next)))
  app.use('/api/*', sameOrigin())
  app.use('/api/*', jsonOnly)
  app.use('/api/*', loadSession)
  // 9. search and matching take turns on the event loop (turns.ts), after the checks above (a
  // request too large or from another origin is refused without waiting)
  for (const path of ['/api/zoeken', '/api/deelnemers/:id/matches', '/api/plekken/:id/matches']) app.use(path, ownTurn)

  // Chained, so the type of `api` carries every route for the typed client (hono/client `hc`).
  const api = app
    .route('/api', sessieRoutes)
    .route('/api', oidcRoutes)
    .route('/api', gebruikersRoutes)
    .route('/api', organisatiesRoutes)
    .route('/api', plekkenRoutes)
    .route('/api', zoekenRoutes)
    .route('/api', deelnemersRoutes)
    .route('/api', gemeentenRoutes)
    .route('/api', matchesRoutes)
    .route('/api', importRoutes)
    .route('/api', gewichtenRoutes)
    .route('/api', voorstellenRoutes)
    .route('/api', plaatsingenRoutes)
    .route('/api', agendaRoutes)
    .route('/api', monitorRoutes)
    .route('/api', avgRoutes)
    .route('/api', meldingenRoutes)
    .route('/api', aanmeldingenRoutes)
    .route('/api', healthRoutes)
  app.route('/api', docsRoutes(app)) // last: documents every route above
  // 9. the web app's built files (dist/client); everything under /api is left to the routes
  app.use('*', staticFiles())

  app.notFound(async (c) => {
    if (!c.req.path.startsWith('/api')) {
      // any other GET is a page of the single-page app: answer its index.html
      const page = await spaFallback(c)
      if (page) return page
      return c.text('Niet gevonden', 404)
    }
    return c.json(new DomainError('niet-gevonden', 'niet-gevonden', 'Deze API-route bestaat niet.').body(), 404)
  })

  app.onError((err, c) => {
    const known = toDomainError(err)
    if (known) {
      if (known.retryAfterSeconds !== undefined) c.header('Retry-After', String(known.retryAfterSeconds))
      return c.json(known.body(), httpStatus(known))
    }
    // Unexpected: log the kind, a driver's code and the request id; never the message, which for a
    // database error holds the statement's parameters (test/api/foutlog.test.ts).
    deps.log({ t: deps.clock.now().toISOString(), req: c.get('requestId'), level: 'error', ...errorLogFields(err) })
    return c.json({ error: { code: 'interne-fout', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' } }, 500)
  })

  return api
}

/** The API's type, for the client: `hc<AppType>('/')`. */
export type AppType = ReturnType<typeof createApp>

/** Every error a user can act on, as a DomainError; undefined for a bug. */
function toDomainError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err
  if (err instanceof HTTPException && err.status === 400) {
    // hono's validator answers this for a body that is not valid JSON
    return new DomainError('validatie', 'ongeldige-json', 'De gegevens zijn geen geldige JSON.')
  }
  if (err instanceof HTTPException && err.status === 415) {
    // @hono/zod-openapi's media type check, for a type `jsonOnly` lets through but the route does
    // not take (`application/json-seq`, `application/json, text/plain`): the same answer as
    // jsonOnly's, not a 500 (found by test/api/vijandige-invoer.test.ts)
    return geenJson()
  }
  // A busy, read-only or full database and a search engine that does not answer are 503s for
  // every route (the candidates of aanbodgericht matching read the index too).
  return dependencyFailure(err)
}
