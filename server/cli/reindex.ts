import { openDatabase } from '../../db/client.js'
import { loadConfig } from '../config.js'
import { systemClock } from '../clock.js'
import { createSearchIndex } from '../../search/engine.js'
import { markOutboxDone, rebuildIndex } from '../../search/rebuild.js'
import { readFeedHead } from '../../search/feed.js'

// `npm run reindex`: rebuilds the whole search index from the database (the source of truth).
// For Meilisearch this empties and refills the shared index, then marks the outbox rows it covered
// as done (claims, docs/search.md). The embedded index lives in each server process: every instance
// rebuilds its own at start and then follows the change feed, so there this only checks that every
// searchable plek can be indexed, and leaves the outbox alone (the instances' feed).

const config = loadConfig()
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken)
const index = createSearchIndex(config)
const started = performance.now()
const tty = process.stdout.isTTY

function bar(done: number, total: number) {
  const width = 30
  const part = total ? Math.min(1, done / total) : 1
  const filled = Math.round(part * width)
  const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} plekken`
  if (tty) process.stdout.write(`\r${line}`)
  else if (done === total || done % 5000 < 2000) console.log(line)
}

try {
  console.log(`Zoekindex opnieuw opbouwen (${index.engine}) vanuit ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`)
  // the feed's head BEFORE the rebuild reads: a change committed meanwhile has a higher id
  const head = await readFeedHead(database.db)
  const n = await rebuildIndex(database.db, index, { clearFirst: true, onProgress: bar })
  if (tty) process.stdout.write('\n')
  if (index.engine === 'meilisearch') {
    // What was pending up to the head is now in the index: mark it handled. Rows written during the
    // rebuild stay pending, so a running server's worker still applies those changes.
    await markOutboxDone(database.db, head, systemClock.now().toISOString())
  }
  console.log(`Klaar: ${n} plekken geïndexeerd in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
  if (index.engine === 'embedded')
    console.log('De ingebouwde zoekmachine: elke draaiende server bouwt zijn eigen index bij de start en volgt daarna de database; herstart een server om zijn index opnieuw op te bouwen.')
} catch (e) {
  console.error(`Herindexeren mislukt: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
} finally {
  database.close()
}
