import { afterAll, beforeAll, describe, it } from 'vitest'
import { checkMigratieGemeente } from '../migratie-gemeente.js'
import { skipSqld, startSqld, type Sqld } from './sqld.js'

// Migration 0005 on a real libSQL server with existing data: the statements of a migration must
// be ones sqld takes (it refuses CREATE TEMP TABLE, which a local file accepts), and the rule of
// docs/privacy.md "Bestaande gegevens" must hold there as on a file (test/api/migratie-gemeente.test.ts).

let sqld: Sqld

describe.skipIf(skipSqld)('migration 0005 (gemeenten) on sqld', () => {
  beforeAll(async () => {
    sqld = await startSqld()
  })
  afterAll(async () => {
    await sqld?.stop()
  })

  it('gives every existing deelnemer the gemeente of their plaats or Onbekend, and existing staff every gemeente made', async () => {
    await checkMigratieGemeente(sqld.url)
  })
})
