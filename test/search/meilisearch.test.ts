import { describe } from 'vitest'
import { MeiliSearchIndex } from '../../search/meilisearch.js'
import { runSearchContract } from './contract.js'
import { runRelevance } from './relevantie.js'

// The same contract against a real Meilisearch server. None can be installed on the machines that
// build this project, so it runs only when MEILI_URL is set (e.g. `docker compose up meilisearch`).
const url = process.env.MEILI_URL
const reason = 'MEILI_URL is not set: no Meilisearch server to test against (the embedded adapter ran the same contract)'
if (!url) console.log(`[meilisearch contract] skipped: ${reason}`)

describe.skipIf(!url)(url ? 'meilisearch' : `meilisearch — skipped: ${reason}`, () => {
  runSearchContract('meilisearch', async () => new MeiliSearchIndex({ url: url!, apiKey: process.env.MEILI_API_KEY, indexUid: `plekken_test_${process.pid}` }))
  runRelevance('meilisearch', async () => new MeiliSearchIndex({ url: url!, apiKey: process.env.MEILI_API_KEY, indexUid: `plekken_relevantie_${process.pid}` }))
})
