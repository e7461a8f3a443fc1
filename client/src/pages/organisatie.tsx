import { useEffect, useState } from 'preact/hooks'
import { api, call, ApiError } from '../api.js'
import { gebruiker } from '../session.js'
import { organisatieInput } from '../../../server/domain/organisatie.js'
import { organisatieSoorten } from '../../../server/domain/enums.js'
import { Alert, Button, ErrorSummary, Laden, Section, SelectField, TextField } from '../components/fields.js'
import { orderedErrors, validate } from '../lib/form-errors.js'
import { useSave } from '../lib/use-save.js'
import { soortLabel } from '../lib/labels.js'
import { Collegas } from '../components/collegas.js'
import { OrganisatieStatusMelding } from '../components/organisatie-status.js'

export interface OrganisatieFormState {
  naam: string; soort: string; postcode: string; plaats: string; kvkNummer: string
  contactNaam: string; contactEmail: string; contactTelefoon: string
}
export const emptyOrganisatieForm = (): OrganisatieFormState => ({ naam: '', soort: 'werkgever', postcode: '', plaats: '', kvkNummer: '', contactNaam: '', contactEmail: '', contactTelefoon: '' })
const volgorde = ['naam', 'soort', 'postcode', 'plaats', 'kvkNummer', 'contactpersoon.naam', 'contactpersoon.email', 'contactpersoon.telefoon']

export function organisatieBody(f: OrganisatieFormState) {
  return {
    naam: f.naam, soort: f.soort, postcode: f.postcode,
    ...(f.plaats.trim() ? { plaats: f.plaats } : {}),
    ...(f.kvkNummer.trim() ? { kvkNummer: f.kvkNummer.trim() } : {}),
    contactpersoon: { naam: f.contactNaam, email: f.contactEmail, telefoon: f.contactTelefoon },
  }
}

/** The organisatie form, for a werkgever's own organisatie and for the beheerder. */
export function OrganisatieForm({ start, knop, onSave }: { start: OrganisatieFormState; knop: string; onSave: (body: ReturnType<typeof organisatieBody>) => Promise<void> }) {
  const [f, setF] = useState(start)
  const { fields, message, pogingen, busy, save } = useSave()
  const [klaar, setKlaar] = useState(false)
  const set = (k: keyof OrganisatieFormState) => (v: string) => setF((o) => ({ ...o, [k]: v }))

  async function submit(e: Event) {
    e.preventDefault()
    setKlaar(false)
    const body = organisatieBody(f)
    if (await save(validate(organisatieInput, body), () => onSave(body))) setKlaar(true)
  }
  return (
    <form class="pp-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={orderedErrors(fields, volgorde)} message={message} focusKey={pogingen} />
      <Section legend="Organisatie">
        <TextField path="naam" label="Naam" value={f.naam} onValue={set('naam')} error={fields.naam} required input={{ autoComplete: 'organization' }} />
        <SelectField path="soort" label="Soort organisatie" value={f.soort} onValue={set('soort')} options={organisatieSoorten.map((s) => [s, soortLabel[s] ?? s] as const)} error={fields.soort} />
        <div class="pp-grid-2">
          <TextField path="postcode" label="Postcode" size="postcode" value={f.postcode} onValue={set('postcode')} error={fields.postcode} required input={{ autoComplete: 'postal-code' }} />
          <TextField path="plaats" label="Plaats" value={f.plaats} onValue={set('plaats')} error={fields.plaats} required={false} description="Leeg laten: de plaats van de postcode" />
        </div>
        <TextField path="kvkNummer" label="KvK-nummer" size="numeric" input={{ inputMode: 'numeric' }} value={f.kvkNummer} onValue={set('kvkNummer')} error={fields.kvkNummer} required={false} />
      </Section>
      <Section legend="Contactpersoon">
        <TextField path="contactpersoon.naam" label="Naam" value={f.contactNaam} onValue={set('contactNaam')} error={fields['contactpersoon.naam']} required input={{ autoComplete: 'name' }} />
        <TextField path="contactpersoon.email" label="E-mailadres" type="email" value={f.contactEmail} onValue={set('contactEmail')} error={fields['contactpersoon.email']} required input={{ autoComplete: 'email' }} />
        <TextField path="contactpersoon.telefoon" label="Telefoonnummer" type="tel" size="tel" value={f.contactTelefoon} onValue={set('contactTelefoon')} error={fields['contactpersoon.telefoon']} required input={{ autoComplete: 'tel' }} />
      </Section>
      <div aria-live="polite" class="pp-status-line">{klaar && <Alert type="ok" tekst="De organisatie is opgeslagen." />}</div>
      <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig met opslaan…' : knop}</Button>
    </form>
  )
}

export function OrganisatieEigen() {
  const id = gebruiker.value?.organisatieId
  const [start, setStart] = useState<OrganisatieFormState>()
  const [status, setStatus] = useState<string>()
  const [fout, setFout] = useState<string>()
  useEffect(() => {
    if (!id) return
    call(api.organisaties[':id'].$get({ param: { id } }))
      .then((o) => (setStatus(o.status), o))
      .then((o) => setStart({ naam: o.naam, soort: o.soort, postcode: o.postcode, plaats: o.plaats, kvkNummer: o.kvkNummer ?? '', contactNaam: o.contactpersoon.naam, contactEmail: o.contactpersoon.email, contactTelefoon: o.contactpersoon.telefoon }))
      .catch((e) => setFout(e instanceof ApiError ? e.message : 'De organisatie kon niet geladen worden.'))
  }, [id])
  return (
    <div style="max-width: 44rem">
      <h1 class="utrecht-heading-1">Organisatie</h1>
      <p class="utrecht-paragraph">Jobhunters bellen de contactpersoon als zij een deelnemer voor uw plek hebben.</p>
      <OrganisatieStatusMelding status={status} />
      {fout && <Alert type="error" tekst={fout} />}
      {!start ? !fout && <Laden /> : (
        <OrganisatieForm start={start} knop="Organisatie opslaan" onSave={async (body) => { await call(api.organisaties[':id'].$patch({ param: { id: id! }, json: body })) }} />
      )}
      {id && status && <Collegas organisatieId={id} goedgekeurd={status === 'goedgekeurd'} />}
    </div>
  )
}
