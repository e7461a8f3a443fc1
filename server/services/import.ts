import { inArray } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { deelnemer, organisatie, plek } from '../../db/schema.js'
import type { Ctx } from '../context.js'
import { iso } from '../clock.js'
import { requireRole } from './access.js'
import { DomainError, validatieFout } from '../domain/errors.js'
import { issuesToFields } from '../domain/dutch-errors.js'
import {
  importDeelnemer,
  importEnvelope,
  importLijsten,
  importOrganisatie,
  importPlek,
  type ImportLijst,
  type ImportResultaat,
} from '../domain/import.js'
import { newOrganisatieRow } from './organisaties.js'
import { insertNewPlekken, newPlekRow } from './plekken.js'
import { newDeelnemerRow } from './deelnemers.js'
import { chooseGemeente } from './werkgebied.js'
import { writeAudit } from './audit.js'

// Bulk import (POST /api/import and `npm run import`), all or nothing:
//
// 1. Validate every record on its own with the resource's own schema and the services' own row
//    builders (postcode → plaats/lat/lon, taalrijkheidsscore, …), plus what only a file can get
//    wrong: duplicate refs, a plek naming an organisatie that exists neither in the database nor
//    in the file. Every error is kept, under its position (`plekken.3.urenPerWeek.max`).
// 2. Any error: a 400 listing all of them, nothing written.
// 3. Otherwise one transaction writes every row, with an outbox row per plek so the indexer puts
//    the published ones in the search index, and one audit row for the import.

type OrganisatieRow = typeof organisatie.$inferSelect
type PlekRow = typeof plek.$inferSelect
type DeelnemerRow = typeof deelnemer.$inferSelect

export type ImportFase = 'valideren' | 'opslaan'
export type ImportVoortgang = (fase: ImportFase, klaar: number, totaal: number) => void

/** Rows per INSERT statement: well below SQLite's limit of bound variables for the widest table. */
const CHUNK = 200
/** During validation, let other work (requests, progress output) run every so many records. */
const YIELD_EVERY = 250

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

interface Plan {
  organisaties: OrganisatieRow[]
  plekken: PlekRow[]
  deelnemers: DeelnemerRow[]
}

/** Validates and writes a whole import file; throws one 400 with every error, or writes all of it. */
export async function runImport({ ctx, input, onProgress }: { ctx: Ctx; input: unknown; onProgress?: ImportVoortgang }): Promise<ImportResultaat> {
  requireRole(ctx.actor, 'beheerder')
  const now = iso(ctx.clock.now())
  const plan = await validateImport(ctx, input, now, onProgress)
  await writePlan(ctx, plan, now, onProgress)
  ctx.search?.indexer.wake()
  return {
    organisaties: plan.organisaties.length,
    plekken: plan.plekken.length,
    deelnemers: plan.deelnemers.length,
    ids: {
      organisaties: plan.organisaties.map((r) => r.id),
      plekken: plan.plekken.map((r) => r.id),
      deelnemers: plan.deelnemers.map((r) => r.id),
    },
  }
}

const fouten = (n: number) => (n === 1 ? '1 fout' : `${n} fouten`)

async function validateImport(ctx: Ctx, input: unknown, now: string, onProgress?: ImportVoortgang): Promise<Plan> {
  // The outer shape: an object with (some of) the three lists. A list that is not a list is an
  // error of its own; the other lists are still checked.
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw validatieFout({ _: 'Stuur een object met de lijsten organisaties, plekken en/of deelnemers.' }, 'De import heeft niet de juiste vorm; er is niets geïmporteerd.')
  const check = new ImportCheck(input as Record<string, unknown>, onProgress)
  const envelope = importEnvelope.safeParse(input)
  if (!envelope.success) check.addAll('', issuesToFields(envelope.error.issues))
  if (check.totaal === 0 && check.errorCount() === 0)
    throw validatieFout({ _: 'Er is niets om te importeren: geef minstens één organisatie, plek of deelnemer mee.' }, 'De import is leeg; er is niets geïmporteerd.')

  onProgress?.('valideren', 0, check.totaal)
  // Organisaties first: plekken in the file may refer to them by ref.
  const idVanRef = await check.organisaties(now)
  await check.plekken(now, idVanRef, await bestaandeOrganisaties(ctx, check.namedOrganisatieIds()))
  check.ctx = ctx
  await check.deelnemers(now, ctx.actor.id)
  return check.result()
}

/**
 * The checks of one import file. Every error is kept under its position; a record with errors
 * adds nothing to the plan, and validation goes on so the user sees every error at once.
 */
