import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { readAnswer, type Answer } from '../answer.js'

// The real server (`node --import tsx server/main.ts`) as a child process on a given database file:
// what the fault tests kill with SIGKILL and what the load benchmark measures. The client side is
// plain fetch with the session cookie; a fresh Origin-less request is not from a browser and passes
// the CSRF check (server/auth/middleware.ts).

export const DEMO_WACHTWOORD = 'Welkom-demo-2026'
const root = fileURLToPath(new URL('../../', import.meta.url))

/** A port that was free a moment ago (the config refuses PORT=0, so we pick one ourselves). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

export interface ServerProcess {
  base: string
  child: ChildProcess
  pid: number
  /** Everything the server printed (stdout and stderr), for failure messages. */
  output: () => string
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Starts the server on `file` and resolves when it listens. The embedded index is still being
 * rebuilt then; `waitForIndex` waits until /api/health says it is ready and the outbox is empty.
 * `file` may also be a libSQL server URL (`http://127.0.0.1:PORT`, test/scale/sqld.ts); then pass
 * its token as `DATABASE_AUTH_TOKEN` in `env`. `DEMO_DATA: 'false'` starts without demo data.
 */
export async function startServerProcess(file: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort()
    try {
      return await launch(file, port, env, timeoutMs)
    } catch (e) {
      // someone else took the port between freePort() and listen(): try another one
      if (attempt < 3 && e instanceof Error && e.message.includes('al in gebruik')) continue
      throw e
    }
  }
}

async function launch(file: string, port: number, env: Record<string, string>, timeoutMs: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: /^(https?|wss?|libsql):\/\//.test(file) ? file : `file:${file}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'true',
      SKIP_CLIENT_BUILD: 'true',
      LOG_REQUESTS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server start duurde langer dan ${timeoutMs} ms:\n${out}`)), timeoutMs)
    const onData = (b: Buffer) => {
      out += b.toString()
      if (out.includes('draait op http://')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()))
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server stopte bij het starten (code ${code}, signaal ${signal}):\n${out}`))
    })
  })
  // keep draining the pipes so the child never blocks on a full pipe
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    pid: child.pid!,
    output: () => out,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}

/** A JSON request with an optional session cookie; network errors are thrown. A body that is not JSON comes back as text in `json`. */
export async function call(base: string, method: string, path: string, opts: { cookie?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (opts.cookie) headers.cookie = opts.cookie
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) })
  return readAnswer(res, (text) => text)
}

/**
 * Does what a client should do with a 503 that carries Retry-After (the database was busy, e.g. a
 * killed instance's transaction still held sqld's write lock): wait as asked, at most a second at a
 * time, and send the request again, for up to `maxMs`. A 503 means nothing was written. Any other
 * answer, or a 503 without Retry-After, is returned as it is.
 */
export async function retryWhileBusy(send: () => Promise<Answer>, maxMs = 20_000): Promise<Answer & { retries: number }> {
  const until = Date.now() + maxMs
  for (let retries = 0; ; retries++) {
    const res = await send()
    const after = Number(res.headers.get('retry-after'))
    if (res.status !== 503 || !after || Date.now() > until) return Object.assign(res, { retries })
    await new Promise((r) => setTimeout(r, Math.min(after * 1000, 1000)))
  }
}

export async function loginAs(base: string, email: string, wachtwoord = DEMO_WACHTWOORD): Promise<string> {
  const res = await fetch(`${base}/api/sessie`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, wachtwoord }) })
  if (res.status !== 200) throw new Error(`inloggen als ${email}: ${res.status} ${await res.text()}`)
  return res.headers.get('set-cookie')!.split(';')[0]!
}

/** A cookie of the demo beheerder on `base`, made once: /api/health shows its details only to a beheerder. */
const beheerderCookies = new Map<string, Promise<string>>()
export function beheerderCookie(base: string): Promise<string> {
  let cookie = beheerderCookies.get(base)
  if (!cookie) {
    beheerderCookies.set(base, (cookie = loginAs(base, 'beheerder@demo.example')))
    cookie.catch(() => beheerderCookies.delete(base))
  }
  return cookie
}

/** /api/health with its details, as the demo beheerder sees it. */
export const healthOf = async (base: string) => (await call(base, 'GET', '/api/health', { cookie: await beheerderCookie(base) })).json

/** Polls /api/health until the index is built and no change waits for it (the index has converged). */
export async function waitForIndex(base: string, timeoutMs = 30_000): Promise<any> {
  const until = Date.now() + timeoutMs
  let last: any
  for (;;) {
    last = await healthOf(base)
    if (last?.zoekmachine?.index === 'klaar' && last?.outbox?.wachtend === 0 && last?.status === 'ok') return last
    if (Date.now() > until) throw new Error(`zoekindex niet bijgewerkt binnen ${timeoutMs} ms: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The calendar date in the Netherlands today, as the server computes "vandaag". */
export const vandaagInNederland = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date())
