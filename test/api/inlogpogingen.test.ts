import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ACCOUNT_CURVE, ADRES_CURVE, delayAfter, loginKeys, PAIR_CURVE, takeLoginAttempt } from '../../server/auth/rate-limit.js'
import { testApp, WACHTWOORD, type TestApp } from '../helpers.js'

// Guessing is slowed, nobody is locked out (docs/security.md "Inlogpogingen").

let t: TestApp
beforeEach(async () => {
  t = await testApp({ TRUST_PROXY: 'true' })
})
afterEach(() => t.close())

const from = (adres: string) => ({ 'x-forwarded-for': adres })
const attempt = (email: string, wachtwoord: string, adres = '203.0.113.7') => t.request('POST', '/api/sessie', { headers: from(adres), body: { email, wachtwoord } })

/** Wrong passwords for one account from one address, each after the wait the previous one asked for. */
async function guess(email: string, times: number, adres = '203.0.113.7') {
  const waits: number[] = []
  for (let i = 0; i < times; i++) {
    let r = await attempt(email, `fout-${i}-wachtwoord`, adres)
    if (r.status === 429) {
      const s = Number(r.headers.get('retry-after'))
      waits.push(s)
      t.clock.advance(s * 1000)
      r = await attempt(email, `fout-${i}-wachtwoord`, adres)
    }
    expect(r.status).toBe(401)
  }
  return waits
}

describe('simultaneous attempts', () => {
  it('of 50 attempts sent at once for one account, only the free ones reach the password check; the right password sent last gets 429, then works after the wait', async () => {
    const user = await t.makeUser('jobcoach')
    const bodies = Array.from({ length: 50 }, (_, i) => (i === 49 ? WACHTWOORD : `fout-${i}-wachtwoord`))
    const answers = await Promise.all(bodies.map((w) => attempt(user.email, w)))
    const statuses = answers.map((a) => a.status)
    const tally = Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length]))
    console.log(`50 simultaneous logins, 49 wrong and the right one last: ${JSON.stringify(tally)}; the right one: ${statuses[49]}`)
    expect(statuses.filter((s) => s === 401 || s === 200).length).toBeLessThanOrEqual(ACCOUNT_CURVE.free)
    expect(statuses[49]).toBe(429)
    expect(answers.filter((a) => a.status === 429).every((a) => a.json.error.code === 'te-veel-pogingen' && Number(a.headers.get('retry-after')) > 0)).toBe(true)
    t.clock.advance(Number(answers[49]!.headers.get('retry-after')) * 1000)
    expect((await attempt(user.email, WACHTWOORD)).status).toBe(200)
  })

  it('the issue’s case: 30 at once, 29 wrong and the right one last, never lets the right one in through the limit', async () => {
    const user = await t.makeUser('jobhunter')
    const statuses = (await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(user.email, i === 29 ? WACHTWOORD : `fout-${i}-wachtwoord`)))).map((a) => a.status)
    expect(statuses.filter((s) => s === 401).length).toBe(ACCOUNT_CURVE.free)
    expect(statuses[29]).toBe(429)
  })

  it('colleagues at one address who log in at the same moment all get in, also when an attempt stamped later is stored first', async () => {
    // Two instances, or a slow database server: each attempt is stamped when it starts and stored
    // a little later, so the attempt stored first can carry the later time. Under the free
    // failures that must not ask anyone to wait (it answered 429 "Wacht 1 seconde" in CI on sqld).
    const start = t.clock.now().getTime()
    t.clock.set(new Date(start + 5))
    await takeLoginAttempt(t.deps, loginKeys('werkgever@demo.example', '203.0.113.7'))
    t.clock.set(new Date(start))
    await expect(takeLoginAttempt(t.deps, loginKeys('jobhunter@demo.example', '203.0.113.7'))).resolves.toMatchObject({ ids: expect.any(Array) })
  })
})

describe('progressive delays instead of a wall', () => {
  it('the curve: free failures, then a wait that doubles up to its cap', () => {
    const waits = (c: typeof ACCOUNT_CURVE) => Array.from({ length: 20 }, (_, i) => delayAfter(c, c.free + i) / 1000)
    expect(waits(ACCOUNT_CURVE).slice(0, 6)).toEqual([5, 10, 20, 40, 60, 60])
    expect(waits(PAIR_CURVE).slice(0, 10)).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 900, 900])
    expect(delayAfter(ADRES_CURVE, ADRES_CURVE.free - 1)).toBe(0)
  })

  it('the rightful user who mistyped ten times gets in after a wait of seconds, and the failures are forgotten', async () => {
    const user = await t.makeUser('werkgever', await t.makeOrganisatie())
    await guess(user.email, 10)
    const blocked = await attempt(user.email, WACHTWOORD)
    expect(blocked.status).toBe(429)
    expect(blocked.json.error.message).toBe('Te veel mislukte inlogpogingen. Wacht 5 seconden en probeer het dan opnieuw.')
    expect(blocked.headers.get('retry-after')).toBe('5')
    t.clock.advance(5000)
    expect((await attempt(user.email, WACHTWOORD)).status).toBe(200)
    // the success cleared the account: a typing mistake afterwards costs nothing again
    expect((await attempt(user.email, 'fout-wachtwoord-1')).status).toBe(401)
    expect((await attempt(user.email, WACHTWOORD)).status).toBe(200)
  })

  it('an attacker guessing from one address waits ever longer there, while the rightful user at another address waits at most a minute', async () => {
    const user = await t.makeUser('beheerder')
    const waits = await guess(user.email, 20, '198.51.100.66')
    expect(waits).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 900, 900])
    const attacker = await attempt(user.email, 'nog-een-gok-123', '198.51.100.66')
    expect(Number(attacker.headers.get('retry-after'))).toBe(900)
    const rightful = await attempt(user.email, WACHTWOORD, '192.0.2.10')
    expect(rightful.status).toBe(429)
    expect(Number(rightful.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    t.clock.advance(60_000)
    expect((await attempt(user.email, WACHTWOORD, '192.0.2.10')).status).toBe(200)
  })

  it(`${ADRES_CURVE.free} failures from one address on many accounts slow that address by seconds, not a quarter of an hour`, async () => {
    for (let i = 0; i < ADRES_CURVE.free; i++) expect((await attempt(`iemand${i}@test.example`, 'fout-wachtwoord-1')).status).toBe(401)
    const colleague = await t.makeUser('jobcoach')
    const r = await attempt(colleague.email, WACHTWOORD)
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('5')
    t.clock.advance(5000)
    expect((await attempt(colleague.email, WACHTWOORD)).status).toBe(200)
  })

  it('failures older than a day no longer count', async () => {
    const user = await t.makeUser('jobhunter')
    await guess(user.email, 12)
    t.clock.advance(24 * 60 * 60 * 1000 + 1000)
    expect((await attempt(user.email, 'fout-wachtwoord-2')).status).toBe(401)
  })
})
