import type { Deps } from './context.js'
import { errorLogFields } from './http-errors.js'
import { deleteExpiredSessions } from './auth/sessions.js'
import { applyBewaartermijn } from './services/avg.js'
import { signalContacten } from './services/signalen.js'
import { pruneMeldingen } from './services/meldingen.js'
import { makeSamenvattingen } from './meldingen/samenvatting.js'
import { deleteVerlopenAanmeldingen } from './services/aanmeldingen.js'

// The work the server does by itself once a day (docs/privacy.md, docs/operations.md): the
// retention rule for deelnemers, removing sessions that can no longer be used, and pruning the
// search outbox. The server
// starts it (server/main.ts); tests call runDailyJobs.

type Job = [event: string, run: (deps: Deps) => Promise<Record<string, unknown> | undefined>]

// Meldingen (docs/meldingen.md) run every hour, so "contact vandaag" arrives in the morning and the
// digest soon after midnight; each is keyed per day, so every further run and instance adds nothing.
const hourlyJobs: Job[] = [
  [
    'contact-meldingen',
    async (deps) => {
      const nieuw = await signalContacten(deps)
      return nieuw ? { meldingen: nieuw } : undefined
    },
  ],
  [
    // docs/aanmelden.md: what a confirmation or invitation link that ran out leaves behind
    'aanmeldingen-opruimen',
    async (deps) => {
      const verwijderd = await deleteVerlopenAanmeldingen(deps)
      return verwijderd ? { verwijderd } : undefined
    },
  ],
  [
    'mail-samenvattingen',
    async (deps) => {
      const gemaakt = await makeSamenvattingen(deps)
      return gemaakt ? { samenvattingen: gemaakt } : undefined
    },
  ],
]

const jobs: Job[] = [
  [
    // docs/meldingen.md: handled mail rows and runs after 30 days, meldingen after a year
    'meldingen-opruimen',
    async (deps) => {
      const r = await pruneMeldingen(deps)
      return r.mails || r.runs || r.meldingen ? r : undefined
    },
  ],
  [
    'bewaartermijn',
    async (deps) => {
      const r = await applyBewaartermijn(deps)
      return r.geanonimiseerd ? { geanonimiseerd: r.geanonimiseerd, grens: r.grens } : undefined
    },
  ],
  [
    'sessies-opruimen',
    async (deps) => {
      const verwijderd = await deleteExpiredSessions(deps)
      return verwijderd ? { verwijderd } : undefined
    },
  ],
  [
    // Old outbox rows (docs/search.md): the embedded engine's feed keeps a day of changes, the
    // claim-based worker's handled rows go after a day. Every instance runs it; deleting twice is
    // harmless.
    'outbox-opruimen',
    async (deps) => {
      const verwijderd = (await deps.search?.indexer.prune()) ?? 0
      return verwijderd ? { verwijderd } : undefined
    },
  ],
]

/**
 * One run of every daily job. Each runs on its own: one that fails does not stop the others. A
 * failure is logged with its kind and code, never its message (which may hold a statement's
 * parameters); a job that changed something logs how much.
 */
export async function runDailyJobs(deps: Deps): Promise<void> {
  await runJobs(deps, [...jobs, ...hourlyJobs])
}

/** One run of the hourly jobs (meldingen). */
export const runHourlyJobs = (deps: Deps) => runJobs(deps, hourlyJobs)

async function runJobs(deps: Deps, list: Job[]) {
  for (const [event, run] of list) {
    try {
      const uitkomst = await run(deps)
      if (uitkomst) deps.log({ t: deps.clock.now().toISOString(), event, ...uitkomst })
    } catch (e) {
      deps.log({ t: deps.clock.now().toISOString(), level: 'error', event: `${event}-mislukt`, ...errorLogFields(e) })
    }
  }
}

/** Runs the daily jobs a minute after start and then once a day, for as long as the server runs; answers a stop function. */
export function scheduleDailyJobs(deps: Deps): () => void {
  const run = () => void runDailyJobs(deps)
  const first = setTimeout(run, 60_000)
  const daily = setInterval(run, 24 * 60 * 60 * 1000)
  const hourly = setInterval(() => void runHourlyJobs(deps), 60 * 60 * 1000)
  for (const t of [first, daily, hourly]) t.unref()
  return () => {
    clearTimeout(first)
    clearInterval(daily)
    clearInterval(hourly)
  }
}
