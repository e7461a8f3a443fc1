import { describe, it } from 'vitest'
import { MeiliSearchIndex } from '../../search/meilisearch.js'
import { runSearchContract } from './contract.js'

// The same contract against a real Meilisearch server. None can be installed on the machines that
// build this project, so it runs only when MEILI_URL is set (e.g. `docker compose up meilisearch`).
const url = process.env.MEILI_URL
if (url) {
  runSearchContract('meilisearch', async () => new MeiliSearchIndex({ url, apiKey: process.env.MEILI_API_KEY, indexUid: `plekken_test_${process.pid}` }))
} else {
  const reason = 'MEILI_URL is not set: no Meilisearch server to test against (the embedded adapter ran the same contract)'
  console.log(`[meilisearch contract] skipped: ${reason}`)
  describe.skip(`search contract: meilisearch — skipped: ${reason}`, () => {
    it('runs when MEILI_URL points at a Meilisearch server', () => {})
  })
}
