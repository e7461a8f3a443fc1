import { describe, expect, test } from 'vitest'
import { validate, orderedErrors } from '../../client/src/lib/form-errors.js'
import {
  dagdeelStaat, deelnemerBody, deelnemerFormFrom, deelnemerLijstVelden, deelnemerVeldVolgorde, handmatigeStatussen, emptyDeelnemerForm, withStoredStatus,
  statusVolgtUitKoppeling, talenLijst, setDagdeel, withoutNullDeep,
  type DeelnemerFormState,
} from '../../client/src/lib/deelnemer-form.js'
import { deelnemerApiQuery, deelnemerQueryString, legeDeelnemerLijst, parseDeelnemerUrl } from '../../client/src/lib/deelnemer-lijst.js'
import { deelnemerInput } from '../../server/domain/deelnemer.js'
import { demoDeelnemers } from '../../server/seed/demo-deelnemers.js'
import { deelnemerBody as geldigeDeelnemer } from '../helpers.js'

function ingevuld(): DeelnemerFormState {
  return {
    ...emptyDeelnemerForm(),
    naam: 'Amina Yusuf', geboortejaar: '1991', postcode: '3312 AB', doelgroep: 'gezinsmigrant', leerroute: 'b1-route',
    geletterdheid: 'gealfabetiseerd', urenMin: '8', urenMax: '12', maxReisafstandKm: '8', fiets: true,
    beschikbareDagdelen: ['ma-ochtend', 'wo-ochtend'], taallesDagdelen: ['di-ochtend'],
  }
}

describe('het deelnemerformulier', () => {
  test('a complete form is a valid deelnemer body', () => {
    expect(validate(deelnemerInput, deelnemerBody(ingevuld())).ok).toBe(true)
  })

  test('every demo deelnemer turns into the form and back into the same body', () => {
    for (const { key: _key, ...demo } of demoDeelnemers) {
      const stored = deelnemerInput.parse(demo)
      expect(deelnemerInput.parse(deelnemerBody(deelnemerFormFrom(stored)))).toEqual(stored)
    }
  })

  test('the client finds the same errors as the server, on the same dotted paths, in Dutch, in the order of the page', () => {
    const r = validate(deelnemerInput, deelnemerBody({ ...ingevuld(), naam: '', urenMin: '16', urenMax: '12', maxReisafstandKm: 'ver' }), deelnemerLijstVelden)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.fields['urenPerWeek.max']).toBe('Het maximum aantal uren moet minstens even groot zijn als het minimum.')
    expect(r.fields['mobiliteit.maxReisafstandKm']).toMatch(/getal/)
    expect(orderedErrors(r.fields, deelnemerVeldVolgorde).map(([p]) => p)).toEqual(['naam', 'urenPerWeek.max', 'mobiliteit.maxReisafstandKm'])
  })

  test('a taalles dagdeel cannot be made free; taking the lesson away first can', () => {
    const f = ingevuld()
    expect(dagdeelStaat(f, 'di-ochtend')).toBe('taalles')
    expect(setDagdeel(f, 'di-ochtend', 'vrij')).toBe(f) // refused, unchanged
    const zonderLes = setDagdeel(f, 'di-ochtend', 'niet')
    expect(dagdeelStaat(zonderLes, 'di-ochtend')).toBe('niet')
    const vrij = setDagdeel(zonderLes, 'di-ochtend', 'vrij')
    expect(vrij.beschikbareDagdelen).toEqual(['ma-ochtend', 'di-ochtend', 'wo-ochtend']) // in week order
    expect(vrij.taallesDagdelen).toEqual([])
  })

  test('a free dagdeel that becomes taalles is no longer free, so the two lists never overlap', () => {
    let f = ingevuld()
    f = setDagdeel(f, 'wo-ochtend', 'taalles')
    expect(f.beschikbareDagdelen).toEqual(['ma-ochtend'])
    expect(f.taallesDagdelen).toEqual(['di-ochtend', 'wo-ochtend'])
    expect(validate(deelnemerInput, deelnemerBody(f)).ok).toBe(true)
  })

  test('the server’s overlap rule is found before sending, on the grid’s own path', () => {
    const r = validate(deelnemerInput, deelnemerBody({ ...ingevuld(), beschikbareDagdelen: ['di-ochtend'] }), deelnemerLijstVelden)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.fields.beschikbareDagdelen).toContain('taalles')
  })

  test('editing: cleared optional fields are sent as null, also inside wensen, and the body still validates', () => {
    const stored = deelnemerInput.parse(geldigeDeelnemer({ telefoon: '06-1234 5678', ondersteuningsbehoefte: 'Korte instructies.' }))
    const f = { ...deelnemerFormFrom(stored), telefoon: '', moedertaal: '', ondersteuningsbehoefte: '', wensberoep: '' }
    const body = deelnemerBody(f, 'patch')
    expect(body).toMatchObject({ telefoon: null, moedertaal: null, ondersteuningsbehoefte: null, wensen: { wensberoep: null } })
    const zonder = withoutNullDeep(body)
    expect(zonder).not.toHaveProperty('telefoon')
    expect(zonder.wensen).toEqual({ sectoren: ['zorg'], vormen: [] })
    expect(validate(deelnemerInput, zonder).ok).toBe(true)
  })

  test('other languages are typed as one line and sent as a list', () => {
    expect(talenLijst(' Engels, Frans ;Arabisch,, ')).toEqual(['Engels', 'Frans', 'Arabisch'])
    expect(deelnemerBody({ ...ingevuld(), andereTalen: '' }).andereTalen).toEqual([])
  })
})

