import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './context.js'

// Serves the built web app (dist/client) and answers index.html for every other GET outside
// /api, so that /zoeken?q=… or /plekken/abc opened directly lands in the single-page app.
// Files under /assets/ carry a content hash in their name: cached for a year. index.html is
// never cached, so a new build reaches users on their next page load.

export const defaultClientDir = fileURLToPath(new URL('../dist/client', import.meta.url))

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

async function fileIn(dir: string, urlPath: string): Promise<string | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const full = normalize(join(dir, decoded))
  if (full !== dir && !full.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined // no ../ escapes
  try {
    return (await stat(full)).isFile() ? full : undefined
  } catch {
    return undefined
  }
}

/** Static files of the web app; /api is left alone. */
export function staticFiles(dir = defaultClientDir): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || path === '/api' || path.startsWith('/api/') || path === '/') return next()
    // source maps only outside production: they would hand out the client's whole source
    if (path.endsWith('.map') && c.get('deps').config.env === 'production') return next()
    const file = await fileIn(dir, path)
    if (!file) return next()
    const body = await readFile(file)
    c.header('Content-Type', types[extname(file)] ?? 'application/octet-stream')
    c.header('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    if (c.req.method === 'HEAD') return c.body(null, 200)
    return c.body(new Uint8Array(body), 200)
  }
}

/** The single-page app's index.html for a GET outside /api (client-side routes), else undefined. */
export async function spaFallback(c: Context<AppEnv>, dir = defaultClientDir): Promise<Response | undefined> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined
  // a missing file with an extension (/assets/oud.js) is a real 404, not a page of the app
  if (c.req.path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(c.req.path)) return undefined
  try {
    const html = await readFile(join(dir, 'index.html'), 'utf8')
    c.header('Cache-Control', 'no-cache')
    return c.html(html, 200)
  } catch {
    return c.html(missingBuildPage, 200)
  }
}

const missingBuildPage = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Participatieplekken</title></head>
<body><main><h1>Participatieplekken</h1><p>De API draait, maar de webapplicatie is nog niet gebouwd. Start met <code>npm start</code> of bouw met <code>npm run build</code>. Zie ook <a href="/api/docs">de API-documentatie</a>.</p></main></body></html>`
