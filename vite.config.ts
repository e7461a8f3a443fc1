import { configDefaults, defineConfig } from 'vitest/config'
import { clientViteConfig } from './client/vite-config.js'

// `vite` / `vite build` serve and build the web app in client/ (see client/vite-config.ts);
// `vitest` runs every suite in test/ from the repository root.
const forVitest = process.env.VITEST !== undefined

const testFiles = ['test/**/*.test.ts', 'test/**/*.test.tsx']
/** The suites `npm run test:fast` leaves out: browsers, and child processes the tests kill. */
const slowDirs = { browser: ['test/e2e'], processes: ['test/faults', 'test/scale'] }
const under = (dir: string) => `${dir}/**/*.test.{ts,tsx}`

export default defineConfig({
  ...(forVitest ? {} : clientViteConfig()),
  test: {
    // Real scrypt hashing and real databases: allow a little more than the default 5 s.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'data/test-results.json' }]],
    // `npm test` runs every project (what CI runs); `npm run test:fast` runs only `fast`.
    // A test file outside the slow folders lands in `fast`, so no suite can fall between them.
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: testFiles,
          // One module graph per worker instead of one per file: importing the app (hono, zod,
          // drizzle, orama) for each of ~40 files was a third of this project's time. Safe while
          // no test mocks a module or changes process-wide state (none does: no vi.mock, no env).
          isolate: false,
          exclude: [...configDefaults.exclude, ...slowDirs.browser.map(under), ...slowDirs.processes.map(under)],
        },
      },
      {
        // real Chromium against the real server; needs dist/client, built once per run (only when
        // client/ changed) by the global setup, which runs only when this project has files to run
        extends: true,
        test: { name: 'browser', include: slowDirs.browser.map(under), globalSetup: ['test/e2e/global-setup.ts'] },
      },
      {
        // the server as a child process: killed, starved of disk, locked, or scaled out
        extends: true,
        test: { name: 'processes', include: slowDirs.processes.map(under) },
      },
    ],
  },
})
