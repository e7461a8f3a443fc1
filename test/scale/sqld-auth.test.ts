import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import { describeOpenFailure, openDatabase } from '../../db/client.js'
import { call, freePort, loginAs, startServerProcess, type ServerProcess } from '../faults/server-process.js'
import { signJwt, skipSqld, sqldExecute, startSqld, type Sqld } from './sqld.js'
import { SHARED_SESSION_SECRET } from './pair.js'

// In production the libSQL server must not be open (docs/design.md): sqld with token
// authentication (an Ed25519 public key, `--auth-jwt-key-file`), and the app sending its token as
// DATABASE_AUTH_TOKEN. Start-up, migrations and the demo data work that way; without the right
// token neither the app nor anyone else gets in, and the app says so in one line (no stack trace).

let sqld: Sqld
const running: ServerProcess[] = []

describe.skipIf(skipSqld)('sqld with token authentication', () => {
  beforeAll(async () => {
    sqld = await startSqld({ auth: true })
  })
  afterAll(async () => {
    for (const s of running) await s.kill('SIGKILL')
    await sqld?.stop()
  })

  it('refuses a request without a token, with a token of another key, or an expired one; accepts a valid one', async () => {
    const other = generateKeyPairSync('ed25519').privateKey
    expect((await sqldExecute(sqld.url, 'select 1')).status).toBe(401)
    expect((await sqldExecute(sqld.url, 'select 1', signJwt(other))).status).toBe(401)
    // (sqld allows some clock skew: a token that expired ten minutes ago)
    expect((await sqldExecute(sqld.url, 'select 1', sqld.token!({}, -600))).status).toBe(401)
    expect((await sqldExecute(sqld.url, 'select 1', sqld.token!())).status).toBe(200)
  })

  it('the app starts with its token: migrations and demo data on the protected server', async () => {
    const app = await startServerProcess(sqld.url, { DATABASE_AUTH_TOKEN: sqld.token!(), SESSION_SECRET: SHARED_SESSION_SECRET })
    running.push(app)
    const cookie = await loginAs(app.base, 'beheerder@demo.example')
    expect((await call(app.base, 'GET', '/api/health', { cookie })).json.database).toEqual({ ok: true })
    const plekken = await call(app.base, 'GET', '/api/plekken?limit=1', { cookie })
    expect(plekken.status).toBe(200)
    expect(plekken.json.total).toBeGreaterThan(0)
    const { rows } = await sqldExecute(sqld.url, 'select count(*) from __drizzle_migrations', sqld.token!())
    expect(Number(rows[0]![0])).toBeGreaterThan(0)
  })

  it('the app does not start without the token, with a token of another key, or with an unreachable server: one Dutch line, exit 1', async () => {
    // what an operator sees: the real process, its whole output
    const startFails = (url: string, env: Record<string, string>) =>
      startServerProcess(url, env, 30_000).then(
        (s) => (running.push(s), 'gestart'),
        (e: unknown) => String(e instanceof Error ? e.message : e),
      )
    const other = generateKeyPairSync('ed25519').privateKey
    const [zonder, fout, weg] = await Promise.all([
      startFails(sqld.url, { DATABASE_AUTH_TOKEN: '' }),
      startFails(sqld.url, { DATABASE_AUTH_TOKEN: signJwt(other) }),
      startFails(`http://127.0.0.1:${await freePort()}`, {}),
    ])
    const host = new URL(sqld.url).host
    const expected = [
      [zonder, `De libSQL-server ${host} (DATABASE_URL) vraagt om een token: zet DATABASE_AUTH_TOKEN (HTTP 401).`],
      [fout, `De libSQL-server ${host} (DATABASE_URL) weigert het token in DATABASE_AUTH_TOKEN (HTTP 401): het is ongeldig, verlopen of getekend met een andere sleutel dan de server kent.`],
    ] as const
    for (const [output, line] of expected) {
      const [first, ...rest] = output.split('\n')
      expect(first).toBe('server stopte bij het starten (code 1, signaal null):')
      // one line, no stack trace, no statement
      expect(rest.join('\n').trim()).toBe(line)
    }
    expect(weg).toMatch(/^server stopte bij het starten \(code 1, signaal null\):\nDe database 127\.0\.0\.1:\d+ \(DATABASE_URL\) is niet bereikbaar \(ECONNREFUSED\): controleer het adres en of de libSQL-server draait\.\n?$/)
    // the same in this process: the driver's error and what describeOpenFailure makes of it
    const token = signJwt(other)
    const reden = await openDatabase(sqld.url, token).then(
      (db) => (db.close(), 'geopend'),
      (e: unknown) => describeOpenFailure(e, sqld.url, token),
    )
    expect(reden).toBe(expected[1][1])
  })
})
