import { createClient } from '@libsql/client'
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// `npm run backup [-- <doelbestand>]`: a consistent copy of the local database file of
// DATABASE_URL, made with SQLite's `VACUUM INTO` while the server keeps running. VACUUM INTO reads
// one snapshot in a read transaction: writers (WAL) are not blocked, and the copy holds exactly the
// transactions committed before it started. The copy is written under a temporary name, synced to
// disk (SQLite does not fsync a VACUUM INTO target) and checked (PRAGMA integrity_check) before it
// gets its final name, so an interrupted backup never looks like a finished one.
// Restoring: docs/operations.md (Backups).

export interface BackupIo {
  out: (text: string) => void
  err: (text: string) => void
}

const processIo: BackupIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }

const gebruik = `Gebruik: npm run backup [-- <doelbestand>]

Maakt een consistente kopie van de lokale database van DATABASE_URL (standaard
file:data/participatieplek.db), ook terwijl de server draait. Zonder doelbestand komt de kopie
in de map backups/ naast de database, met de tijd in de naam. Terugzetten: docs/operations.md.
`

export interface BackupResult {
  path: string
  bytes: number
  ms: number
  integrity: string
  counts: Record<string, number>
}

/** The database file behind a `file:` URL, or a Dutch reason why there is none to copy. */
export function databaseFile(url: string, cwd = process.cwd()): { file: string } | { reason: string } {
  if (url === ':memory:' || url.startsWith('file::memory:'))
    return { reason: 'DATABASE_URL is een database in het geheugen: er is geen bestand om te back-uppen.' }
  if (!url.startsWith('file:'))
    return {
      reason:
        `DATABASE_URL wijst naar een libSQL-server (${url.replace(/\/\/[^@/]*@/, '//***@').split('?')[0]}). ` +
        'Back-ups zijn dan de taak van die server (bijvoorbeeld snapshots van het volume van sqld, of de back-up ' +
        'van de hostingpartij); dit commando kopieert alleen een lokaal databasebestand.',
    }
  const path = url.slice('file:'.length).split('?')[0]!
  return { file: resolve(cwd, path.startsWith('//') ? path.slice(2) : path) }
}

/** `backups/<2026-11-23T09-30-00Z>.db` next to the database file. */
export function defaultTarget(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')
  return join(dirname(file), 'backups', `${stamp}.db`)
}

/** Copies the live database `file` to `target` (which must not exist yet) and checks the copy. */
export async function backupDatabase(file: string, target: string): Promise<BackupResult> {
  if (!existsSync(file)) throw new Error(`Het databasebestand ${file} bestaat niet.`)
  if (existsSync(target)) throw new Error(`${target} bestaat al; kies een ander doelbestand.`)
  mkdirSync(dirname(target), { recursive: true })
  const temp = `${target}.bezig-${process.pid}`
  rmSync(temp, { force: true })
  const started = performance.now()
  const source = createClient({ url: `file:${file}` })
  try {
    // the server may hold the write lock for a moment; a read snapshot only waits for WAL recovery
    await source.execute('PRAGMA busy_timeout=10000')
    await source.execute({ sql: 'VACUUM INTO ?', args: [temp] })
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  } finally {
    source.close()
  }
  const copy = createClient({ url: `file:${temp}` })
  let integrity: string
  const counts: Record<string, number> = {}
  try {
    integrity = (await copy.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0])).join('; ')
    for (const table of ['organisatie', 'plek', 'deelnemer', 'plaatsing', 'nazorgcontact', 'gebruiker']) {
      const exists = await copy.execute({ sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", args: [table] })
      if (exists.rows.length) counts[table] = Number((await copy.execute(`SELECT count(*) FROM "${table}"`)).rows[0]![0])
    }
  } finally {
    copy.close()
  }
  if (integrity !== 'ok') {
    rmSync(temp, { force: true })
    throw new Error(`De kopie is niet in orde (integrity_check: ${integrity.slice(0, 300)}); er is geen back-up opgeslagen.`)
  }
  // VACUUM INTO does not sync its output: make sure the copy is on disk before it counts as done
  const fd = openSync(temp, 'r')
  fsyncSync(fd)
  closeSync(fd)
  renameSync(temp, target)
  try {
    const dir = openSync(dirname(target), 'r')
    fsyncSync(dir)
    closeSync(dir)
  } catch {
    // not every platform can sync a directory
  }
  return { path: target, bytes: statSync(target).size, ms: performance.now() - started, integrity, counts }
}

const grootte = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`
    : `${(bytes / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} kB`

/** Runs the backup command; returns the exit code (0 done, 1 nothing written). */
export async function runBackupCli(argv: string[], env: Record<string, string | undefined> = process.env, io: BackupIo = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(gebruik)
    return 0
  }
  if (argv.length > 1 || argv[0]?.startsWith('-')) {
    io.err(gebruik)
    return 1
  }
  // Only DATABASE_URL matters here (same default as server/config.ts), so a backup job needs no
  // other settings of the server.
  const url = env.DATABASE_URL || 'file:data/participatieplek.db'
  const db = databaseFile(url)
  if ('reason' in db) {
    io.err(`${db.reason}\n`)
    return 1
  }
  // npm runs scripts in the project folder; a relative target means the folder the user typed it in
  const target = argv[0] ? resolve(env.INIT_CWD || process.cwd(), argv[0]) : defaultTarget(db.file)
  try {
    const r = await backupDatabase(db.file, target)
    const inhoud = Object.entries(r.counts).map(([t, n]) => `${n} ${t}`).join(', ')
    io.out(`Back-up gemaakt: ${r.path}\n`)
    io.out(`${grootte(r.bytes)} (${r.bytes} bytes) in ${(r.ms / 1000).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s; integrity_check: ${r.integrity}; ${inhoud}\n`)
    return 0
  } catch (e) {
    io.err(`Back-up mislukt: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runBackupCli(process.argv.slice(2))
}
