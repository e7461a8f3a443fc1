import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ApiError } from '../api.js'
import { login, startPage, safeReturnPath, gebruiker, type TweedeStap } from '../session.js'
import { Alert, Button, ErrorSummary, TextField } from '../components/fields.js'
import { validate, type FieldErrors } from '../lib/form-errors.js'
import { loginInput } from '../../../server/domain/gebruiker.js'
import { InloggenViaOrganisatie, useInlogopties } from '../components/inloggen-organisatie.js'
import { TweedeStapFormulier } from '../components/tweede-stap.js'

export function Inloggen() {
  const { query, route } = useLocation()
  const [email, setEmail] = useState('')
  const [wachtwoord, setWachtwoord] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [pogingen, setPogingen] = useState(0)
  const [stap, setStap] = useState<TweedeStap>()
  const opties = useInlogopties()
  const terug = safeReturnPath(query.terug)

  async function submit(e: Event) {
    e.preventDefault()
    setMessage(undefined)
    const v = validate(loginInput, { email, wachtwoord })
    if (!v.ok) {
      setFields({ ...(v.fields.email ? { email: 'Vul uw e-mailadres in.' } : {}), ...(v.fields.wachtwoord ? { wachtwoord: 'Vul uw wachtwoord in.' } : {}) })
      setPogingen((n) => n + 1)
      return
    }
    setFields({})
    setBusy(true)
    try {
      const g = await login(email.trim(), wachtwoord)
      if ('tweedeStap' in g) setStap(g) // a beheerder with two-step verification: the code next
      else route(terug ?? startPage(g.rol), true)
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : 'Inloggen lukt nu niet. Probeer het later opnieuw.')
      setPogingen((n) => n + 1)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="pp-narrow">
      <h1 class="utrecht-heading-1">Inloggen</h1>
      {terug && gebruiker.value === null && (
        <Alert type="info">
          <p class="utrecht-paragraph">Log in om verder te gaan. Daarna komt u terug op de pagina waar u was.</p>
        </Alert>
      )}
      {stap && <TweedeStapFormulier stap={stap} onKlaar={(g) => route(terug ?? startPage(g.rol), true)} />}
      {!stap && <InloggenViaOrganisatie terug={terug} fout={query.fout} />}
      <form class="pp-form pp-stack" onSubmit={submit} noValidate hidden={Boolean(stap)}>
        <ErrorSummary errors={Object.entries(fields)} message={message} focusKey={pogingen} />
        <TextField path="email" label="E-mailadres" type="email" value={email} onValue={setEmail} error={fields.email} required input={{ autoComplete: 'username' }} />
        <TextField path="wachtwoord" label="Wachtwoord" type="password" value={wachtwoord} onValue={setWachtwoord} error={fields.wachtwoord} required input={{ autoComplete: 'current-password' }} />
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>
          {busy ? 'Bezig met inloggen…' : 'Inloggen'}
        </Button>
      </form>
      {opties?.aanmelden && (
        <p class="utrecht-paragraph pp-aanbieden">
          Heeft u een bedrijf of vrijwilligersorganisatie met plaats voor een inburgeraar? <a class="utrecht-link" href="/aanmelden">Plekken aanbieden</a>
        </p>
      )}
    </div>
  )
}
