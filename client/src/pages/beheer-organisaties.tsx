import { useState } from 'preact/hooks'
import { api, call } from '../api.js'
import { Alert, Laden } from '../components/fields.js'
import { Tabel } from '../components/tabel.js'
import { soortLabel } from '../lib/labels.js'
import { useLoad } from '../lib/use-load.js'
import { OrganisatieForm, emptyOrganisatieForm } from './organisatie.js'

const load = (signal: AbortSignal) => call(api.organisaties.$get({ query: { perPage: '100' } }, { init: { signal } }))

export function BeheerOrganisaties() {
  const { data: lijst, fout, reload } = useLoad(load, [], 'Laden lukte niet.')
  const [formKey, setFormKey] = useState(0)
  return (
    <>
      <h1 class="utrecht-heading-1">Organisaties</h1>
      {fout && <Alert type="error" tekst={fout.message} />}
      {!lijst ? !fout && <Laden /> : (
        <Tabel caption="Alle organisaties" kolommen={['Naam', 'Soort', 'Plaats', 'Contactpersoon']}>
          {lijst.items.map((o) => (
            <tr class="utrecht-table__row" key={o.id}>
              <td class="utrecht-table__cell">{o.naam}</td><td class="utrecht-table__cell">{soortLabel[o.soort]}</td>
              <td class="utrecht-table__cell">{o.plaats}</td><td class="utrecht-table__cell">{o.contactpersoon.naam}, {o.contactpersoon.telefoon}</td>
            </tr>
          ))}
        </Tabel>
      )}
      <h2 class="utrecht-heading-2">Nieuwe organisatie</h2>
      <div style="max-width: 44rem">
        <OrganisatieForm key={formKey} start={emptyOrganisatieForm()} knop="Organisatie aanmaken" onSave={async (body) => {
          await call(api.organisaties.$post({ json: body as never }))
          reload()
          setFormKey((k) => k + 1)
        }} />
      </div>
    </>
  )
}
