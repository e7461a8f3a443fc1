import { ensureClientBuilt } from '../../client/build.js'

// Once per `npm test`: the browser tests need dist/client. Rebuilt only when client/ changed.
export default async function setup() {
  await ensureClientBuilt(() => {})
}
