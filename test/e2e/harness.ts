import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { openDatabase } from '../../db/client.js'
import { createApp } from '../../server/app.js'
import { bootstrap } from '../../server/bootstrap.js'
import { movableClock } from '../../server/clock.js'
import { loadConfig } from '../../server/config.js'
import type { Deps } from '../../server/context.js'
import { startSearch } from '../../search/engine.js'
import { startMeldingen } from '../../server/meldingen/index.js'
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
export async function startServer(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pp-e2e-'))
  const database = await openDatabase(`file:${join(dir, 'e2e.db')}`)
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true', ...env })
  const clock = movableClock()
  const deps: Deps = { db: database.db, clock, config, log: () => {} }
  await bootstrap(deps)
  const search = startSearch(database.db, clock, new EmbeddedSearchIndex(), () => {})
  deps.search = search
  await search.ready
  // meldingen as the server runs them (e-mail off unless `env` sets SMTP_URL), polling each second
  const meldingen = startMeldingen(deps, { pollMs: 1000 })
  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    clock,
    async close() {
      search.stop()
      meldingen.stop()
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

/**
 * The demo data's accounts (server/seed/demo.ts), each with the password DEMO_WACHTWOORD: one per
 * role (jobhunter: regio Drechtsteden; jobcoach: Roermond; beheerder: platform) and the staff of
 * the other gemeenten.
 */
export type DemoRol = 'beheerder' | 'jobhunter' | 'jobcoach' | 'werkgever' | 'jobcoach.drechtsteden' | 'jobhunter.delft' | 'jobcoach.delft' | 'beheerder.delft' | 'jobhunter.roermond'
export const demoEmail = (rol: DemoRol) => `${rol}@demo.example`

/** Fills in and sends the login form on the current page as the demo account of `rol`. */
export async function submitLogin(page: Page, rol: DemoRol) {
  await page.getByLabel('E-mailadres').fill(demoEmail(rol))
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
}

/** Logs in on the login page as the demo account of `rol` and waits until the app has moved on. */
export async function loginAs(page: Page, base: string, rol: DemoRol) {
  await page.goto(`${base}/inloggen`)
  await submitLogin(page, rol)
  await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'))
}

/** What every browser context of the tests starts with; a suite or a single page may add to it. */
const contextDefaults: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' }

/** The app in the browser for one test file; its fields are there once the file's beforeAll ran. */
export interface BrowserApp {
  /** The server's address, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  /** The server's clock: `app.clock.advance(ms)` moves time on for the server (not the browser). */
  readonly clock: Awaited<ReturnType<typeof startServer>>['clock']
  readonly browser: Browser
  /** The context of the page opened last. */
  readonly context: BrowserContext
  /** The page opened last (the one a failing test leaves a screenshot of). */
  readonly page: Page
  /** A fresh context (no cookies) with one page, replacing the previous one; `options` add to the suite's. */
  openPage(options?: BrowserContextOptions): Promise<Page>
  /** Logs the current page in as the demo account of `rol`. */
  loginAs(rol: DemoRol): Promise<void>
  /** A fresh page, logged in as the demo account of `rol`. */
  openAs(rol: DemoRol, options?: BrowserContextOptions): Promise<Page>
}

/**
 * One server (a temp database with the demo data) and one Chromium for the test file that calls
 * this at its top level: started before its tests, closed after them, and a screenshot of the
 * current page when a test fails. Without Chromium (and not in CI) nothing starts; the file's
 * `describe.skipIf(skipBrowser)` skips the tests. `contextOptions` add to every context it opens;
 * `serverEnv` (read when the server starts) adds environment, e.g. SMTP_URL of an SMTP server in the test.
 */
export function useBrowserApp(contextOptions: BrowserContextOptions = {}, serverEnv: () => Record<string, string> = () => ({})): BrowserApp {
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  let page: Page | undefined
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is er nog niet: gebruik de app pas in een test of een beforeAll na useBrowserApp()`)
    return value
  }

  beforeAll(async () => {
    if (skipBrowser) return
    server = await startServer(serverEnv())
    browser = await launchBrowser()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshotOnFailure(page, task.name))
  })

  const app: BrowserApp = {
    get url() {
      return started(server, 'de server').url
    },
    get clock() {
      return started(server, 'de server').clock
    },
    get browser() {
      return started(browser, 'de browser')
    },
    get context() {
      return started(context, 'de browsercontext')
    },
    get page() {
      return started(page, 'de pagina')
    },
    async openPage(options = {}) {
      await context?.close()
      context = await app.browser.newContext({ ...contextDefaults, ...contextOptions, ...options })
      page = await context.newPage()
      page.setDefaultTimeout(10_000)
      return page
    },
    async loginAs(rol) {
      await loginAs(app.page, app.url, rol)
    },
    async openAs(rol, options) {
      const opened = await app.openPage(options)
      await loginAs(opened, app.url, rol)
      return opened
    },
  }
  return app
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
