import { Cel, StatusBadge, Tabel } from './tabel.js'

// Who belongs to an organisatie (GET /api/organisaties/:id/gebruikers): the beheerder's vetting
// screen and organisatie list, and the werkgever's own colleagues.

export interface OrganisatieAccount {
  id: string
  naam: string
  email: string
  actief: boolean
  uitgenodigd: boolean
}

export function OrganisatieAccounts({ items }: { items: OrganisatieAccount[] }) {
  if (!items.length) return <p class="utrecht-paragraph">Deze organisatie heeft nog geen accounts.</p>
  return (
    <Tabel caption="Accounts van de organisatie" class="pp-table--stapel" kolommen={['Naam', 'E-mailadres', 'Status']}>
      {items.map((g) => (
        <tr class="utrecht-table__row" key={g.id}>
          <Cel label="Naam">{g.naam || '–'}</Cel>
          <Cel label="E-mailadres">{g.email}</Cel>
          <Cel label="Status">
            <StatusBadge variant={g.actief ? 'success' : 'inactive'}>{g.uitgenodigd ? 'Uitgenodigd' : g.actief ? 'Actief' : 'Uit'}</StatusBadge>
          </Cel>
        </tr>
      ))}
    </Tabel>
  )
}
