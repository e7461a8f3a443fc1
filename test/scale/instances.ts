import { Agent, request } from 'node:http'
import { beheerderCookie } from '../faults/server-process.js'

// Talking to one particular instance of a server started with WORKERS=N. The primary hands each
// new connection to the next worker (round robin); a connection then stays with its worker. So a
// client that keeps one connection open talks to one instance, and every answer says which one
// in its X-Instance header (server/instance.ts).

export interface Answer {
  status: number
  instance: string
  json: any
}

/** One HTTP request over `agent` (or a fresh connection); the body as JSON when it is JSON. */
export function send(base: string, method: string, path: string, opts: { agent?: Agent; cookie?: string; body?: unknown } = {}): Promise<Answer> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body)
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent: opts.agent ?? false,
        headers: {
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () => {
          let json: unknown = text
          try {
            json = JSON.parse(text)
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, instance: String(res.headers['x-instance'] ?? ''), json })
        })
      },
    )
    req.on('error', reject)
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${path}: geen antwoord binnen 15 s`)))
    req.end(body)
  })
}

/** A client that stays on one instance: one kept-alive connection. */
export interface Pinned {
  instance: string
  agent: Agent
  call(method: string, path: string, opts?: { cookie?: string; body?: unknown }): Promise<Answer>
  close(): void
}

/**
 * A client on an instance other than those in `not`: opens connections until one lands on such an
 * instance (round robin makes that the first or second try).
 */
export async function pinInstance(base: string, not: string[] = [], tries = 20): Promise<Pinned> {
  for (let i = 0; i < tries; i++) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, keepAliveMsecs: 60_000 })
    const first = await send(base, 'GET', '/api/health', { agent })
    if (first.instance && !not.includes(first.instance)) {
      const instance = first.instance
      return {
        instance,
        agent,
        async call(method, path, opts = {}) {
          const a = await send(base, method, path, { ...opts, agent })
          if (a.instance !== instance) throw new Error(`verbinding verhuisde van ${instance} naar ${a.instance}`)
          return a
        },
        close: () => agent.destroy(),
      }
    }
    agent.destroy()
  }
  throw new Error(`geen andere instantie dan ${not.join(', ')} gevonden na ${tries} verbindingen`)
}

/**
 * Polls /api/health over fresh connections until `n` different instances have answered that
 * their index is built and caught up; answers their ids.
 */
export async function waitForInstances(base: string, n: number, timeoutMs = 60_000): Promise<string[]> {
  const ready = new Set<string>()
  const until = Date.now() + timeoutMs
  let last: Answer | undefined
  while (ready.size < n) {
    last = await send(base, 'GET', '/api/health', { cookie: await beheerderCookie(base) }) // details: for a beheerder
    const h = last.json
    if (h?.zoekmachine?.index === 'klaar' && h?.outbox?.wachtend === 0 && h?.status === 'ok') ready.add(last.instance)
    if (Date.now() > until) throw new Error(`na ${timeoutMs} ms ${ready.size} van ${n} instanties klaar: ${JSON.stringify(last)}`)
    if (ready.size < n) await new Promise((r) => setTimeout(r, 50))
  }
  return [...ready]
}
