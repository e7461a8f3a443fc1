import { eq, isNotNull } from 'drizzle-orm'
import { deelnemer, plekSignalering, plek } from '../../db/schema.js'
import { plekColumns, createPlek, changePlekStatus } from '../../server/services/plekken.js'
import { deelnemerColumns } from '../../server/services/deelnemers.js'
import { matchDeelnemersForPlek } from '../../server/services/matches.js'
import { signalPlek } from '../../server/services/proactief.js'
import { warmMatchPlekken } from '../../server/services/match-plekken.js'
import { startMeldingen } from '../../server/meldingen/index.js'
import { systemClock } from '../../server/clock.js'
import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { testApp } from '../helpers.js'
import { prng } from './corpus.js'
import { plekken, deelnemers } from './match.js'
import { gc, percentiles, rssMiB, time } from './stats.js'

// `npm run bench -- proactief`: proactive matching (issue 16) at 100,000 plekken and 10,000
// deelnemers (spread over 20 jobhunters as regievoerder) in a real libSQL database. Measured:
// (1) the publish itself (the request's service call, which only queues the run), (2) the time from
// the publish returning until the background worker has written the meldingen (what a jobhunter
// waits for before the bell can count it), (3) one run of the matching alone, and, in the same run
// as the reference, (4) the vraaggericht match list of the same plek as a jobhunter opens it.

export async function proactiefBench(opts: { plekken: number; deelnemers: number; publicaties: number; jobhunters?: number }) {
  const rnd = prng(16)
  const t = await testApp({ LOG_REQUESTS: 'false' }, new EmbeddedSearchIndex())
  // the real clock: the worker's claims and the publish→signal time are wall time
  t.deps.clock = systemClock
  const orgId = await t.makeOrganisatie('Bench werkgever')
  const werkgever = await t.makeUser('werkgever', orgId)
  const jobhunters = await Promise.all(Array.from({ length: opts.jobhunters ?? 20 }, () => t.makeUser('jobhunter')))
  const now = new Date().toISOString()

  const [loadMs] = await time(async () => {
    const ps = plekken(opts.plekken, rnd)
    for (let i = 0; i < ps.length; i += 500) {
      await t.deps.db.insert(plek).values(ps.slice(i, i + 500).map((p, j) => ({
        ...plekColumns(p), id: `bench-plek-${i + j}`, organisatieId: orgId, status: 'gepubliceerd', publishedAt: now, createdAt: now, updatedAt: now,
      })))
    }
    const ds = deelnemers(opts.deelnemers, rnd)
    for (let i = 0; i < ds.length; i += 500) {
      await t.deps.db.insert(deelnemer).values(ds.slice(i, i + 500).map((d, j) => ({
        ...deelnemerColumns(d), id: `bench-deelnemer-${i + j}`, gemeenteId: t.DORDRECHT, regievoerderId: jobhunters[(i + j) % jobhunters.length]!.id, createdAt: now, updatedAt: now,
      })))
    }
  })
  console.error(`proactief bench: ${opts.plekken} plekken, ${opts.deelnemers} deelnemers loaded in ${Math.round(loadMs)} ms`)
  await warmMatchPlekken(t.deps.db)
  const ctxOf = (u: { id: string; email: string }, rol: 'werkgever' | 'jobhunter') => ({ ...t.deps, actor: { id: u.id, email: u.email, naam: 'Bench', rol, organisatieId: rol === 'werkgever' ? orgId : null } })

  // new concept plekken, published one at a time while the workers run in the background (started
  // before the actors' contexts are made, as in the server, so a publish wakes the worker)
  const runtime = startMeldingen(t.deps, { pollMs: 1000 })
  const nieuw = plekken(opts.publicaties * 2, rnd)
  const wg = ctxOf(werkgever, 'werkgever')
  const jh = ctxOf(jobhunters[0]!, 'jobhunter')
  const concepten = []
  for (const p of nieuw) concepten.push((await createPlek({ ctx: wg, input: p })).id)
  const publish: number[] = []
  const totSignaal: number[] = []
  for (const id of concepten.slice(0, opts.publicaties)) {
    const [ms] = await time(() => changePlekStatus({ ctx: wg, id, actie: 'publiceren' }))
    const klaar = performance.now()
    publish.push(ms)
    for (;;) {
      const [r] = await t.deps.db.select({ done: plekSignalering.doneAt }).from(plekSignalering).where(eq(plekSignalering.plekId, id))
      if (r?.done) break
      await new Promise((res) => setTimeout(res, 2))
    }
    totSignaal.push(performance.now() - klaar + ms)
  }
  runtime.stop()
  const rows = await t.deps.db.select({ meldingen: plekSignalering.meldingen }).from(plekSignalering).where(isNotNull(plekSignalering.doneAt))
  const meldingenPerPlek = rows.reduce((a, r) => a + (r.meldingen ?? 0), 0) / Math.max(1, rows.length)

  // one run of the matching alone, and the reference: the vraaggericht list of the same plek (the
  // jobhunter's werkgebied is the same gemeente, so it ranks the same candidates)
  const tweede = concepten.slice(opts.publicaties)
  for (const id of tweede) await t.deps.db.update(plek).set({ status: 'gepubliceerd' }).where(eq(plek.id, id))
  gc()
  const run: number[] = []
  const referentie: number[] = []
  let kandidaten = 0
  for (const id of tweede) {
    run.push((await time(() => signalPlek(t.deps, id)))[0])
    const [ms, r] = await time(() => matchDeelnemersForPlek({ ctx: jh, id, query: { limit: 50, inclusiefUitgesloten: false } }))
    referentie.push(ms)
    kandidaten += r.kandidaten
  }
  t.close()
  const p = (xs: number[]) => percentiles(xs)
  return {
    plekken: opts.plekken,
    deelnemers: opts.deelnemers,
    jobhunters: jobhunters.length,
    publicaties: opts.publicaties,
    loadMs: Math.round(loadMs),
    rssMiB: rssMiB(),
    publishRequestMs: p(publish),
    publishToSignalMs: p(totSignaal),
    signalRunMs: p(run),
    referenceVraaggerichtMs: p(referentie),
    gemiddeldKandidaten: Math.round(kandidaten / Math.max(1, tweede.length)),
    gemiddeldMeldingenPerPlek: Math.round(meldingenPerPlek * 10) / 10,
    note: 'publishToSignalMs: from the start of the publish call until the worker marked the run done (meldingen written), worker woken by the publish; signalRunMs: vraaggericht over every zoekende deelnemer with a regievoerder plus writing the meldingen; reference: GET /api/plekken/:id/matches in process',
  }
}
