import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The layers of docs/architecture.md ("Which way imports may point"), checked over the source
// tree: every import of every source file is resolved and must be allowed for the file's layer.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

interface Import {
  from: string // the importing file, relative to the root
  spec: string // as written
  target: string // resolved path relative to the root, or the package name
  typeOnly: boolean
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'migrations' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : []
  })
}

const importPattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8')
  const found: Import[] = []
  for (const m of text.matchAll(importPattern)) {
    const spec = (m[3] ?? m[4])!
    const target = spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)).replace(/\.js$/, '.ts') : packageName(spec)
    found.push({ from: file, spec, target, typeOnly: m[2] !== undefined })
  }
  return found
}

const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
const isPackage = (i: Import) => !i.spec.startsWith('.')
const under = (i: Import, ...prefixes: string[]) => prefixes.some((p) => i.target === p || i.target.startsWith(p.endsWith('.ts') ? p : `${p}/`))

/** Per layer: which imports it may have. The first matching layer of a file decides. */
const layers: { layer: string; files: (f: string) => boolean; allowed: (i: Import) => boolean }[] = [
  {
    layer: 'server/domain (pure: zod schemas, enums, rules)',
    files: (f) => f.startsWith('server/domain/'),
    allowed: (i) => (isPackage(i) ? i.target === 'zod' : under(i, 'server/domain')),
  },
  {
    layer: 'server/matching (the pure matcher)',
    files: (f) => f.startsWith('server/matching/'),
    allowed: (i) => !isPackage(i) && under(i, 'server/matching', 'server/domain'),
  },
  {
    layer: 'server/services (no HTTP: no hono, no routes or middleware)',
    files: (f) => f.startsWith('server/services/'),
    allowed: (i) =>
      isPackage(i)
        ? !/^(hono|@hono\/)/.test(i.target)
        : under(i, 'server/services', 'server/domain', 'server/matching', 'server/auth/password.ts', 'server/auth/sessions.ts', 'server/auth/rate-limit.ts', 'server/context.ts', 'server/clock.ts', 'server/config.ts', 'db', 'search/port.ts'),
  },
  {
    layer: 'server/meldingen (background workers of meldingen: claims, SMTP; no HTTP)',
    files: (f) => f.startsWith('server/meldingen/'),
    allowed: (i) =>
      isPackage(i)
        ? !/^(hono|@hono\/)/.test(i.target)
        : under(i, 'server/meldingen', 'server/services', 'server/domain', 'server/context.ts', 'server/clock.ts', 'server/config.ts', 'server/http-errors.ts', 'db', 'search/loop.ts'),
  },
  {
    layer: 'server/routes (thin: validate, call a service, shape the answer)',
    files: (f) => f.startsWith('server/routes/'),
    allowed: (i) => isPackage(i) || under(i, 'server/routes', 'server/services', 'server/domain', 'server/auth', 'server/context.ts', 'server/app.ts'),
  },
  {
    layer: 'search (a port, its adapters and the indexer; the database for the outbox and rebuilds)',
    files: (f) => f.startsWith('search/'),
    allowed: (i) => (isPackage(i) ? !/^(hono|@hono\/)/.test(i.target) : under(i, 'search', 'server/domain', 'db')),
  },
  {
    layer: 'db (schema, client, postcode data)',
    files: (f) => f.startsWith('db/'),
    allowed: (i) => isPackage(i) || under(i, 'db', 'server/domain'),
  },
  {
    layer: 'client (the web app: its own code and the shared pure modules)',
    files: (f) => f.startsWith('client/'),
    allowed: (i) =>
      isPackage(i)
        ? !/^(node:|drizzle-orm|@libsql\/|meilisearch|@orama\/)/.test(i.target) || i.from === 'client/build.ts' || i.from === 'client/vite-config.ts'
        : under(i, 'client', 'server/domain') || (i.typeOnly && i.target === 'server/app.ts'),
  },
]

const files = ['server', 'search', 'db', 'client'].flatMap(sourceFiles)

describe('import boundaries (docs/architecture.md)', () => {
  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(importsOf('server/app.ts').some((i) => i.target === 'server/routes/router.ts')).toBe(true)
  })

  for (const { layer, files: inLayer, allowed } of layers) {
    it(`${layer}: every import points the allowed way`, () => {
      const own = files.filter(inLayer)
      expect(own.length).toBeGreaterThan(0)
      const wrong = own.flatMap(importsOf).filter((i) => !allowed(i)).map((i) => `${i.from} → ${i.spec}`)
      expect(wrong).toEqual([])
    })
  }

  it('the rule itself catches a wrong import (a service importing the Hono middleware)', () => {
    const services = layers.find((l) => l.layer.startsWith('server/services'))!
    const bad: Import = { from: 'server/services/x.ts', spec: '../auth/middleware.js', target: 'server/auth/middleware.ts', typeOnly: false }
    expect(services.allowed(bad)).toBe(false)
    const domain = layers.find((l) => l.layer.startsWith('server/domain'))!
    expect(domain.allowed({ from: 'server/domain/x.ts', spec: 'node:fs', target: 'node:fs', typeOnly: false })).toBe(false)
  })
})
