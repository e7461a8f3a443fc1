import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { plekInput } from '../../server/domain/plek.js'
import { organisatieInput } from '../../server/domain/organisatie.js'
import { nieuweDeelnemerInput } from '../../server/domain/deelnemer.js'
import { afwijsInput, voorstelInput } from '../../server/domain/voorstel.js'
import { beeindigInput, nazorgInput } from '../../server/domain/plaatsing.js'
import { gebruikerInput, gebruikerPatch } from '../../server/domain/gebruiker.js'
import { gewichtenWijziging } from '../../server/domain/gewichten.js'
import { importDeelnemer, importOrganisatie, importPlek } from '../../server/domain/import.js'
import { deelnemerBody, plekBody } from '../helpers.js'

// Every text value of every write body refuses control characters (server/domain/common.ts):
// the test walks a complete valid body of each schema and puts an ESC into each string in turn,
// so a text field added later without the building blocks fails here. Ids name records (a lookup
// refuses an unknown one) and are not text anyone reads; a password is hashed, never shown, and
// may hold any character.

const geenVrijeTekst = new Set(['deelnemerId', 'plekId', 'jobcoachId', 'organisatieId', 'corrigeert', 'wachtwoord'])

const bodies: [string, z.ZodType, Record<string, unknown>][] = [
  ['plek', plekInput, plekBody({ vereisten: { diploma: 'HACCP' }, beroep: 'kok' })],
  ['organisatie', organisatieInput, { naam: 'Bakkerij Zoet', soort: 'werkgever', postcode: '3311', plaats: 'Dordrecht', contactpersoon: { naam: 'Petra', email: 'petra@zoet.example', telefoon: '078-1234567' }, kvkNummer: '12345678' }],
  ['deelnemer', nieuweDeelnemerInput, deelnemerBody({ telefoon: '06-1234 5678', email: 'a@b.example', andereTalen: ['Arabisch'], ondersteuningsbehoefte: 'Korte instructies', werkervaring: 'Kok', opleiding: 'Mbo' })],
  ['voorstel', voorstelInput, { deelnemerId: 'd', plekId: 'p', modus: 'aanbodgericht', toelichting: 'Past goed.', velden: ['naam'], jobcoachId: 'j' }],
  ['afwijzing', afwijsInput, { reden: 'Past niet in het rooster.' }],
  ['nazorgcontact', nazorgInput, { datum: '2026-11-20', met: 'beiden', kanaal: 'bezoek', samenvatting: 'Goed gesprek.', acties: 'Bellen.', doorbraakbudget: { bedrag: 50, doel: 'Fiets' } }],
  ['beëindiging', beeindigInput, { einddatum: '2026-11-20', eindreden: 'verhuisd', toelichting: 'Verhuisd naar Utrecht.' }],
  ['gebruiker', gebruikerInput, { email: 'n@test.example', wachtwoord: 'Lang-genoeg-wachtwoord-1', naam: 'Nieuwe collega', rol: 'jobhunter' }],
  ['gebruiker (wijziging)', gebruikerPatch, { naam: 'Nieuwe naam' }],
  ['gewichten', gewichtenWijziging, { gewichten: { uren: 2 }, toelichting: 'Uren wegen zwaarder.' }],
  ['import: organisatie', importOrganisatie, { ref: 'o1', naam: 'Bakkerij Zoet', soort: 'werkgever', postcode: '3311', contactpersoon: { naam: 'Petra', email: 'petra@zoet.example', telefoon: '078-1234567' } }],
  ['import: plek', importPlek, { ...plekBody(), organisatieRef: 'o1' }],
  ['import: deelnemer', importDeelnemer, { ...deelnemerBody({ werkervaring: 'Kok' }), ref: 'd1' }],
]

/** Every path to a string in `value` (list items included). */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]))
  return []
}
function withValue(body: unknown, path: (string | number)[], value: string): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  if (Array.isArray(body)) return body.map((v, i) => (i === head ? withValue(v, rest, value) : v))
  return { ...(body as Record<string, unknown>), [head!]: withValue((body as Record<string, unknown>)[head!], rest, value) }
}

describe('control characters in every write body', () => {
  it.each(bodies)('%s: the valid body is accepted, and an ESC in any of its texts is refused at that field', (_naam, schema, body) => {
    expect(schema.safeParse(body).success, JSON.stringify(schema.safeParse(body).error?.issues)).toBe(true)
    const paths = stringPaths(body).filter((p) => !geenVrijeTekst.has(String(p[p.length - 1])))
    expect(paths.length).toBeGreaterThan(0)
    for (const path of paths) {
      const original = path.reduce<any>((v, k) => v[k], body) as string
      const result = schema.safeParse(withValue(body, path, `${original.slice(0, 2)}\u001b${original.slice(2)}`))
      expect(result.success, `${path.join('.')} nam een ESC aan`).toBe(false)
      expect(result.error!.issues.map((i) => i.path.join('.')), path.join('.')).toContain(path.join('.'))
    }
  })
})
