import { useState } from 'preact/hooks'
import { ApiError } from '../api.js'
import { sendTweedeStap, type Gebruiker, type TweedeStap } from '../session.js'
import { Alert, Button, ErrorSummary, TextField } from './fields.js'

// The login page's second step for a beheerder (TOTP): set up the app once (the key shown only
// now), then a six-digit code or a recovery code; after setting up, the recovery codes, once.

export function TweedeStapFormulier({ stap, onKlaar }: { stap: TweedeStap; onKlaar: (g: Gebruiker) => void }) {
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [pogingen, setPogingen] = useState(0)
  const [klaar, setKlaar] = useState<{ gebruiker: Gebruiker; herstelcodes: string[] }>()

  async function submit(e: Event) {
    e.preventDefault()
    setMessage(undefined)
    setBusy(true)
    try {
      const answer = await sendTweedeStap(code.trim())
      if (answer.herstelcodes) setKlaar({ gebruiker: answer.gebruiker, herstelcodes: answer.herstelcodes })
      else onKlaar(answer.gebruiker)
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : 'Controleren lukt nu niet. Probeer het later opnieuw.')
      setPogingen((n) => n + 1)
    } finally {
      setBusy(false)
    }
  }

  if (klaar) {
    return (
      <div class="pp-stack">
        <h2 class="utrecht-heading-2">Uw herstelcodes</h2>
        <p class="utrecht-paragraph">Bewaar deze codes op een veilige plek. Met elke code kunt u één keer inloggen als u uw telefoon niet bij de hand heeft. U ziet ze maar één keer.</p>
        <ul class="utrecht-unordered-list" aria-label="Herstelcodes">
          {klaar.herstelcodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Button variant="primary" onClick={() => onKlaar(klaar.gebruiker)}>
          Ik heb de codes bewaard, ga verder
        </Button>
      </div>
    )
  }

  return (
    <form class="pp-form pp-stack" onSubmit={submit} noValidate>
      <h2 class="utrecht-heading-2">Tweede stap</h2>
      {stap.instellen ? (
        <Alert type="info">
          <p class="utrecht-paragraph">
            Als beheerder logt u in met een tweede stap. Voeg Participatieplekken toe aan een authenticator-app (bijvoorbeeld een app voor eenmalige codes op uw telefoon) met deze sleutel:
          </p>
          <p class="utrecht-paragraph">
            <code data-testid="totp-geheim">{stap.instellen.geheim}</code>
          </p>
          <p class="utrecht-paragraph">
            Op deze computer kunt u ook <a class="utrecht-link" href={stap.instellen.otpauthUrl}>de app direct openen</a>. Vul daarna de code van zes cijfers in.
          </p>
        </Alert>
      ) : (
        <p class="utrecht-paragraph">Vul de code van zes cijfers uit uw authenticator-app in. Heeft u uw telefoon niet bij de hand? Gebruik dan een herstelcode.</p>
      )}
      <ErrorSummary errors={[]} message={message} focusKey={pogingen} />
      <TextField path="code" label="Code" value={code} onValue={setCode} required input={{ autoComplete: 'one-time-code', inputMode: 'numeric' }} />
      <Button type="submit" variant="primary" busy={busy} disabled={busy}>
        {busy ? 'Bezig met controleren…' : 'Controleren en inloggen'}
      </Button>
    </form>
  )
}