class ImportCheck {
  // no prototype: a key like "__proto__" in the file must become an error path like any other
  private readonly errors: Record<string, string> = Object.create(null)
  private readonly records: Record<ImportLijst, unknown[]>
  private readonly plan: Plan = { organisaties: [], plekken: [], deelnemers: [] }
  private ongeldig = false // some record failed: keep validating, but the plan is not written
  private klaar = 0
  readonly totaal: number
  /** the importing beheerder: a deelnemer's gemeente must be in their werkgebied */
  ctx?: Ctx

  constructor(raw: Record<string, unknown>, private readonly onProgress?: ImportVoortgang) {
    const lijst = (naam: ImportLijst): unknown[] => (Array.isArray(raw[naam]) ? (raw[naam] as unknown[]) : [])
    this.records = { organisaties: lijst('organisaties'), plekken: lijst('plekken'), deelnemers: lijst('deelnemers') }
    this.totaal = importLijsten.reduce((n, l) => n + this.records[l].length, 0)
  }

  add(path: string, message: string) {
    if (!Object.hasOwn(this.errors, path)) this.errors[path] = message
  }
  addAll(prefix: string, fields: Record<string, string>) {
    for (const [k, v] of Object.entries(fields)) this.add(!prefix ? k : k === '_' ? prefix : `${prefix}.${k}`, v)
  }
  errorCount = () => Object.keys(this.errors).length

  /** One record done: report progress and let other work run every so many records. */
  private async tick() {
    this.klaar++
    if (this.klaar % YIELD_EVERY === 0 || this.klaar === this.totaal) {
      this.onProgress?.('valideren', this.klaar, this.totaal)
      await yieldToEventLoop()
    }
  }

  /** Parses one record with its schema; the errors land under the record's position. */
  private parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> | undefined {
    const result = schema.safeParse(value)
    if (result.success) return result.data
    this.addAll(prefix, issuesToFields(result.error.issues))
    return undefined
  }

  /** Runs a service's row builder; its validation errors (an unknown postcode) land under the position. */
  private build<T>(prefix: string, fn: () => T): T | undefined {
    try {
      return fn()
    } catch (e) {
      if (e instanceof DomainError && e.soort === 'validatie' && e.fields) {
        this.addAll(prefix, e.fields)
        return undefined
      }
      throw e
    }
  }

  /** Refs must be unique within their list. Read from the raw records, so an invalid record's ref still counts. */
  private refsOf(naam: ImportLijst): Map<string, number> {
    const first = new Map<string, number>()
    this.records[naam].forEach((r, i) => {
      const ref = typeof r === 'object' && r !== null ? (r as { ref?: unknown }).ref : undefined
      if (typeof ref !== 'string' || !ref.trim()) return
      const key = ref.trim()
      const earlier = first.get(key)
      if (earlier === undefined) first.set(key, i)
      else this.add(`${naam}.${i}.ref`, `Deze ref staat ook bij ${naam}.${earlier}; een ref mag in een lijst maar één keer voorkomen.`)
    })
    return first
  }

  /** Checks the organisaties; answers the new id of each ref in the file. */
  async organisaties(now: string): Promise<Map<string, string | undefined>> {
    const refs = this.refsOf('organisaties')
    const idVanRef = new Map<string, string | undefined>([...refs.keys()].map((ref) => [ref, undefined]))
    for (const [i, value] of this.records.organisaties.entries()) {
      const prefix = `organisaties.${i}`
      const body = this.parse(importOrganisatie, value, prefix)
      const row = body && this.build(prefix, () => newOrganisatieRow((({ ref: _ref, ...input }) => input)(body), now))
      if (row) {
        this.plan.organisaties.push(row)
        if (body.ref) idVanRef.set(body.ref, row.id)
      } else this.ongeldig = true
      await this.tick()
    }
    return idVanRef
  }

  private plekBodies?: (z.infer<typeof importPlek> | undefined)[]
  /** Plekken are parsed before their organisaties are looked up, so the lookup is one query. */
  namedOrganisatieIds(): string[] {
    this.refsOf('plekken')
    this.plekBodies = this.records.plekken.map((value, i) => this.parse(importPlek, value, `plekken.${i}`))
    return this.plekBodies.flatMap((b) => (b?.organisatieId ? [b.organisatieId] : []))
  }

  /** Checks the plekken; each names an existing organisatie or one in the file (by its ref). */
  async plekken(now: string, idVanRef: Map<string, string | undefined>, bestaand: Set<string>) {
    for (const [i, body] of (this.plekBodies ?? []).entries()) {
      const prefix = `plekken.${i}`
      const organisatieId = body && this.organisatieOf(prefix, body, idVanRef, bestaand)
      const row = body && this.build(prefix, () => {
        const { ref: _ref, organisatieRef: _organisatieRef, status, ...input } = body
        return newPlekRow({ input, organisatieId: organisatieId ?? '', status, now })
      })
      if (row && organisatieId) this.plan.plekken.push(row)
      else this.ongeldig = true
      await this.tick()
    }
  }

