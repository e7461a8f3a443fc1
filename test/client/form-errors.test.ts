import { describe, expect, test } from 'vitest'
import { errorId, fieldId, normaliseFields, orderedErrors, validate } from '../../client/src/lib/form-errors.js'
import { getal, emptyPlekForm, plekBody, plekFormFrom, plekLijstVelden, plekVeldVolgorde, withoutNull } from '../../client/src/lib/plek-form.js'
import { plekInput } from '../../server/domain/plek.js'
import { plekBody as geldigePlek } from '../helpers.js'

function ingevuld() {
  return {
    ...emptyPlekForm(),
    titel: 'Magazijnmedewerker', omschrijving: 'Orderpicken met collega’s.', sector: 'logistiek', vorm: 'werkervaringsplek',
    postcode: '3311 AB', urenMin: '12', urenMax: '16', dagdelen: ['ma-ochtend'], capaciteit: '2',
  }
}

describe('veldfouten bij het plekformulier', () => {
  test('the client finds the same error as the server, on the same dotted path, in Dutch', () => {
    const r = validate(plekInput, plekBody({ ...ingevuld(), urenMin: '20', urenMax: '12' }), plekLijstVelden)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.fields).toEqual({ 'urenPerWeek.max': 'Het maximum aantal uren moet minstens even groot zijn als het minimum.' })
  })

  test('a complete form is a valid plek body', () => {
    expect(validate(plekInput, plekBody(ingevuld())).ok).toBe(true)
  })

  test('errors inside a list belong to the list’s input group', () => {
    expect(normaliseFields({ 'dagdelen.3': 'Onbekend dagdeel', 'urenPerWeek.max': 'x' }, plekLijstVelden)).toEqual({ dagdelen: 'Onbekend dagdeel', 'urenPerWeek.max': 'x' })
  })

  test('the server’s field paths map to input ids the page links to', () => {
    expect(fieldId('urenPerWeek.max')).toBe('veld-urenPerWeek-max')
    expect(errorId('urenPerWeek.max')).toBe('veld-urenPerWeek-max-fout')
  })

  test('the error summary lists errors in the order of the form', () => {
    const errors = orderedErrors({ 'vergoeding.bedragPerMaand': 'c', titel: 'a', 'urenPerWeek.max': 'b' }, plekVeldVolgorde)
    expect(errors.map(([p]) => p)).toEqual(['titel', 'urenPerWeek.max', 'vergoeding.bedragPerMaand'])
  })

  test('what the user typed is kept as text; numbers are converted only when sending', () => {
    expect(getal(' 12 ')).toBe(12)
    expect(getal('12,5')).toBe(12.5)
    expect(getal('')).toBeUndefined()
    expect(getal('twaalf')).toBe('twaalf') // zod then names the mistake instead of the form eating it
  })

  test('a stored plek turns into the form and back into the same body', () => {
    const stored = plekInput.parse(geldigePlek())
    const body = plekBody(plekFormFrom(stored as never))
    expect(plekInput.parse(body)).toEqual(stored)
  })

  test('editing: a cleared optional field is sent as null (merge patch removes it) and still validates', () => {
    const body = plekBody({ ...ingevuld(), beroep: '' }, 'patch')
    expect(body.beroep).toBeNull()
    expect(validate(plekInput, withoutNull(body)).ok).toBe(true)
  })
})
