import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openDatabase } from '../../db/client.js'
import { createApp } from '../../server/app.js'
import { bootstrap } from '../../server/bootstrap.js'
import { movableClock } from '../../server/clock.js'
import { loadConfig } from '../../server/config.js'
import type { Deps } from '../../server/context.js'
import { startSearch } from '../../search/engine.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'

// The browser tests drive real Chromium (Debian's package, through playwright-core) against the
// real app: a temp libSQL file with the demo data, the embedded search engine, and the built client.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const DEMO_WACHTWOORD = 'Welkom-demo-2026'
export const chromiumAvailable = existsSync(CHROMIUM_PATH)

/** In CI a missing browser is a failure, never a silent skip; on a laptop the suite says why it skips. */
export const skipBrowser = !chromiumAvailable && !process.env.CI
if (!chromiumAvailable) {
  const why = `Chromium niet gevonden op ${CHROMIUM_PATH} (zet CHROMIUM_PATH of installeer: apt-get install -y chromium).`
  if (process.env.CI) throw new Error(`${why} In CI moeten de browsertests draaien.`)
  console.warn(`Browsertests overgeslagen: ${why}`)
}

/**
 * The real server on a temp database with the demo data. Its clock follows the system clock until
 * a test moves it on (`clock.advance(ms)`: "time moves on"); the browser's own clock does not move,
 * and sessions expire on the server's clock, so after a jump of days a test logs in again.
 */
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'pp-e2e-'))
  const database = await openDatabase(`file:${join(dir, 'e2e.db')}`)
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true' })
  const clock = movableClock()
  const deps: Deps = { db: database.db, clock, config, log: () => {} }
  await bootstrap(deps)
  const search = startSearch(database.db, clock, new EmbeddedSearchIndex(), () => {})
  deps.search = search
  await search.ready
  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    clock,
    async close() {
      search.stop()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

const screenshotDir = new URL('./screenshots/', import.meta.url).pathname

/** A failing browser test leaves a screenshot in test/e2e/screenshots/ (git-ignored). */
export async function screenshotOnFailure(page: Page | undefined, name: string) {
  if (!page || page.isClosed()) return
  mkdirSync(screenshotDir, { recursive: true })
  const file = join(screenshotDir, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
  await page.screenshot({ path: file, fullPage: true }).catch(() => {})
  console.error(`Schermafdruk van de mislukte test: ${file}`)
}

export async function login(page: Page, base: string, email: string) {
  await page.goto(`${base}/inloggen`)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'))
}

let axeSource: string | undefined

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now; returns the serious and
 * critical violations as readable lines, so a test can `expect(...).toEqual([])`.
 */
export async function ernstigeAxeFouten(page: Page, naam: string): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(axeSource) // DevTools evaluation: not subject to the page's CSP
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  )
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${naam}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}