  private organisatieOf(prefix: string, body: z.infer<typeof importPlek>, idVanRef: Map<string, string | undefined>, bestaand: Set<string>): string | undefined {
    const { organisatieId, organisatieRef } = body
    if (organisatieId && organisatieRef) {
      this.add(`${prefix}.organisatieRef`, 'Geef óf organisatieId (een bestaande organisatie) óf organisatieRef (een organisatie in dit bestand), niet allebei.')
    } else if (organisatieRef) {
      if (!idVanRef.has(organisatieRef)) this.add(`${prefix}.organisatieRef`, `Er is geen organisatie met ref "${organisatieRef}" in dit bestand.`)
      else return idVanRef.get(organisatieRef) // undefined when that organisatie itself has errors
    } else if (organisatieId) {
      if (!bestaand.has(organisatieId))
        this.add(`${prefix}.organisatieId`, 'Deze organisatie bestaat niet. Staat de organisatie in dit bestand? Gebruik dan organisatieRef met haar ref.')
      else return organisatieId
    } else {
      this.add(`${prefix}.organisatieId`, 'Kies de organisatie: organisatieId voor een bestaande organisatie, of organisatieRef voor een organisatie in dit bestand.')
    }
    return undefined
  }

  async deelnemers(now: string, createdBy: string) {
    this.refsOf('deelnemers')
    for (const [i, value] of this.records.deelnemers.entries()) {
      const prefix = `deelnemers.${i}`
      const body = this.parse(importDeelnemer, value, prefix)
      let gemeenteId: string | undefined
      if (body) {
        try {
          gemeenteId = await chooseGemeente(this.ctx!, body.gemeenteId)
        } catch (e) {
          if (!(e instanceof DomainError) || !e.fields) throw e
          for (const [k, v] of Object.entries(e.fields)) this.add(`${prefix}.${k}`, v)
        }
      }
      const row = body && gemeenteId && this.build(prefix, () => newDeelnemerRow({ input: (({ ref: _ref, gemeenteId: _g, ...input }) => input)(body), createdBy, now, gemeenteId: gemeenteId! }))
      if (row) this.plan.deelnemers.push(row)
      else this.ongeldig = true
      await this.tick()
    }
  }

  /** The plan to write, or one validation error listing every problem in the order of the file. */
  result(): Plan {
    const n = this.errorCount()
    if (n > 0 || this.ongeldig) throw validatieFout(byPosition(this.errors), `De import bevat ${fouten(n)}; er is niets geïmporteerd.`)
    return this.plan
  }
}

/** The errors in the order of the file: organisaties, plekken, deelnemers; then by record number. */
function byPosition(errors: Record<string, string>): Record<string, string> {
  const sleutel = (path: string) => {
    const [lijst, nr] = path.split('.')
    const l = importLijsten.indexOf(lijst as ImportLijst)
    return [l === -1 ? -1 : l, Number(nr) || 0] as const
  }
  const paths = Object.keys(errors)
  const sorted = paths
    .map((p, i) => ({ p, i, k: sleutel(p) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
  return Object.fromEntries(sorted.map(({ p }) => [p, errors[p]!]))
}

/** Which of these organisatie ids exist (one query per few hundred ids). */
async function bestaandeOrganisaties(ctx: Ctx, ids: string[]): Promise<Set<string>> {
  const uniek = [...new Set(ids)]
  const found = new Set<string>()
  for (let i = 0; i < uniek.length; i += 500) {
    const rows = await ctx.db.select({ id: organisatie.id }).from(organisatie).where(inArray(organisatie.id, uniek.slice(i, i + 500)))
    for (const r of rows) found.add(r.id)
  }
  return found
}

/** One transaction: every row or none. Inserts go in chunks; progress is reported per chunk. */
async function writePlan(ctx: Ctx, plan: Plan, now: string, onProgress?: ImportVoortgang): Promise<void> {
  const totaal = plan.organisaties.length + plan.plekken.length + plan.deelnemers.length
  let klaar = 0
  onProgress?.('opslaan', 0, totaal)
  await ctx.db.transaction(async (tx) => {
    const inChunks = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK)
        await insert(chunk)
        klaar += chunk.length
        onProgress?.('opslaan', klaar, totaal)
      }
    }
    await inChunks(plan.organisaties, (chunk) => tx.insert(organisatie).values(chunk))
    await inChunks(plan.plekken, (chunk) => insertNewPlekken(tx, chunk, now))
    await inChunks(plan.deelnemers, (chunk) => tx.insert(deelnemer).values(chunk))
    // one audit row for the whole import (counts, no personal data), in the same transaction
    await writeAudit(tx, ctx.actor, now, {
      actie: 'importeren',
      objectSoort: 'import',
      objectId: randomUUID(),
      details: { organisaties: plan.organisaties.length, plekken: plan.plekken.length, deelnemers: plan.deelnemers.length },
    })
  })
}
