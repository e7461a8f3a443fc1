import { ensureClientBuilt } from '../../client/build.js'

// Once per run of the `browser` project (vite.config.ts; `npm test`, not `npm run test:fast`): the
// browser tests need dist/client. Rebuilt only when client/ changed.
export default async function setup() {
  await ensureClientBuilt(() => {})
}
