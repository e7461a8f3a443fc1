import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, it } from 'vitest'
import { checkMigratieGemeente } from '../migratie-gemeente.js'

// Migration 0005 on a local file with existing data (docs/privacy.md "Bestaande gegevens");
// test/scale/migratie-gemeente-sqld.test.ts runs the same check on a real libSQL server.

const dirs: string[] = []
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-migratie-'))
  dirs.push(dir)
  return `file:${join(dir, 'db.sqlite')}`
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('migration 0005 (gemeenten) on a local file', () => {
  it('gives every existing deelnemer the gemeente of their plaats or Onbekend, and existing staff every gemeente made', async () => {
    await checkMigratieGemeente(file())
  })
  it('makes no gemeente in a new database', async () => {
    await checkMigratieGemeente(file(), { leeg: true })
  })
})
