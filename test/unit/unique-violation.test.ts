import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../db/client.js'
import { isUniqueViolation } from '../../db/constraint.js'
import { gebruiker, voorstel } from '../../db/schema.js'

// The services map the database's verdict in a race to their own 409 (gebruikers, voorstellen);
// that rests on recognising the driver's errors, which this checks against a real libSQL database.

let database: Database
const now = '2026-11-23T09:00:00.000Z'
const account = (id: string) => ({ id, email: 'dubbel@test.example', naam: 'Dubbel', passwordHash: 'x', rol: 'jobhunter' as const, organisatieId: null as string | null, actief: true, createdAt: now, updatedAt: now })
const failure = async (p: Promise<unknown>) => p.then(() => expect.unreachable('no error'), (e: unknown) => e)

beforeAll(async () => {
  database = await openDatabase(':memory:')
})
afterAll(() => database.close())

describe('isUniqueViolation', () => {
  it('recognises a second account with the same e-mail, by constraint, also inside a transaction', async () => {
    await database.db.insert(gebruiker).values(account('a'))
    const e = await failure(database.db.insert(gebruiker).values(account('b')))
    expect(isUniqueViolation(e)).toBe(true)
    expect(isUniqueViolation(e, 'gebruiker.email')).toBe(true)
    expect(isUniqueViolation(e, 'gebruiker.naam')).toBe(false)
    const inTx = await failure(database.db.transaction(async (tx) => tx.insert(gebruiker).values(account('c'))))
    expect(isUniqueViolation(inTx, 'gebruiker.email')).toBe(true)
  })

  it('recognises the partial unique index of an open voorstel by its columns', async () => {
    // the voorstel table's own unique rule, without its foreign keys in the way
    await database.client.execute('PRAGMA foreign_keys=OFF')
    const v = (id: string) => ({ id, deelnemerId: 'd', plekId: 'p', modus: 'aanbodgericht', status: 'voorgesteld', score: 50, uitgesloten: false, criteria: [], gewichtenVersie: 'standaard', velden: [], createdBy: 'a', createdAt: now, updatedAt: now })
    await database.db.insert(voorstel).values(v('v1'))
    const e = await failure(database.db.insert(voorstel).values(v('v2')))
    await database.client.execute('PRAGMA foreign_keys=ON')
    expect(isUniqueViolation(e, 'voorstel.deelnemer_id, voorstel.plek_id')).toBe(true)
    expect(isUniqueViolation(e, 'gebruiker.email')).toBe(false)
  })

  it('is false for other failures: a foreign key, a missing table, a plain error, nothing', async () => {
    const fk = await failure(database.db.insert(gebruiker).values({ ...account('z'), email: 'ander@test.example', organisatieId: 'bestaat-niet' }))
    expect(isUniqueViolation(fk)).toBe(false)
    expect(isUniqueViolation(await failure(database.client.execute('select * from bestaat_niet')))).toBe(false)
    expect(isUniqueViolation(new Error('UNIQUE constraint failed: gebruiker.email'))).toBe(false)
    expect(isUniqueViolation(undefined)).toBe(false)
  })
})
