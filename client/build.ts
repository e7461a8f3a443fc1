import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clientOutDir, clientRoot, clientViteConfig } from './vite-config.js'

// Builds the web app into dist/client. `npm start` calls ensureClientBuilt() so a clean clone
// works with `npm install && npm start`; the browser tests call buildClient() once.

/** The sources the bundle is made of: the client and the zod schemas it shares with the server. */
const sourceDirs = [clientRoot, fileURLToPath(new URL('../server/domain', import.meta.url))]
const sourceFiles = [fileURLToPath(new URL('../search/port.ts', import.meta.url))]

function newestMtime(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let newest = s.mtimeMs
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue
    newest = Math.max(newest, newestMtime(join(path, name)))
  }
  return newest
}

/** Why the build must be (re)made, or undefined when dist/client is up to date. */
export function clientBuildReason(): string | undefined {
  const index = join(clientOutDir, 'index.html')
  if (!existsSync(index)) return 'er is nog geen build'
  const built = statSync(index).mtimeMs
  const newest = Math.max(...sourceDirs.map(newestMtime), ...sourceFiles.filter(existsSync).map(newestMtime))
  return newest > built ? 'de broncode is nieuwer dan de build' : undefined
}

export async function buildClient(opts: { quiet?: boolean } = {}): Promise<void> {
  const { build } = await import('vite')
  await build({ ...clientViteConfig(), configFile: false, mode: 'production', logLevel: opts.quiet ? 'error' : 'info' })
}

/** Builds the client when dist/client is missing or older than its sources. */
export async function ensureClientBuilt(log: (line: string) => void = console.log): Promise<void> {
  const reason = clientBuildReason()
  if (!reason) return
  log(`Webapplicatie bouwen (${reason})…`)
  const started = Date.now()
  await buildClient({ quiet: true })
  log(`Webapplicatie gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}
