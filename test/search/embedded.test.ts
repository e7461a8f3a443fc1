import { describe, expect, it } from 'vitest'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { fixture, runSearchContract } from './contract.js'

runSearchContract('embedded', async () => new EmbeddedSearchIndex())

describe('embedded adapter specifics', () => {
  it('marks the word a typo was corrected to in the snippet', async () => {
    const index = new EmbeddedSearchIndex()
    await index.upsert(fixture)
    const res = await index.search({ q: 'restaurnt', filters: {}, sort: 'relevantie', page: 1, perPage: 5 })
    const hit = res.hits.find((h) => h.id === 'p-keuken')!
    expect(hit.fragment.markeringen.map(([a, b]) => hit.fragment.tekst.slice(a, b))).toContain('restaurant')
  })
})
