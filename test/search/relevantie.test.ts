import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { runRelevance } from './relevantie.js'

// The relevance suite's clear-cut judgments, asserted on the embedded engine (meilisearch.test.ts
// runs the same against a real Meilisearch when MEILI_URL is set); the whole suite is scored by
// `npm run bench -- search`.
runRelevance('embedded', async () => new EmbeddedSearchIndex())
