import { useState } from 'preact/hooks'
import { api, call } from '../api.js'
import { uitnodigingInput } from '../../../server/domain/aanmelding.js'
import { Alert, Button, ErrorSummary, Laden, TextField } from './fields.js'
import { OrganisatieAccounts } from './organisatie-accounts.js'
import { orderedErrors, validate } from '../lib/form-errors.js'
import { useLoad } from '../lib/use-load.js'
import { useSave } from '../lib/use-save.js'

// The werkgever's colleagues (docs/aanmelden.md "Collega's"): who has an account, and an invitation
// by e-mail once the gemeente approved the organisatie.

export function Collegas({ organisatieId, goedgekeurd }: { organisatieId: string; goedgekeurd: boolean }) {
  const lijst = useLoad((signal) => call(api.organisaties[':id'].gebruikers.$get({ param: { id: organisatieId } }, { init: { signal } })), [organisatieId], 'De collega’s konden niet geladen worden.')
  const [email, setEmail] = useState('')
  const [naam, setNaam] = useState('')
  const [klaar, setKlaar] = useState<string>()
  const { fields, message, pogingen, busy, save } = useSave()
  async function submit(e: Event) {
    e.preventDefault()
    setKlaar(undefined)
    const body = { email: email.trim(), ...(naam.trim() ? { naam } : {}) }
    if (await save(validate(uitnodigingInput, body), async () => setKlaar((await call(api.uitnodigingen.$post({ json: body }))).bericht))) {
      setEmail('')
      setNaam('')
      lijst.reload()
    }
  }
  return (
    <section class="pp-collegas" aria-labelledby="collegas-kop">
      <h2 class="utrecht-heading-2" id="collegas-kop">Collega’s</h2>
      {lijst.fout && <Alert type="error" tekst={lijst.fout.message} />}
      {!lijst.data ? !lijst.fout && <Laden /> : <OrganisatieAccounts items={lijst.data.items} />}
      {!goedgekeurd ? (
        <p class="utrecht-paragraph">Collega’s uitnodigen kan nadat de gemeente uw organisatie heeft goedgekeurd.</p>
      ) : (
        <form class="pp-form" onSubmit={submit} noValidate>
          <h3 class="utrecht-heading-3">Collega uitnodigen</h3>
          <ErrorSummary errors={orderedErrors(fields, ['email', 'naam'])} message={message} focusKey={pogingen} />
          <TextField path="email" label="E-mailadres van uw collega" type="email" value={email} onValue={setEmail} error={fields.email} required input={{ autoComplete: 'off' }} description="Uw collega krijgt een e-mail met een link. De link werkt 7 dagen." />
          <TextField path="naam" label="Naam van uw collega" value={naam} onValue={setNaam} error={fields.naam} required={false} />
          <div aria-live="polite" class="pp-status-line">{klaar && <Alert type="ok" tekst={klaar} />}</div>
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig…' : 'Uitnodiging sturen'}</Button>
        </form>
      )}
    </section>
  )
}
