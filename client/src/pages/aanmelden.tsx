import { useState } from 'preact/hooks'
import { api, call, ApiError } from '../api.js'
import { aanmeldingInput, accepteerInput } from '../../../server/domain/aanmelding.js'
import { organisatieSoorten, soortenMetKvk } from '../../../server/domain/enums.js'
import { Alert, Button, ErrorSummary, Laden, Section, SelectField, TextField } from '../components/fields.js'
import { orderedErrors, validate } from '../lib/form-errors.js'
import { useSave } from '../lib/use-save.js'
import { useLoad } from '../lib/use-load.js'
import { soortLabel } from '../lib/labels.js'
import { useInlogopties } from '../components/inloggen-organisatie.js'

// "Plekken aanbieden" (docs/aanmelden.md): the public registration form and the two pages the
// e-mail links open. No login; the form keeps everything typed on any error (state is only ever
// replaced by the user).

const token = () => new URLSearchParams(typeof location === 'undefined' ? '' : location.search).get('token') ?? ''

interface Form {
  naam: string; soort: string; kvkNummer: string; postcode: string; plaats: string
  contactNaam: string; telefoon: string; email: string; wachtwoord: string; website: string
}
const leeg: Form = { naam: '', soort: '', kvkNummer: '', postcode: '', plaats: '', contactNaam: '', telefoon: '', email: '', wachtwoord: '', website: '' }
const volgorde = ['naam', 'soort', 'kvkNummer', 'postcode', 'plaats', 'contactpersoon.naam', 'contactpersoon.telefoon', 'email', 'wachtwoord']
const metKvk = (soort: string) => (soortenMetKvk as readonly string[]).includes(soort)

function body(f: Form) {
  return {
    naam: f.naam, soort: f.soort, postcode: f.postcode,
    ...(f.kvkNummer.trim() ? { kvkNummer: f.kvkNummer.replace(/\s/g, '') } : {}),
    ...(f.plaats.trim() ? { plaats: f.plaats } : {}),
    contactpersoon: { naam: f.contactNaam, telefoon: f.telefoon },
    email: f.email.trim(), wachtwoord: f.wachtwoord,
    ...(f.website ? { website: f.website } : {}),
  }
}

