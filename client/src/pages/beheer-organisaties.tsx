import { useState } from 'preact/hooks'
import { api, call } from '../api.js'
import { Alert, Laden } from '../components/fields.js'
import { Tabel } from '../components/tabel.js'
import { soortLabel } from '../lib/labels.js'
import { useLoad } from '../lib/use-load.js'
import { OrganisatieForm, emptyOrganisatieForm } from './organisatie.js'
import { statusLabel } from './aanmeldingen.js'
import { OrganisatieAccounts } from '../components/organisatie-accounts.js'

/** Who belongs to the organisatie: loaded when the beheerder opens it. */
function AccountsVan({ id }: { id: string }) {
  const [open, setOpen] = useState(false)
  return (
    <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Wie hoort erbij?</summary>
      {open && <AccountLijst id={id} />}
    </details>
  )
}
function AccountLijst({ id }: { id: string }) {
  const l = useLoad((signal) => call(api.organisaties[':id'].gebruikers.$get({ param: { id } }, { init: { signal } })), [id], 'De accounts konden niet geladen worden.')
  return l.fout ? <Alert type="error" tekst={l.fout.message} /> : !l.data ? <Laden /> : <OrganisatieAccounts items={l.data.items} />
}

const load = (signal: AbortSignal) => call(api.organisaties.$get({ query: { perPage: '100' } }, { init: { signal } }))

export function BeheerOrganisaties() {
  const { data: lijst, fout, reload } = useLoad(load, [], 'Laden lukte niet.')
  const [formKey, setFormKey] = useState(0)
  return (
    <>
      <h1 class="utrecht-heading-1">Organisaties</h1>
      {fout && <Alert type="error" tekst={fout.message} />}
      {!lijst ? !fout && <Laden /> : (
        <Tabel caption="Alle organisaties" kolommen={['Naam', 'Soort', 'Plaats', 'Contactpersoon', 'Accounts']}>
          {lijst.items.map((o) => (
            <tr class="utrecht-table__row" key={o.id}>
              <td class="utrecht-table__cell">{o.naam}{o.status !== 'goedgekeurd' && <div class="pp-muted">{statusLabel[o.status]}</div>}</td><td class="utrecht-table__cell">{soortLabel[o.soort]}</td>
              <td class="utrecht-table__cell">{o.plaats}</td><td class="utrecht-table__cell">{o.contactpersoon.naam}, {o.contactpersoon.telefoon}</td>
              <td class="utrecht-table__cell"><AccountsVan id={o.id} /></td>
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
