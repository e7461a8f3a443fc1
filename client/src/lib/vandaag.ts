import { api, call } from '../api.js'
import { datumInNederland } from './datum.js'

// "Today" as the server sees it. Dates the server checks (a contact cannot lie in the future, the
// due list) follow the server's clock, so forms take their default date from the server, not from
// the browser's clock. The list of plaatsingen answers it as `vandaag`; it is kept a few minutes.

const BEWAAR_MS = 5 * 60 * 1000
let bewaard: { datum: string; op: number } | undefined

/** Remembers the server's date from an answer that carries it (GET /api/plaatsingen). */
export function rememberVandaag(datum: string) {
  bewaard = { datum, op: Date.now() }
}

/** The server's date; the browser's Dutch date when the server cannot be asked. */
export async function serverVandaag(): Promise<string> {
  if (bewaard && Date.now() - bewaard.op < BEWAAR_MS) return bewaard.datum
  try {
    const a = await call(api.plaatsingen.$get({ query: { status: 'actief' } }))
    rememberVandaag(a.vandaag)
    return a.vandaag
  } catch {
    return datumInNederland()
  }
}
