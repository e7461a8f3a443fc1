import { deelnemerBody, plekBody } from '../helpers.js'
import { call, loginAs, retryWhileBusy, vandaagInNederland } from './server-process.js'
import type { Answer } from '../answer.js'

// Concurrent writes against a running server, as the demo's users would make them: a werkgever
// creates and publishes plekken, a jobhunter records deelnemers, a jobcoach logs nazorg contacts.
// Only what the server acknowledged with a 2xx is recorded; a request that got no answer (the
// server was killed under it) may or may not have committed, and is not counted.

export interface Acknowledged {
  /** plek id → whether the publish was acknowledged too */
  plekken: Map<string, { gepubliceerd: boolean; titel: string }>
  deelnemers: Set<string>
  nazorg: { plaatsingId: string; id: string }[]
  /** every answer that was not the expected 2xx, with what was asked */
  unexpected: { what: string; status: number; body: unknown }[]
  /** requests that got no answer at all (connection refused or reset) */
  unanswered: number
  /** 503s with Retry-After that the load waited out and sent again (nothing was written by them). */
  busyRetries: number
}

export const ackCount = (a: Acknowledged) =>
  a.plekken.size + [...a.plekken.values()].filter((p) => p.gepubliceerd).length + a.deelnemers.size + a.nazorg.length

export interface LoadUsers {
  werkgever: string
  jobhunter: string
  jobcoach: string
  plaatsingen: string[]
  /** a gemeente of the jobhunter's werkgebied, for new deelnemers (the demo jobhunter has several) */
  gemeenteId: string
}

/** Logs in the demo accounts and finds the jobcoach's active plaatsingen (the demo journey makes them). */
export async function demoUsers(base: string): Promise<LoadUsers> {
  const [werkgever, jobhunter, jobcoach] = await Promise.all(
    ['werkgever', 'jobhunter', 'jobcoach'].map((r) => loginAs(base, `${r}@demo.example`)),
  )
  const lijst = await call(base, 'GET', '/api/plaatsingen', { cookie: jobcoach })
  const plaatsingen = (lijst.json?.items ?? []).map((p: { id: string }) => p.id)
  if (lijst.status !== 200 || plaatsingen.length === 0) throw new Error(`geen actieve plaatsingen voor de jobcoach: ${lijst.status} ${JSON.stringify(lijst.json)}`)
  const gemeenten = await call(base, 'GET', '/api/gemeenten', { cookie: jobhunter })
  const gemeenteId = gemeenten.json?.items?.[0]?.id
  if (gemeenten.status !== 200 || !gemeenteId) throw new Error(`geen gemeente in het werkgebied van de jobhunter: ${gemeenten.status} ${JSON.stringify(gemeenten.json)}`)
  return { werkgever: werkgever!, jobhunter: jobhunter!, jobcoach: jobcoach!, plaatsingen, gemeenteId }
}

/**
 * Runs `workers` loops of writes until `stop()` says so or the server stops answering. `onAck` is
 * called synchronously after each acknowledged write, so a caller can act at an exact count.
 */
export async function runWriteLoad(
  base: string,
  users: LoadUsers,
  opts: { workers: number; stop: () => boolean; onAck?: (acked: Acknowledged) => void; label?: string },
): Promise<Acknowledged> {
  const acked: Acknowledged = { plekken: new Map(), deelnemers: new Set(), nazorg: [], unexpected: [], unanswered: 0, busyRetries: 0 }
  const label = opts.label ?? 'last'
  const vandaag = vandaagInNederland()
  const ack = () => opts.onAck?.(acked)

  async function step(what: string, expected: number, fn: () => Promise<Answer>) {
    // a 503 with Retry-After wrote nothing: the load honours it as a client should
    const res = await retryWhileBusy(fn)
    acked.busyRetries += res.retries
    if (res.status !== expected) acked.unexpected.push({ what, status: res.status, body: res.json })
    return res.status === expected ? res.json : undefined
  }

  async function worker(w: number) {
    for (let i = 0; !opts.stop(); i++) {
      try {
        switch (i % 3) {
          case 0: {
            const titel = `Plek ${label} w${w} n${i}`
            const created = await step('plek aanmaken', 201, () => call(base, 'POST', '/api/plekken', { cookie: users.werkgever, body: plekBody({ titel }) }))
            if (!created) break
            acked.plekken.set(created.id, { gepubliceerd: false, titel })
            ack()
            if (opts.stop()) return
            const pub = await step('plek publiceren', 200, () => call(base, 'POST', `/api/plekken/${created.id}/publiceren`, { cookie: users.werkgever }))
            if (!pub) break
            acked.plekken.set(created.id, { gepubliceerd: true, titel })
            ack()
            break
          }
          case 1: {
            const d = await step('deelnemer vastleggen', 201, () =>
              call(base, 'POST', '/api/deelnemers', { cookie: users.jobhunter, body: deelnemerBody({ naam: `Deelnemer ${label} w${w} n${i}`, gemeenteId: users.gemeenteId }) }),
            )
            if (!d) break
            acked.deelnemers.add(d.id)
            ack()
            break
          }
          case 2: {
            const plaatsingId = users.plaatsingen[(w + i) % users.plaatsingen.length]!
            const n = await step('nazorg vastleggen', 201, () =>
              call(base, 'POST', `/api/plaatsingen/${plaatsingId}/nazorg`, {
                cookie: users.jobcoach,
                body: { datum: vandaag, met: 'deelnemer', kanaal: 'telefoon', samenvatting: `Contact ${label} w${w} n${i}` },
              }),
            )
            if (!n) break
            acked.nazorg.push({ plaatsingId, id: n.id })
            ack()
            break
          }
        }
      } catch {
        // no answer: the server is gone (killed). This request may or may not have committed.
        acked.unanswered++
        return
      }
    }
  }

  await Promise.all(Array.from({ length: opts.workers }, (_, w) => worker(w)))
  return acked
}