export function Aanmelden() {
  const opties = useInlogopties()
  const [f, setF] = useState(leeg)
  const [bericht, setBericht] = useState<string>()
  const { fields, message, pogingen, busy, save } = useSave([], 'Aanmelden lukt nu niet. Probeer het later opnieuw.')
  const set = (k: keyof Form) => (v: string) => setF((o) => ({ ...o, [k]: v }))

  async function submit(e: Event) {
    e.preventDefault()
    const b = body(f)
    await save(validate(aanmeldingInput, b), async () => setBericht((await call(api.aanmeldingen.$post({ json: b as never }), { allow401: true })).bericht))
  }

  if (bericht)
    return (
      <div class="pp-aanmelden">
        <h1 class="utrecht-heading-1">Kijk in uw e-mail</h1>
        <Alert type="ok" tekst={bericht} />
        <p class="utrecht-paragraph">
          Daarna kunt u <a class="utrecht-link" href="/inloggen">inloggen</a>.
        </p>
      </div>
    )
  if (opties?.aanmelden === false)
    return (
      <div class="pp-aanmelden">
        <h1 class="utrecht-heading-1">Plekken aanbieden</h1>
        <Alert type="info">
          <p class="utrecht-paragraph">
            Aanmelden via deze website kan hier nog niet: deze installatie verstuurt geen e-mail, en zonder e-mail kunnen we uw adres niet bevestigen. Neem contact op met de gemeente; die kan uw organisatie ook zelf toevoegen.
          </p>
        </Alert>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/inloggen">Naar inloggen</a>
        </p>
      </div>
    )
  return (
    <div class="pp-aanmelden">
      <h1 class="utrecht-heading-1">Plekken aanbieden</h1>
      <p class="utrecht-paragraph">
        Heeft uw bedrijf of vrijwilligersorganisatie plaats voor iemand die Nederlands leert? Meld uw organisatie hier aan. Het kost niets.
      </p>
      <h2 class="utrecht-heading-2">Zo gaat het</h2>
      <ol class="utrecht-ordered-list">
        <li>U vult dit formulier in.</li>
        <li>U krijgt een e-mail. Klik op de link om uw e-mailadres te bevestigen.</li>
        <li>De gemeente controleert uw gegevens. U kunt intussen al plekken klaarzetten.</li>
        <li>Na goedkeuring publiceert u uw plekken.</li>
      </ol>
      <form class="pp-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={orderedErrors(fields, volgorde)} message={message} focusKey={pogingen} />
        <Section legend="Uw organisatie">
          <TextField path="naam" label="Naam van de organisatie" value={f.naam} onValue={set('naam')} error={fields.naam} required input={{ autoComplete: 'organization' }} />
          <SelectField path="soort" label="Soort organisatie" value={f.soort} onValue={set('soort')} placeholder="Kies de soort" options={organisatieSoorten.map((s) => [s, soortLabel[s] ?? s] as const)} error={fields.soort} required />
          <TextField
            path="kvkNummer" label="KvK-nummer" size="numeric" value={f.kvkNummer} onValue={set('kvkNummer')} error={fields.kvkNummer}
            required={!f.soort || metKvk(f.soort)} input={{ inputMode: 'numeric', autoComplete: 'off' }}
            description="8 cijfers. U vindt het nummer op uw uittreksel van de Kamer van Koophandel."
          />
          <div class="pp-grid-2">
            <TextField path="postcode" label="Postcode" size="postcode" value={f.postcode} onValue={set('postcode')} error={fields.postcode} required input={{ autoComplete: 'postal-code' }} />
            <TextField path="plaats" label="Plaats" value={f.plaats} onValue={set('plaats')} error={fields.plaats} required={false} input={{ autoComplete: 'address-level2' }} />
          </div>
        </Section>
        <Section legend="Contactpersoon">
          <TextField path="contactpersoon.naam" label="Uw naam" value={f.contactNaam} onValue={set('contactNaam')} error={fields['contactpersoon.naam']} required input={{ autoComplete: 'name' }} />
          <TextField path="contactpersoon.telefoon" label="Telefoonnummer" type="tel" size="tel" value={f.telefoon} onValue={set('telefoon')} error={fields['contactpersoon.telefoon']} required input={{ autoComplete: 'tel' }} description="De gemeente belt u misschien om uw aanmelding te controleren." />
        </Section>
        <Section legend="Uw account">
          <TextField path="email" label="E-mailadres" type="email" value={f.email} onValue={set('email')} error={fields.email} required input={{ autoComplete: 'email' }} description="Hier sturen we de link om uw aanmelding te bevestigen. U logt in met dit adres." />
          <TextField path="wachtwoord" label="Kies een wachtwoord" type="password" value={f.wachtwoord} onValue={set('wachtwoord')} error={fields.wachtwoord} required input={{ autoComplete: 'new-password' }} description="Minstens 12 tekens. Een zin van een paar woorden is makkelijk te onthouden." />
        </Section>
        {/* honeypot: people never see or hear this field; a robot that fills every field does */}
        <div class="pp-honingpot" aria-hidden="true">
          <label for="veld-website">Laat dit veld leeg</label>
          <input id="veld-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={f.website} onInput={(e) => set('website')((e.target as HTMLInputElement).value)} />
        </div>
        <p class="utrecht-paragraph pp-muted">
          De gemeente gebruikt uw gegevens alleen om uw aanmelding te controleren en om contact met u op te nemen over plekken. Zonder bevestiging van uw e-mailadres verwijderen we alles na 24 uur.
        </p>
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig met versturen…' : 'Aanmelden'}</Button>
      </form>
      <p class="utrecht-paragraph">
        Heeft u al een account? <a class="utrecht-link" href="/inloggen">Inloggen</a>
      </p>
    </div>
  )
}

