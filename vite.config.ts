import { defineConfig } from 'vitest/config'
import { clientViteConfig } from './client/vite-config.js'

// `vite` / `vite build` serve and build the web app in client/ (see client/vite-config.ts);
// `vitest` runs every suite in test/ from the repository root.
const forVitest = process.env.VITEST !== undefined

export default defineConfig({
  ...(forVitest ? {} : clientViteConfig()),
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // builds dist/client once (only when client/ changed) for the browser tests in test/e2e
    globalSetup: ['test/e2e/global-setup.ts'],
    // zod's Dutch messages for tests that validate with the schemas directly
    setupFiles: ['test/setup.ts'],
    // Real scrypt hashing and real databases: allow a little more than the default 5 s.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'data/test-results.json' }]],
  },
})
