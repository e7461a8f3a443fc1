import { hc, type ClientResponse } from 'hono/client'
import type { AppType } from '../../server/app.js'

// Typed calls to the API: the paths, queries, bodies and answers come from the server's own route
// table (AppType is a type-only import, so no server code enters the bundle).

/** An error answer of the API, in the contract's shape `{ error: { code, message, fields? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
  }
}

let onUnauthorized: () => void = () => {}
/** Called on any 401 (an expired session): the app sends the user to the login page and back. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler
}

const client = hc<AppType>('/', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers) // hc sets Content-Type: application/json for a json body
    headers.set('accept', 'application/json')
    return fetch(input, { ...init, credentials: 'same-origin', headers })
  },
})
export const api = client.api

type Ok<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 200 | 201 ? T : never) : never

/**
 * Awaits a typed call: the success body, or an ApiError. A 401 also calls the unauthorized
 * handler, unless `allow401` (the login form and the session check handle it themselves).
 */
export async function call<R extends ClientResponse<unknown, number, string>>(request: Promise<R>, opts: { allow401?: boolean } = {}): Promise<Ok<R>> {
  let res: R
  try {
    res = await request
  } catch {
    throw new ApiError(0, 'netwerk', 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.')
  }
  if (res.ok) {
    if (res.status === 204) return undefined as Ok<R>
    return (await res.json()) as Ok<R>
  }
  const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined
  const error = new ApiError(
    res.status,
    body?.error?.code ?? 'onbekend',
    body?.error?.message ?? `Er ging iets mis (status ${res.status}). Probeer het later opnieuw.`,
    body?.error?.fields ?? {},
  )
  if (res.status === 401 && !opts.allow401) onUnauthorized()
  throw error
}
