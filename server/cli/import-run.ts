import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import { openDatabase } from '../../db/client.js'
import { gebruiker } from '../../db/schema.js'
import { ConfigError, loadConfig } from '../config.js'
import { systemClock } from '../clock.js'
import type { Actor, Ctx } from '../context.js'
import { DomainError } from '../domain/errors.js'
import { runImport, type ImportFase } from '../services/import.js'

// `npm run import -- bestand.json [--beheerder e-mail]`: the same validation and import as
// POST /api/import, in process, against DATABASE_URL. All or nothing: on any error it prints
// every error with its position, writes nothing and exits with 1.

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  /** Rewrite one progress line in place (a terminal) or print plain lines (a pipe, a log file). */
  tty: boolean
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  tty: Boolean(process.stdout.isTTY),
}

const gebruik = `Gebruik: npm run import -- <bestand.json> [--beheerder <e-mail>]

Importeert organisaties, plekken en deelnemers uit een JSON-bestand in de database van
DATABASE_URL, alles of niets. Zie docs/voorbeeld-import.json en docs/operations.md.

  --beheerder <e-mail>  namens welke beheerder (standaard: ADMIN_EMAIL, of de enige beheerder)
`

const fasen: Record<ImportFase, string> = { valideren: 'Valideren…', opslaan: 'Opslaan…' }
const aantal = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`
const seconden = (ms: number) => `${(ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`

/** Runs the import command; returns the exit code (0 done, 1 anything wrong, nothing written). */
export async function runImportCli(argv: string[], env: Record<string, string | undefined> = process.env, io: CliIo = processIo): Promise<number> {
  const args = [...argv]
  if (args.includes('--help') || args.includes('-h')) {
    io.out(gebruik)
    return 0
  }
  let email: string | undefined
  const b = args.indexOf('--beheerder')
  if (b !== -1) {
    email = args[b + 1]
    args.splice(b, 2)
    if (!email) {
      io.err(`--beheerder vraagt om een e-mailadres.\n\n${gebruik}`)
      return 1
    }
  }
  const [bestand, ...rest] = args
  if (!bestand || rest.length > 0 || bestand.startsWith('--')) {
    io.err(gebruik)
    return 1
  }

  let config
  try {
    config = loadConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(`${e.message}\n`)
      return 1
    }
    throw e
  }

  let input: unknown
  try {
    // npm runs scripts in the project folder; a relative path means the folder the user typed it in
    const text = await readFile(resolve(env.INIT_CWD || process.cwd(), bestand), 'utf8')
    input = JSON.parse(text.replace(/^\uFEFF/, '')) // a byte-order mark from spreadsheet exports is fine
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    if (err.code === 'ENOENT') io.err(`Het bestand ${bestand} bestaat niet.\n`)
    else if (e instanceof SyntaxError) io.err(`Het bestand ${bestand} is geen geldige JSON: ${e.message}\n`)
    else io.err(`Het bestand ${bestand} kan niet worden gelezen: ${err.message}\n`)
    return 1
  }

  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken)
  try {
    const actor = await chooseBeheerder(database.db, email ?? config.admin?.email)
    if (typeof actor === 'string') {
      io.err(`${actor}\n`)
      return 1
    }
    io.out(`Importeren uit ${bestand} naar ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}, namens ${actor.email}\n`)
    const ctx: Ctx = { db: database.db, clock: systemClock, config, log: () => {}, actor }
    const started = performance.now()
    const result = await runImport({ ctx, input, onProgress: voortgang(io) })
    io.out(
      `Klaar in ${seconden(performance.now() - started)}: ${aantal(result.organisaties, 'organisatie', 'organisaties')}, ` +
        `${aantal(result.plekken, 'plek', 'plekken')} en ${aantal(result.deelnemers, 'deelnemer', 'deelnemers')} geïmporteerd.\n` +
        (result.plekken > 0 ? 'Gepubliceerde plekken komen in de zoekindex zodra de server ze verwerkt (binnen enkele seconden als de server draait, anders bij de start).\n' : ''),
    )
    return 0
  } catch (e) {
    if (e instanceof DomainError && e.fields) {
      const fields = Object.entries(e.fields)
      io.err(`${e.message}\n`)
      const breed = Math.min(40, fields.reduce((n, [k]) => Math.max(n, k.length), 0))
      for (const [pad, uitleg] of fields) io.err(`  ${pad.padEnd(breed)}  ${uitleg}\n`)
      return 1
    }
    if (e instanceof DomainError) {
      io.err(`${e.message}\n`)
      return 1
    }
    io.err(`Importeren mislukt; er is niets opgeslagen: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  } finally {
    database.close()
  }
}

/** The beheerder on whose behalf the records are made: named, from ADMIN_EMAIL, or the only one. */
async function chooseBeheerder(db: Ctx['db'], email: string | undefined): Promise<Actor | string> {
  const beheerders = await db
    .select()
    .from(gebruiker)
    .where(and(eq(gebruiker.rol, 'beheerder'), eq(gebruiker.actief, true), email ? sql`lower(${gebruiker.email}) = ${email.toLowerCase()}` : undefined))
  if (email && !beheerders[0]) return `Er is geen actieve beheerder met e-mailadres ${email}.`
  if (beheerders.length === 0)
    return 'Deze database heeft nog geen beheerder. Start de server eenmaal met ADMIN_EMAIL en ADMIN_PASSWORD, of maak er een aan.'
  if (beheerders.length > 1) return 'Er zijn meerdere beheerders: kies met --beheerder <e-mail> namens wie u importeert.'
  const g = beheerders[0]!
  return { id: g.id, email: g.email, naam: g.naam, rol: g.rol, organisatieId: g.organisatieId }
}

/** Progress: one line rewritten in place on a terminal; otherwise a plain line per tenth and at the end. */
function voortgang(io: CliIo) {
  let laatsteTiende = -1
  let fase: ImportFase | undefined
  return (f: ImportFase, klaar: number, totaal: number) => {
    if (f !== fase) {
      fase = f
      laatsteTiende = -1
    }
    const regel = `${fasen[f]} ${klaar}/${totaal}`
    if (io.tty) {
      io.out(`\r${regel}${klaar === totaal ? '\n' : ''}`) // each phase ends at its total
      return
    }
    const tiende = totaal ? Math.floor((klaar * 10) / totaal) : 10
    if (klaar === 0) return
    if (tiende > laatsteTiende || klaar === totaal) {
      laatsteTiende = tiende
      io.out(`${regel}\n`)
    }
  }
}
