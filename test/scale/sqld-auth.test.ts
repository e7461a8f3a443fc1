import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import { openDatabase } from '../../db/client.js'
import { call, loginAs, startServerProcess, type ServerProcess } from '../faults/server-process.js'
import { signJwt, skipSqld, sqldExecute, startSqld, type Sqld } from './sqld.js'
import { SHARED_SESSION_SECRET } from './pair.js'

// In production the libSQL server must not be open (docs/design.md): sqld with token
// authentication (an Ed25519 public key, `--auth-jwt-key-file`), and the app sending its token as
// DATABASE_AUTH_TOKEN. Start-up, migrations and the demo data work that way; without the right
// token neither the app nor anyone else gets in.

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
    expect((await call(app.base, 'GET', '/api/health')).json.database).toEqual({ ok: true })
    const cookie = await loginAs(app.base, 'beheerder@demo.example')
    const plekken = await call(app.base, 'GET', '/api/plekken?limit=1', { cookie })
    expect(plekken.status).toBe(200)
    expect(plekken.json.total).toBeGreaterThan(0)
    const { rows } = await sqldExecute(sqld.url, 'select count(*) from __drizzle_migrations', sqld.token!())
    expect(Number(rows[0]![0])).toBeGreaterThan(0)
  })

  it('the app does not start without the token, nor with a token of another key', async () => {
    // the real process once (what an operator sees), the same openDatabase in this process for the wrong key
    const zonder = await startServerProcess(sqld.url, { DATABASE_AUTH_TOKEN: '' }, 30_000).then(
      (s) => (running.push(s), 'gestart'),
      (e: unknown) => String(e),
    )
    expect(zonder).toMatch(/server stopte bij het starten \(code 1/)
    expect(zonder).toMatch(/401/)
    const other = generateKeyPairSync('ed25519').privateKey
    const fout = await openDatabase(sqld.url, signJwt(other)).then(
      (db) => (db.close(), 'geopend'),
      (e: { cause?: unknown }) => `${String(e)} ${String(e.cause)}`,
    )
    expect(fout).toMatch(/HTTP status 401/)
  })
})
