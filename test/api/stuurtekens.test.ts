import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { deelnemerBody, plekBody, testApp, type TestApp } from '../helpers.js'

// Control characters (issue 12): a plek title with a lone carriage return reached the jobcoach's
// iCalendar feed raw, where a calendar app read the rest as URL and ATTENDEE lines; text fields
// took ESC, BEL and bidi overrides, and a NUL cut an organisatie name short. The edge refuses them
// (server/domain/common.ts), and the feed escapes whatever is already stored.

let t: TestApp
type User = Awaited<ReturnType<TestApp['makeUser']>>
let werkgever: User, jobhunter: User, jobcoach: User, beheerder: User
let orgId: string

beforeEach(async () => {
  t = await testApp()
  orgId = await t.makeOrganisatie('Zorgcentrum De Merwe')
  werkgever = await t.makeUser('werkgever', orgId)
  jobhunter = await t.makeUser('jobhunter')
  jobcoach = await t.makeUser('jobcoach')
  beheerder = await t.makeUser('beheerder')
})
afterEach(() => t.close())

const MELDING = 'Dit veld bevat tekens die niet zijn toegestaan (zoals stuurtekens).'
const INJECTIE = 'Assistent\rURL:https://evil.example/phish\rATTENDEE;CN=Baas:mailto:baas@evil.example'
const count = async (table: string) => Number((await t.deps.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))!.n)

async function plaatsing(startdatum = '2026-11-30') {
  const p = (await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })).json.id as string
  await t.request('POST', `/api/plekken/${p}/publiceren`, { cookie: werkgever.cookie })
  const d = (await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ toestemmingDelen: true }) })).json.id
  const v = (await t.request('POST', '/api/voorstellen', { cookie: jobhunter.cookie, body: { deelnemerId: d, plekId: p, modus: 'aanbodgericht', jobcoachId: jobcoach.id } })).json.id
  const res = await t.request('POST', `/api/voorstellen/${v}/accepteren`, { cookie: werkgever.cookie, body: { startdatum } })
  expect(res.status, res.text).toBe(201)
  return { plekId: p, plaatsingId: res.json.id as string, voorstelId: v as string }
}

