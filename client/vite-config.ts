import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import type { UserConfig } from 'vite'

// The web app's Vite configuration, shared by `vite` (vite.config.ts), `npm start`
// (client/build.ts builds when dist/client is missing or stale) and the browser tests.

export const clientRoot = fileURLToPath(new URL('.', import.meta.url))
export const clientOutDir = fileURLToPath(new URL('../dist/client', import.meta.url))

export function clientViteConfig(apiTarget = process.env.API_URL ?? 'http://localhost:3000'): UserConfig {
  return {
    root: clientRoot,
    // prefresh (hot reload) only matters in the dev server
    plugins: [preact({ prefreshEnabled: true })],
    build: {
      outDir: clientOutDir,
      emptyOutDir: true,
      sourcemap: true,
      // no inline <script>: the server's CSP forbids it
      modulePreload: { polyfill: false },
    },
    server: {
      port: 5173,
      proxy: { '/api': { target: apiTarget, changeOrigin: false } },
    },
    preview: { proxy: { '/api': { target: apiTarget } } },
  }
}
