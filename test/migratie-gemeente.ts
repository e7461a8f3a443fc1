import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { expect } from 'vitest'
import { bekendeGemeenten, gemeenteIdVan, gemeenteVanPlaats } from '../server/domain/gemeente.js'

// Migration 0005 (gemeenten) on a database that already has data, as a deployed one will: the
// rule of docs/privacy.md "Bestaande gegevens". Used by test/api/migratie-gemeente.test.ts (a local
// file) and test/scale/migratie-gemeente-sqld.test.ts (a real libSQL server, which refuses some
// statements a file takes, e.g. CREATE TEMP TABLE).

const migrations = fileURLToPath(new URL('../db/migrations', import.meta.url))
const TAG = '0005_gemeente'

/** A copy of db/migrations whose journal ends just before migration 0005, or with it. */
function migrationsFolder(with0005: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'pp-migraties-'))
  cpSync(migrations, dir, { recursive: true })
  const file = join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(file, 'utf8')) as { entries: { tag: string }[] }
  const i = journal.entries.findIndex((e) => e.tag === TAG)
  if (i < 0) throw new Error(`${TAG} staat niet in het journal`)
  journal.entries = journal.entries.slice(0, with0005 ? i + 1 : i)
  writeFileSync(file, JSON.stringify(journal))
  return dir
}

const NU = '2026-01-01T00:00:00.000Z'
/** Every plaats of a known gemeente, and two the migration does not know. */
const PLAATSEN = [...bekendeGemeenten.flatMap((g) => g.plaatsen), 'Ergensdorp', 'Gorinchem']
const ROLLEN = ['jobhunter', 'jobcoach', 'beheerder', 'werkgever'] as const

/**
 * Migrates the database at `url` up to 0004, adds accounts of every role and a deelnemer in every
 * plaats above, then applies 0005 and checks the outcome. With `leeg` it adds nothing: a new
 * database gets no gemeenten at all.
 */
export async function checkMigratieGemeente(url: string, opts: { authToken?: string; leeg?: boolean } = {}) {
  const client = createClient({ url, authToken: opts.authToken })
  const db = drizzle(client)
  const dirs = [migrationsFolder(false), migrationsFolder(true)]
  const rows = async (sql: string) => (await client.execute(sql)).rows.map((r) => ({ ...r }))
  try {
    await migrate(db, { migrationsFolder: dirs[0]! })
    if (!opts.leeg) {
      for (const rol of ROLLEN)
        await client.execute({
          sql: 'insert into gebruiker (id, email, naam, password_hash, rol, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
          args: [`g-${rol}`, `${rol}@migratie.example`, `Test ${rol}`, 'x', rol, NU, NU],
        })
      for (const [i, plaats] of PLAATSEN.entries())
        await client.execute({
          sql: `insert into deelnemer (id, naam, status, postcode, plaats, lat, lon, uren_min, uren_max, max_reisafstand_km, profiel, created_at, updated_at, created_by)
                values (?, ?, 'actief', '1234AB', ?, 52, 5, 8, 16, 10, '{}', ?, ?, 'g-jobhunter')`,
          args: [`d-${String(i).padStart(2, '0')}`, `Deelnemer in ${plaats}`, plaats, NU, NU],
        })
    }
    await migrate(db, { migrationsFolder: dirs[1]! })

    // the helper table is gone, the migration is recorded
    expect(await rows("select name from sqlite_master where name = 'bekende_plaats'")).toEqual([])
    const gemeenten = await rows('select id, naam, cbs_code from gemeente order by id')
    if (opts.leeg) {
      expect(gemeenten).toEqual([])
      expect(await rows('select * from werkgebied')).toEqual([])
      return
    }
    // 1 and 2: every deelnemer in the gemeente of their plaats, or in Onbekend
    const verwacht = (plaats: string) => gemeenteIdVan(gemeenteVanPlaats(plaats)?.cbsCode ?? 'GM0000')
    const deelnemers = await rows('select plaats, gemeente_id from deelnemer order by id')
    expect(deelnemers).toEqual(PLAATSEN.map((plaats) => ({ plaats, gemeente_id: verwacht(plaats) })))
    // the gemeenten made are exactly those, with the names and CBS codes of server/domain/gemeente.ts
    const naamVan = (cbs: string) => bekendeGemeenten.find((g) => g.cbsCode === cbs)?.naam ?? 'Onbekend'
    const nodig = [...new Set(PLAATSEN.map(verwacht))].sort()
    expect(gemeenten).toEqual(nodig.map((id) => ({ id, naam: naamVan(id.slice('gemeente-'.length)), cbs_code: id.slice('gemeente-'.length) })))
    // 3: every jobhunter, jobcoach and beheerder works in all of them; a werkgever in none
    const werkgebied = await rows('select gebruiker_id, gemeente_id from werkgebied order by gebruiker_id, gemeente_id')
    expect(werkgebied).toEqual(
      ['g-beheerder', 'g-jobcoach', 'g-jobhunter'].flatMap((gebruiker_id) => nodig.map((gemeente_id) => ({ gebruiker_id, gemeente_id }))),
    )
    expect(await rows("select platform_beheerder from gebruiker where id = 'g-beheerder'")).toEqual([{ platform_beheerder: 0 }])
  } finally {
    client.close()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
}
