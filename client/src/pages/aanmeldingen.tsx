import { useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { api, call } from '../api.js'
import { afwijsInput } from '../../../server/domain/aanmelding.js'
import { Alert, Button, ErrorSummary, Laden, TextAreaField } from '../components/fields.js'
import { Cel, NaamCel, StatusBadge, Tabel } from '../components/tabel.js'
import { OrganisatieAccounts } from '../components/organisatie-accounts.js'
import { validate } from '../lib/form-errors.js'
import { useLoad } from '../lib/use-load.js'
import { useSave } from '../lib/use-save.js'
import { soortLabel } from '../lib/labels.js'

// The beheerder's vetting of self-registered organisaties (docs/aanmelden.md "Controle"): the list
// of the werkgebied, and one registration with what to check, similar organisaties and the decision.

export const statusLabel: Record<string, string> = { onbevestigd: 'Niet bevestigd', aangemeld: 'Wacht op besluit', goedgekeurd: 'Goedgekeurd', afgewezen: 'Afgewezen' }
const statusKleur: Record<string, string> = { aangemeld: 'warning', goedgekeurd: 'success', afgewezen: 'inactive' }
const datum = (iso?: string) => (iso ? new Date(iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }) : '')
const STATUSSEN = ['aangemeld', 'goedgekeurd', 'afgewezen'] as const

export function Aanmeldingen() {
  const { query } = useLocation()
  const status = (STATUSSEN as readonly string[]).includes(query.status ?? '') ? (query.status as (typeof STATUSSEN)[number]) : 'aangemeld'
  const lijst = useLoad((signal) => call(api.aanmeldingen.$get({ query: { status, perPage: '100' } }, { init: { signal } })), [status], 'De aanmeldingen konden niet geladen worden.')
  return (
    <>
      <h1 class="utrecht-heading-1">Aanmeldingen</h1>
      <p class="utrecht-paragraph">Organisaties die zich zelf aanmeldden om plekken aan te bieden, in uw werkgebied. Controleer ze voordat ze plekken publiceren.</p>
      <nav aria-label="Status" class="pp-tabs">
        <ul>
          {STATUSSEN.map((s) => (
            <li key={s}><a class="utrecht-link" href={`/aanmeldingen?status=${s}`} aria-current={s === status ? 'page' : undefined}>{statusLabel[s]}</a></li>
          ))}
        </ul>
      </nav>
      {lijst.fout && <Alert type="error" tekst={lijst.fout.message} />}
      {!lijst.data ? !lijst.fout && <Laden /> : !lijst.data.items.length ? (
        <p class="utrecht-paragraph">Er zijn geen aanmeldingen met de status „{statusLabel[status]}”.</p>
      ) : (
        <Tabel caption={`Aanmeldingen: ${statusLabel[status]}`} kolommen={['Organisatie', 'Gemeente', 'Aangemeld op', 'Status']} laden={lijst.laden}>
          {lijst.data.items.map((a) => (
            <tr class="utrecht-table__row" key={a.id}>
              <NaamCel href={`/aanmeldingen/${a.id}`} naam={a.naam} onder={`${soortLabel[a.soort] ?? a.soort} · ${a.plaats}`} />
              <Cel label="Gemeente">{a.gemeente?.naam ?? 'Geen gemeente van deze installatie'}</Cel>
              <Cel label="Aangemeld op">{datum(a.aangemeldOp)}</Cel>
              <Cel label="Status"><StatusBadge variant={statusKleur[a.status]}>{statusLabel[a.status]}</StatusBadge></Cel>
            </tr>
          ))}
        </Tabel>
      )}
    </>
  )
}

