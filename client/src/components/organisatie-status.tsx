import { api, call } from '../api.js'
import { gebruiker } from '../session.js'
import { useLoad } from '../lib/use-load.js'
import { Alert } from './fields.js'

// Why a werkgever cannot publish yet (docs/aanmelden.md): shown above their plekken and their
// organisatie as long as the gemeente has not approved the organisatie.

export function OrganisatieStatusMelding({ status }: { status: string | undefined }) {
  if (status === 'aangemeld')
    return (
      <Alert type="info">
        <p class="utrecht-paragraph"><strong>De gemeente controleert uw aanmelding.</strong> U kunt al plekken maken en als concept bewaren. Publiceren kan pas als de gemeente uw organisatie heeft goedgekeurd. U krijgt daarover een e-mail.</p>
      </Alert>
    )
  if (status === 'afgewezen') return <Alert type="warning" tekst="De gemeente heeft de aanmelding van uw organisatie afgewezen. Daarom kunt u geen plekken publiceren." />
  return null
}

/** The melding for the logged-in werkgever's own organisatie (nothing for other roles). */
export function EigenOrganisatieStatus() {
  const id = gebruiker.value?.rol === 'werkgever' ? gebruiker.value.organisatieId : null
  const org = useLoad((signal) => (id ? call(api.organisaties[':id'].$get({ param: { id } }, { init: { signal } })) : Promise.resolve(undefined)), [id], '')
  return <OrganisatieStatusMelding status={org.data?.status} />
}