describe('the iCalendar feed', () => {
  it('escapes every control character of stored titles and names: no raw CR or LF other than the CRLF line ends, no injected property', async () => {
    const { plekId } = await plaatsing()
    // as a database written before the edge refused them would hold
    const titel = `${INJECTIE}\nDESCRIPTION:nep\r\nX-EXTRA:1; komma, backslash \\ esc \u001b bel \u0007 c1 \u0085 del \u007f rlo \u202e einde`
    await t.deps.db.run(sql`update plek set titel = ${titel} where id = ${plekId}`)
    await t.deps.db.run(sql`update organisatie set naam = ${'De Merwe\r\nORGANIZER:mailto:x@evil.example'} where id = ${orgId}`)
    const link = new URL((await t.request('POST', '/api/agenda', { cookie: jobcoach.cookie })).json.url).pathname
    const res = await t.app.request(link)
    expect(res.status).toBe(200)
    const ics = await res.text()

    expect(ics.endsWith('\r\n')).toBe(true)
    const lines = ics.slice(0, -2).split('\r\n')
    for (const line of lines) {
      // RFC 5545 TEXT has no raw control characters (a tab would be allowed; we write none either)
      expect(line, JSON.stringify(line)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75)
    }
    // unfolded, every property is one of ours
    const unfolded = ics.replace(/\r\n /g, '').slice(0, -2).split('\r\n')
    const names = unfolded.map((l) => l.split(/[:;]/)[0])
    expect(new Set(names)).toEqual(new Set(['BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'X-WR-CALNAME', 'X-WR-TIMEZONE', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'URL', 'TRANSP', 'END']))
    expect(unfolded.filter((l) => l.startsWith('URL:'))).toEqual([expect.stringMatching(/^URL:http:\/\/localhost\/plaatsingen\//)])
    expect(unfolded.filter((l) => l.startsWith('DESCRIPTION:'))).toHaveLength(1)
    const summary = unfolded.find((l) => l.startsWith('SUMMARY:'))!
    expect(summary).toContain('Assistent\\nURL:https://evil.example/phish\\nATTENDEE\\;CN=Baas:mailto:baas@evil.example\\nDESCRIPTION:nep\\nX-EXTRA:1\\; komma\\, backslash \\\\ esc')
    expect(summary).toContain('(De Merwe\\nORGANIZER:mailto:x@evil.example)')
  })
})

describe('control characters at the edge', () => {
  it('a plek title with a lone carriage return is refused with a 400 on titel, and nothing is written', async () => {
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ titel: INJECTIE }) })
    expect(res.status, res.text).toBe(400)
    expect(res.json.error.fields).toEqual({ titel: expect.any(String) })
    expect(await count('plek')).toBe(0)

    const p = (await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody() })).json.id
    const patch = await t.request('PATCH', `/api/plekken/${p}`, { cookie: werkgever.cookie, body: { titel: INJECTIE } })
    expect(patch.status).toBe(400)
    expect(Object.keys(patch.json.error.fields)).toEqual(['titel'])
    expect((await t.request('GET', `/api/plekken/${p}`, { cookie: werkgever.cookie })).json.titel).toBe('Magazijnmedewerker orderpicken')
  })

  const stuurtekens: [string, string][] = [
    ['ESC', '\u001b[31m'],
    ['BEL', '\u0007'],
    ['NUL', '\u0000'],
    ['DEL', '\u007f'],
    ['C1 (NEL)', '\u0085'],
    ['U+202E right-to-left override', '\u202e'],
    ['U+2066 left-to-right isolate', '\u2066'],
  ]

  it.each(stuurtekens)('%s in a single-line or multi-line text field is a 400 naming the field, in Dutch', async (_naam, teken) => {
    const { plekId, plaatsingId, voorstelId } = await plaatsing()
    const before = { plek: await count('plek'), deelnemer: await count('deelnemer'), organisatie: await count('organisatie'), gebruiker: await count('gebruiker'), nazorgcontact: await count('nazorgcontact') }
    const cases: [string, string, string, unknown, string][] = [
      [werkgever.cookie, 'POST', '/api/plekken', plekBody({ titel: `Kok${teken}` }), 'titel'],
      [werkgever.cookie, 'POST', '/api/plekken', plekBody({ omschrijving: `Je kookt.${teken}` }), 'omschrijving'],
      [werkgever.cookie, 'PATCH', `/api/plekken/${plekId}`, { vereisten: { diploma: `HACCP${teken}` } }, 'vereisten.diploma'],
      [jobhunter.cookie, 'POST', '/api/deelnemers', deelnemerBody({ naam: `Amina${teken} Yusuf` }), 'naam'],
      [jobhunter.cookie, 'POST', '/api/deelnemers', deelnemerBody({ werkervaring: `Kok${teken}` }), 'werkervaring'],
      [jobhunter.cookie, 'POST', '/api/deelnemers', deelnemerBody({ andereTalen: [`Arabisch${teken}`] }), 'andereTalen.0'],
      [beheerder.cookie, 'POST', '/api/organisaties', { naam: `Bakkerij${teken} Zoet`, soort: 'werkgever', postcode: '3311', contactpersoon: { naam: 'Petra', email: 'petra@zoet.example', telefoon: '078-1234567' } }, 'naam'],
      [beheerder.cookie, 'POST', '/api/gebruikers', { email: 'nieuw@test.example', wachtwoord: 'Lang-genoeg-wachtwoord-1', naam: `Nieuwe${teken} collega`, rol: 'jobhunter' }, 'naam'],
      [jobcoach.cookie, 'POST', `/api/plaatsingen/${plaatsingId}/nazorg`, { datum: '2026-11-30', met: 'beiden', kanaal: 'bezoek', samenvatting: `Goed gesprek.${teken}` }, 'samenvatting'],
      [werkgever.cookie, 'POST', `/api/voorstellen/${voorstelId}/afwijzen`, { reden: `Past niet.${teken}` }, 'reden'],
    ]
    for (const [cookie, method, path, body, veld] of cases) {
      const res = await t.request(method, path, { cookie, body })
      expect(res.status, `${method} ${path} ${veld}: ${res.text}`).toBe(400)
      expect(res.json.error.fields, `${method} ${path}`).toEqual({ [veld]: MELDING })
    }
    expect({ plek: await count('plek'), deelnemer: await count('deelnemer'), organisatie: await count('organisatie'), gebruiker: await count('gebruiker'), nazorgcontact: await count('nazorgcontact') }).toEqual(before)
  })

  it('a newline or tab in a single-line field (titel, naam) is refused with its own message', async () => {
    for (const titel of ['Kok\nen afwasser', 'Kok\tafwas', 'Kok\r\nafwas']) {
      const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ titel }) })
      expect(res.status).toBe(400)
      expect(res.json.error.fields).toEqual({ titel: 'Dit veld is één regel tekst: haal de regeleinden en tabs weg.' })
    }
    const naam = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam: 'Amina\nYusuf' }) })
    expect(Object.keys(naam.json.error.fields)).toEqual(['naam'])
  })

  it('a multi-line omschrijving keeps its newlines and tabs; Windows line ends become newlines', async () => {
    const omschrijving = 'Je werkt in de keuken.\r\n\r\nTaken:\n\t- groenten snijden\r\n\t- afwassen'
    const res = await t.request('POST', '/api/plekken', { cookie: werkgever.cookie, body: plekBody({ omschrijving }) })
    expect(res.status, res.text).toBe(201)
    expect(res.json.omschrijving).toBe('Je werkt in de keuken.\n\nTaken:\n\t- groenten snijden\n\t- afwassen')
    const nazorg = (await plaatsing('2026-11-20')).plaatsingId
    const contact = await t.request('POST', `/api/plaatsingen/${nazorg}/nazorg`, { cookie: jobcoach.cookie, body: { datum: '2026-11-22', met: 'beiden', kanaal: 'bezoek', samenvatting: 'Eerste dag.\nGaat goed.', acties: 'Over twee weken\nopnieuw langs.' } })
    expect(contact.status, contact.text).toBe(201)
    expect(contact.json.samenvatting).toBe('Eerste dag.\nGaat goed.')
  })

  it('ordinary text in every script stays accepted: accents, Arabic with its marks, emoji, a zero-width joiner', async () => {
    for (const naam of ['Zoë Çelik-Ağaoğlu', 'فاطمة الزهراء\u200f', 'Jürgen 👩‍👩‍👧', 'Ngô Bảo Châu']) {
      const res = await t.request('POST', '/api/deelnemers', { cookie: jobhunter.cookie, body: deelnemerBody({ naam }) })
      expect(res.status, `${naam}: ${res.text}`).toBe(201)
      expect(res.json.naam).toBe(naam)
    }
  })
})