export function AanmeldingDetail() {
  const { params } = useRoute()
  const id = params.id!
  const detail = useLoad((signal) => call(api.aanmeldingen[':id'].$get({ param: { id } }, { init: { signal } })), [id], 'De aanmelding kon niet geladen worden.')
  const [reden, setReden] = useState('')
  const [afwijzen, setAfwijzen] = useState(false)
  const [klaar, setKlaar] = useState<string>()
  const besluit = useSave([], 'Dat lukt nu niet. Probeer het later opnieuw.')
  const a = detail.data

  const goedkeuren = () =>
    besluit.save({ ok: true }, async () => {
      await call(api.aanmeldingen[':id'].goedkeuren.$post({ param: { id } }))
      setKlaar('De aanmelding is goedgekeurd. De organisatie krijgt een e-mail en kan nu plekken publiceren.')
      detail.reload()
    })
  async function wijsAf(e: Event) {
    e.preventDefault()
    await besluit.save(validate(afwijsInput, { reden }), async () => {
      await call(api.aanmeldingen[':id'].afwijzen.$post({ param: { id }, json: { reden } }))
      setKlaar('De aanmelding is afgewezen. De organisatie krijgt een e-mail met uw reden; haar accounts werken niet meer.')
      setAfwijzen(false)
      detail.reload()
    })
  }

  if (detail.fout) return <><h1 class="utrecht-heading-1">Aanmelding</h1><Alert type="error" tekst={detail.fout.message} /></>
  if (!a) return <Laden />
  const kvkDubbel = a.vergelijkbaar.filter((v) => v.waarom.includes('zelfde-kvk'))
  return (
    <div class="pp-aanmelding">
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/aanmeldingen">← Alle aanmeldingen</a></p>
      <h1 class="utrecht-heading-1">{a.naam}</h1>
      <p class="utrecht-paragraph"><StatusBadge variant={statusKleur[a.status]}>{statusLabel[a.status]}</StatusBadge></p>
      <div aria-live="polite" class="pp-status-line">{klaar && <Alert type="ok" tekst={klaar} />}</div>
      {kvkDubbel.length > 0 && a.status === 'aangemeld' && (
        <Alert type="warning">
          <p class="utrecht-paragraph"><strong>Let op: dit KvK-nummer is al bekend.</strong> Bel de contactpersoon voordat u goedkeurt. Misschien heeft de organisatie al een account, of gebruikt iemand een nummer dat niet van hem is.</p>
        </Alert>
      )}
      <dl class="pp-gegevens">
        <dt>Soort</dt><dd>{soortLabel[a.soort] ?? a.soort}</dd>
        <dt>KvK-nummer</dt><dd>{a.kvkNummer ?? 'Niet opgegeven'}</dd>
        <dt>Adres</dt><dd>{a.postcode} {a.plaats}</dd>
        <dt>Gemeente</dt><dd>{a.gemeente?.naam ?? 'Geen gemeente van deze installatie'}</dd>
        <dt>Contactpersoon</dt><dd>{a.contactpersoon.naam}, <a class="utrecht-link" href={`tel:${a.contactpersoon.telefoon.replace(/[^+0-9]/g, '')}`}>{a.contactpersoon.telefoon}</a>, {a.contactpersoon.email}</dd>
        <dt>Aangemeld op</dt><dd>{datum(a.aangemeldOp)}{a.bevestigdOp ? ` (e-mailadres bevestigd op ${datum(a.bevestigdOp)})` : ''}</dd>
        {a.beoordeeldOp && <><dt>Besluit</dt><dd>{statusLabel[a.status]} op {datum(a.beoordeeldOp)} door {a.beoordeeldDoor}</dd></>}
        {a.reden && <><dt>Reden</dt><dd class="pp-pre">{a.reden}</dd></>}
      </dl>

      <h2 class="utrecht-heading-2">Lijkt op bestaande organisaties</h2>
      {!a.vergelijkbaar.length ? (
        <p class="utrecht-paragraph">Geen organisatie met hetzelfde KvK-nummer of een naam die erop lijkt.</p>
      ) : (
        <Tabel caption="Organisaties die op deze aanmelding lijken" kolommen={['Organisatie', 'KvK-nummer', 'Waarom', 'Status']}>
          {a.vergelijkbaar.map((v) => (
            <tr class="utrecht-table__row" key={v.id}>
              <Cel label="Organisatie">{v.naam}<div class="pp-muted">{v.plaats}</div></Cel>
              <Cel label="KvK-nummer">{v.kvkNummer ?? '–'}</Cel>
              <Cel label="Waarom">{v.waarom.map((w) => (w === 'zelfde-kvk' ? 'Zelfde KvK-nummer' : 'Naam lijkt erop')).join(', ')}</Cel>
              <Cel label="Status">{statusLabel[v.status]}</Cel>
            </tr>
          ))}
        </Tabel>
      )}

      <h2 class="utrecht-heading-2">Accounts</h2>
      <OrganisatieAccounts items={a.gebruikers} />

      {a.status === 'aangemeld' && (
        <>
          <h2 class="utrecht-heading-2">Wat controleert u?</h2>
          <ul class="utrecht-unordered-list">
            <li>Staat de organisatie met dit KvK-nummer, deze naam en deze plaats in het Handelsregister van de KvK?</li>
            <li>Is het e-mailadres van de organisatie zelf (niet van iemand anders)? Bel bij twijfel het telefoonnummer.</li>
            <li>Kent de gemeente de organisatie al? Kijk bij „Lijkt op bestaande organisaties”.</li>
            <li>Past de organisatie bij participatie van inburgeraars (geen uitzendbureau dat mensen doorleent, geen werk zonder begeleiding)?</li>
          </ul>
          <h2 class="utrecht-heading-2">Besluit</h2>
          <ErrorSummary errors={Object.entries(besluit.fields)} message={besluit.message} focusKey={besluit.pogingen} />
          <div class="pp-actions">
            <Button variant="primary" busy={besluit.busy && !afwijzen} disabled={besluit.busy} onClick={() => void goedkeuren()}>Goedkeuren</Button>
            <Button variant="secondary" disabled={besluit.busy} onClick={() => setAfwijzen(true)} aria-expanded={afwijzen ? 'true' : 'false'} aria-controls="afwijzen">Afwijzen…</Button>
          </div>
          {afwijzen && (
            <form id="afwijzen" class="pp-form" onSubmit={wijsAf} noValidate>
              <TextAreaField path="reden" label="Reden van afwijzen" value={reden} onValue={setReden} error={besluit.fields.reden} required rows={4} description="De organisatie krijgt deze reden per e-mail. Schrijf duidelijk wat er mis is en wat zij kan doen." />
              <div class="pp-actions">
                <Button type="submit" variant="danger" busy={besluit.busy} disabled={besluit.busy}>Afwijzen en e-mail sturen</Button>
                <Button type="button" variant="subtle" onClick={() => setAfwijzen(false)}>Annuleren</Button>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  )
}
