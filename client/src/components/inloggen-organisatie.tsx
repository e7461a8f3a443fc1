import { useEffect, useState } from 'preact/hooks'
import { api, call } from '../api.js'
import { Alert } from './fields.js'
import { isOidcFout, oidcFouten } from '../../../server/domain/inloggen-fouten.js'
import { markOidcLogin, takeOidcLogout } from '../session.js'

// The part of the login page for gemeente staff who sign in through their organisation (OpenID
// Connect): the button (only when the server has it configured), why an attempt was refused
// (/inloggen?fout=<code>), and after logging out the provider's own logout.

export interface Inlogopties {
  oidc: boolean
  uitloggenUrl?: string
  /** Whether organisaties can register here (only with e-mail configured). */
  aanmelden: boolean
}

let gevraagd: Promise<Inlogopties> | undefined
/** GET /api/inlogopties, asked once per page load (the login page and Plekken aanbieden share it). */
export const loadInlogopties = () => (gevraagd ??= call(api.inlogopties.$get()).catch(() => ({ oidc: false, aanmelden: true })))

/** The options once they are known (undefined before). */
export function useInlogopties(): Inlogopties | undefined {
  const [opties, setOpties] = useState<Inlogopties>()
  useEffect(() => void loadInlogopties().then(setOpties), [])
  return opties
}

export function InloggenViaOrganisatie({ terug, fout }: { terug?: string; fout?: string }) {
  const opties = useInlogopties()
  const [uitgelogd] = useState(takeOidcLogout)
  const start = `/api/oidc/start${terug ? `?terug=${encodeURIComponent(terug)}` : ''}`
  return (
    <>
      {isOidcFout(fout) && <Alert type="error" tekst={oidcFouten[fout]} />}
      {uitgelogd && opties?.uitloggenUrl && (
        <Alert type="info">
          <p class="utrecht-paragraph">
            U bent uitgelogd. Bij uw organisatie bent u misschien nog ingelogd.{' '}
            <a class="utrecht-link" href={opties.uitloggenUrl}>Ook bij uw organisatie uitloggen</a>
          </p>
        </Alert>
      )}
      {opties?.oidc && (
        <section class="pp-stack" aria-labelledby="via-organisatie">
          <h2 class="utrecht-heading-2" id="via-organisatie">Medewerker van de gemeente?</h2>
          <p class="utrecht-paragraph">Log in met het account van uw organisatie. Werkgevers loggen hieronder in met e-mailadres en wachtwoord.</p>
          <p>
            {/* a real page load to the server (which redirects to the provider), not a route of the app */}
            <a
              class="utrecht-button utrecht-button--primary-action"
              href={start}
              onClick={(e) => {
                e.stopPropagation()
                markOidcLogin()
              }}
            >
              Inloggen via uw organisatie
            </a>
          </p>
          <h2 class="utrecht-heading-2">Inloggen met wachtwoord</h2>
        </section>
      )}
    </>
  )
}
