import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { runDailyJobs } from '../../server/daily-jobs.js'
import { deelnemerBody, testApp, type TestApp } from '../helpers.js'

// The error log holds what an operator needs (the error's kind, the driver's code, where it was
// thrown, the request id) and never a value from the request: a database error's message carries
// the statement's parameters (an e-mail address, a name, a password hash). Each test makes a real
// statement fail with values it chose, then reads every log line the app wrote.

let t: TestApp
let beheerder: Awaited<ReturnType<TestApp['makeUser']>>
let jobhunter: Awaited<ReturnType<TestApp['makeUser']>>

beforeEach(async () => {
  t = await testApp()
  beheerder = await t.makeUser('beheerder')
  jobhunter = await t.makeUser('jobhunter')
})
afterEach(() => t.close())

/** A table that refuses every insert (or delete), as a full disk or a bug would make a statement fail. */
const refuse = (event: 'INSERT' | 'DELETE', table: string) =>
  t.deps.db.run(sql.raw(`CREATE TRIGGER weiger_${table} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, 'geweigerd door de test'); END`))

const errorLines = () => t.logs.filter((l) => l.level === 'error')

function expectNoValues(values: string[]) {
  const everything = JSON.stringify(t.logs)
  for (const v of values) expect(everything, v).not.toContain(v)
}

describe('the error log of a failing query', () => {
  it('holds the error kind, the driver code and the request id, and none of the e-mail, name, password or hash of a new account', async () => {
    await refuse('INSERT', 'gebruiker')
    const email = 'zeldzaam.adres.4711@voorbeeld.example'
    const naam = 'Wilhelmina Zeldzaam-Testnaam'
    const wachtwoord = 'Uniek-wachtwoord-ZQX-9931'
    const res = await t.request('POST', '/api/gebruikers', { cookie: beheerder.cookie, body: { email, wachtwoord, naam, rol: 'jobhunter' } })
    expect(res.status).toBe(500)
    expect(res.json).toEqual({ error: { code: 'interne-fout', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' } })

    const [line, ...rest] = errorLines()
    expect(rest).toEqual([])
    expect(line).toMatchObject({ level: 'error', error: 'DrizzleQueryError', cause: 'LibsqlError', code: 'SQLITE_CONSTRAINT_TRIGGER' })
    expect(line!.req).toBe(res.headers.get('x-request-id'))
    expect(line!.req).toMatch(/\S{8,}/)
    expect(line!.at).toBeTypeOf('string')
    // the hash is "scrypt$N$r$p$salt$hash": no part of it, nor the statement's text, is in any line
    expectNoValues([email, naam, wachtwoord, 'zeldzaam', 'Wilhelmina', 'scrypt$', 'insert into', 'geweigerd door de test'])
  })

  it('holds no value of a deelnemer whose dossier could not be saved', async () => {
    await refuse('INSERT', 'deelnemer')
    const body = deelnemerBody({ naam: 'Ayaan Zeldzaam-Dossier', telefoon: '06-9876 5432', werkervaring: 'Negen jaar kleermaker in Hargeisa' })
    const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body })
    expect(res.status).toBe(500)
    expect(errorLines()).toHaveLength(1)
    expect(errorLines()[0]).toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER', req: res.headers.get('x-request-id') })
    expectNoValues(['Ayaan', 'Zeldzaam', '06-9876 5432', 'Hargeisa', 'kleermaker', 'Somalisch', '3312 AB'])
  })
})

describe('the error log of a failing daily job', () => {
  it('names the job, the error kind and code, and no value of the statement', async () => {
    await refuse('DELETE', 'sessie')
    t.clock.set('2026-11-24T09:00:00.000Z') // the sessions of beforeEach have expired: there is something to delete
    await runDailyJobs(t.deps)
    const [line, ...rest] = errorLines()
    expect(rest).toEqual([])
    expect(line).toMatchObject({ event: 'sessies-opruimen-mislukt', error: 'DrizzleQueryError', code: 'SQLITE_CONSTRAINT_TRIGGER' })
    expectNoValues(['geweigerd door de test', 'delete from', 'expires_at'])
  })
})
