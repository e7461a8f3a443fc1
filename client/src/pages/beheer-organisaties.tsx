import { useEffect, useState } from 'preact/hooks'
import { api, call, ApiError } from '../api.js'
import { Alert, Laden } from '../components/fields.js'
import { soortLabel } from '../lib/labels.js'
import { OrganisatieForm, emptyOrganisatieForm } from './organisatie.js'

type Lijst = Awaited<ReturnType<typeof load>>
const load = () => call(api.organisaties.$get({ query: { perPage: '100' } }))

export function BeheerOrganisaties() {
  const [lijst, setLijst] = useState<Lijst>()
  const [fout, setFout] = useState<string>()
  const [formKey, setFormKey] = useState(0)
  const reload = () => load().then(setLijst).catch((e) => setFout(e instanceof ApiError ? e.message : 'Laden lukte niet.'))
  useEffect(() => void reload(), [])
  return (
    <>
      <h1 class="utrecht-heading-1">Organisaties</h1>
      {fout && <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>}
      {!lijst ? !fout && <Laden /> : (
        <div class="pp-table-scroll">
          <table class="utrecht-table utrecht-table--html-table pp-table">
            <caption class="utrecht-table__caption pp-visually-hidden">Alle organisaties</caption>
            <thead class="utrecht-table__header"><tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Naam</th><th class="utrecht-table__header-cell" scope="col">Soort</th>
              <th class="utrecht-table__header-cell" scope="col">Plaats</th><th class="utrecht-table__header-cell" scope="col">Contactpersoon</th>
            </tr></thead>
            <tbody class="utrecht-table__body">
              {lijst.items.map((o) => (
                <tr class="utrecht-table__row" key={o.id}>
                  <td class="utrecht-table__cell">{o.naam}</td><td class="utrecht-table__cell">{soortLabel[o.soort]}</td>
                  <td class="utrecht-table__cell">{o.plaats}</td><td class="utrecht-table__cell">{o.contactpersoon.naam}, {o.contactpersoon.telefoon}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="utrecht-heading-2">Nieuwe organisatie</h2>
      <div style="max-width: 44rem">
        <OrganisatieForm key={formKey} start={emptyOrganisatieForm()} knop="Organisatie aanmaken" onSave={async (body) => {
          await call(api.organisaties.$post({ json: body as never }))
          await reload()
          setFormKey((k) => k + 1)
        }} />
      </div>
    </>
  )
}