describe('de deelnemerlijst in de URL', () => {
  test('a URL read and written again gives the same URL', () => {
    const url = '?q=Fatma&status=zoekend&page=2'
    expect(deelnemerQueryString(parseDeelnemerUrl(url))).toBe(url)
    expect(deelnemerQueryString(legeDeelnemerLijst)).toBe('')
  })

  test('an unknown status or page is dropped instead of breaking the page', () => {
    expect(parseDeelnemerUrl('?status=vakantie&page=-1')).toEqual(legeDeelnemerLijst)
  })

  test('the API query has the contract’s names and only what is set', () => {
    expect(deelnemerApiQuery({ q: ' Rami ', status: '', page: 1 })).toEqual({ perPage: '20', q: 'Rami' })
    expect(deelnemerApiQuery({ q: '', status: 'intake', page: 3 })).toEqual({ perPage: '20', status: 'intake', page: '3' })
  })
})

describe('de status in het formulier', () => {
  test('only intake, zoekend and uitgestroomd are set by hand; voorgesteld and geplaatst follow from a voorstel or plaatsing', () => {
    expect([...handmatigeStatussen]).toEqual(['intake', 'zoekend', 'uitgestroomd'])
    expect(['intake', 'zoekend', 'voorgesteld', 'geplaatst', 'uitgestroomd'].filter(statusVolgtUitKoppeling)).toEqual(['voorgesteld', 'geplaatst'])
  })

  test('a kept concept never changes a status that follows from a voorstel or plaatsing, and never sets one', () => {
    const concept = { ...ingevuld(), status: 'zoekend' }
    expect(withStoredStatus(concept, 'geplaatst').status).toBe('geplaatst')
    expect(deelnemerBody(withStoredStatus(concept, 'voorgesteld'), 'patch').status).toBe('voorgesteld')
    expect(withStoredStatus(concept, 'intake').status).toBe('zoekend')
    expect(withStoredStatus({ ...concept, status: 'voorgesteld' }, 'zoekend').status).toBe('zoekend')
    expect(withStoredStatus({ ...concept, status: 'geplaatst' }).status).toBe('intake')
  })
})
