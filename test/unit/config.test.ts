import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { loadConfig } from '../../server/config.js'

describe('configuratie', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 3000, databaseUrl: 'file:data/participatieplek.db', demoData: true, env: 'development' })
    expect(c.meili).toBeUndefined()
  })

  it('turns demo data off in production by default and requires a session secret there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('Configuratiefout: SESSION_SECRET: is verplicht in productie')
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://plekken.gemeente.example' })
    expect(c.demoData).toBe(false)
    expect(c.totpVerplicht).toBe(true) // beheerders with a password need a second step in production
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://p.example', TOTP_VERPLICHT: 'false' }).totpVerplicht).toBe(false)
    expect(loadConfig({}).totpVerplicht).toBe(false)
  })

  it('runs one instance unless WORKERS says more', () => {
    expect(loadConfig({})).toMatchObject({ workers: 1, logMetricsSeconds: 60 })
    expect(loadConfig({ WORKERS: '4', LOG_METRICS_SECONDS: '0' })).toMatchObject({ workers: 4, logMetricsSeconds: 0 })
  })

  it('accepts a libsql:// server with a token', () => {
    const c = loadConfig({ DATABASE_URL: 'libsql://db.gemeente.example', DATABASE_AUTH_TOKEN: 'abc' })
    expect(c).toMatchObject({ databaseUrl: 'libsql://db.gemeente.example', databaseAuthToken: 'abc' })
  })

  it.each([
    [{ PORT: 'abc' }, /^Configuratiefout: PORT: .* \(nu: "abc"\)$/],
    [{ DATABASE_URL: 'postgres://x' }, /^Configuratiefout: DATABASE_URL: moet beginnen met file:/],
    [{ MEILI_URL: 'geen url' }, /^Configuratiefout: MEILI_URL: moet een URL zijn/],
    [{ DEMO_DATA: 'misschien' }, /^Configuratiefout: DEMO_DATA: /],
    [{ ADMIN_EMAIL: 'beheer@gemeente.example', ADMIN_PASSWORD: 'kort' }, /^Configuratiefout: ADMIN_PASSWORD: moet minstens 12 tekens lang zijn$/],
    [{ WORKERS: 'twee' }, /^Configuratiefout: WORKERS: moet een geheel getal van 1 tot en met 64 zijn \(het aantal instanties op deze machine\) \(nu: "twee"\)$/],
    [{ WORKERS: '0' }, /^Configuratiefout: WORKERS: moet een geheel getal van 1 tot en met 64 zijn/],
    [{ WORKERS: '2', DATABASE_URL: ':memory:' }, /^Configuratiefout: WORKERS: kan niet boven 1 met DATABASE_URL=:memory:/],
    [{ OIDC_ISSUER: 'https://login.gemeente.example', OIDC_CLIENT_ID: 'plekken' }, /^Configuratiefout: OIDC_CLIENT_SECRET: is verplicht wanneer een van OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET is gezet \(alle drie of geen\)$/],
    [{ OIDC_ISSUER: 'geen url' }, /^Configuratiefout: OIDC_ISSUER: moet de URL van de identity provider zijn/],
    [{ LOG_METRICS_SECONDS: 'vaak' }, /^Configuratiefout: LOG_METRICS_SECONDS: moet een geheel aantal seconden/],
  ])('a bad value %j names the variable in one line', (env, line) => {
    expect(() => loadConfig(env)).toThrow(line)
  })

  it('start-up with a bad value stops with exit code 1 and one clear line', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'zeventig', DATABASE_URL: ':memory:' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(res.status).toBe(1)
    expect(res.stderr.trim()).toBe('Configuratiefout: PORT: Vul hier een getal in. (nu: "zeventig")')
    expect(res.stdout).toBe('')
  })
})