/** /aanmelden/bevestigen?token=…: a button, not an automatic request, so a mail scanner that opens the link confirms nothing. */
export function AanmeldingBevestigen() {
  const [bezig, setBezig] = useState(false)
  const [klaar, setKlaar] = useState<string>()
  const [fout, setFout] = useState<{ code: string; message: string }>()
  const t = token()
  async function bevestig() {
    setBezig(true)
    setFout(undefined)
    try {
      setKlaar((await call(api.aanmeldingen.bevestigen.$post({ json: { token: t } }), { allow401: true })).bericht)
    } catch (e) {
      setFout(e instanceof ApiError ? e : { code: 'onbekend', message: 'Bevestigen lukt nu niet. Probeer het later opnieuw.' })
    } finally {
      setBezig(false)
    }
  }
  // a used or expired link cannot be tried again: say what to do instead
  const verder = fout?.code === 'link-gebruikt' ? ['/inloggen', 'Naar inloggen'] : fout?.code === 'link-verlopen' ? ['/aanmelden', 'Opnieuw aanmelden'] : undefined
  return (
    <div class="pp-aanmelden">
      <h1 class="utrecht-heading-1">E-mailadres bevestigen</h1>
      {klaar ? (
        <>
          <Alert type="ok" tekst={klaar} />
          <p class="utrecht-paragraph"><a class="utrecht-link" href="/inloggen">Naar inloggen</a></p>
        </>
      ) : verder ? (
        <>
          <Alert type={fout?.code === 'link-gebruikt' ? 'info' : 'error'} tekst={fout?.message} />
          <p class="utrecht-paragraph"><a class="utrecht-link" href={verder[0]}>{verder[1]}</a></p>
        </>
      ) : (
        <>
          <p class="utrecht-paragraph">Klik op de knop om uw e-mailadres te bevestigen. Daarna kan de gemeente uw aanmelding controleren.</p>
          {fout && <Alert type="error" tekst={fout.message} />}
          {!t && <Alert type="warning" tekst="Deze link is niet compleet. Gebruik de hele link uit de e-mail." />}
          <Button variant="primary" busy={bezig} disabled={!t || bezig} onClick={() => void bevestig()}>Bevestig mijn e-mailadres</Button>
        </>
      )}
    </div>
  )
}

/** /uitnodiging?token=…: a colleague chooses a name and password. */
export function Uitnodiging() {
  const t = token()
  const uitnodiging = useLoad((signal) => call(api.uitnodigingen.bekijken.$post({ json: { token: t } }, { init: { signal } }), { allow401: true }), [t], 'De uitnodiging kon niet geladen worden.')
  const [naam, setNaam] = useState<string>()
  const [wachtwoord, setWachtwoord] = useState('')
  const [klaar, setKlaar] = useState<string>()
  const { fields, message, pogingen, busy, save } = useSave()
  const u = uitnodiging.data
  async function submit(e: Event) {
    e.preventDefault()
    const b = { token: t, naam: naam ?? u?.naam ?? '', wachtwoord }
    await save(validate(accepteerInput, b), async () => setKlaar((await call(api.uitnodigingen.accepteren.$post({ json: b }), { allow401: true })).bericht))
  }
  return (
    <div class="pp-aanmelden">
      <h1 class="utrecht-heading-1">Uitnodiging</h1>
      {klaar ? (
        <>
          <Alert type="ok" tekst={klaar} />
          <p class="utrecht-paragraph"><a class="utrecht-link" href="/inloggen">Naar inloggen</a></p>
        </>
      ) : uitnodiging.fout ? (
        <Alert type="error" tekst={t ? uitnodiging.fout.message : 'Deze link is niet compleet. Gebruik de hele link uit de e-mail.'} />
      ) : !u ? (
        <Laden />
      ) : (
        <>
          <p class="utrecht-paragraph">U bent uitgenodigd om plekken van <strong>{u.organisatieNaam}</strong> aan te bieden. Kies uw naam en een wachtwoord. U logt daarna in met <strong>{u.email}</strong>.</p>
          <form class="pp-form" onSubmit={submit} noValidate>
            <ErrorSummary errors={orderedErrors(fields, ['naam', 'wachtwoord'])} message={message} focusKey={pogingen} />
            <TextField path="naam" label="Uw naam" value={naam ?? u.naam} onValue={setNaam} error={fields.naam} required input={{ autoComplete: 'name' }} />
            <TextField path="wachtwoord" label="Kies een wachtwoord" type="password" value={wachtwoord} onValue={setWachtwoord} error={fields.wachtwoord} required input={{ autoComplete: 'new-password' }} description="Minstens 12 tekens. Een zin van een paar woorden is makkelijk te onthouden." />
            <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig…' : 'Account maken'}</Button>
          </form>
        </>
      )}
    </div>
  )
}
