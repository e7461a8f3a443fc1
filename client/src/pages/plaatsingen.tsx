import { useEffect, useRef, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { api, call, ApiError } from '../api.js'
import { plaatsingStatussen } from '../../../server/domain/plaatsing.js'
import { Alert, Button, Laden } from '../components/fields.js'
import { ConfirmPanel } from '../components/confirm-panel.js'
import { MeldingRegio, useMelding } from '../components/melding.js'
import { Cel, Tabel } from '../components/tabel.js'
import { loadJobcoaches } from '../components/voorstel-dialoog.js'
import { SignaalLabel, Toewijzen } from '../components/plaatsing.js'
import { relativeDate } from '../lib/datum.js'
import { parsePlaatsingLijstUrl, plaatsingLijstQueryString, signaal, type PlaatsingLijstState } from '../lib/nazorg.js'
import { rememberVandaag } from '../lib/vandaag.js'
import { formatDatum, label, plaatsingStatusLabel } from '../lib/labels.js'
import { useAction } from '../lib/use-action.js'
import { useLoad } from '../lib/use-load.js'
import { useUrlState } from '../lib/use-url-state.js'

// The due list. A jobcoach's "Mijn plaatsingen" (their start page): every active plaatsing, the
// ones nobody heard from for 28 days first, then the overdue ones, then by next contact, as the
// API sorts them; and the link that puts the coming contacts in their own calendar. A beheerder's
// "Plaatsingen": all of them, with the jobcoach, and another jobcoach can be assigned.

type Lijst = Awaited<ReturnType<typeof load>>
type PlaatsingItem = Lijst['items'][number]
const load = ({ status, jobcoachId }: PlaatsingLijstState, signal: AbortSignal) =>
  call(api.plaatsingen.$get({ query: { status, ...(jobcoachId ? { jobcoachId } : {}) } }, { init: { signal } }))

export function MijnPlaatsingen() {
  return <PlaatsingenLijst beheer={false} />
}
export function Plaatsingen() {
  return <PlaatsingenLijst beheer />
}

function PlaatsingenLijst({ beheer }: { beheer: boolean }) {
  const { state, navigate } = useUrlState((search) => parsePlaatsingLijstUrl(search, beheer), plaatsingLijstQueryString)
  const { status } = state
  const { data: lijst, fout, laden, reload } = useLoad((signal) => load(state, signal), [status, state.jobcoachId], 'De plaatsingen konden niet geladen worden.', (l) => rememberVandaag(l.vandaag))
  const { melding, setMelding, announce, regio } = useMelding()
  const [jobcoaches, setJobcoaches] = useState<{ id: string; naam: string }[]>([])
  const [toewijzen, setToewijzen] = useState<string>()
  useEffect(() => {
    if (beheer) loadJobcoaches().then(setJobcoaches).catch(() => {})
  }, [beheer])

  const items = lijst?.items ?? []
  const stil = items.filter((p) => p.langGeenContact).length
  const achter = items.filter((p) => p.achterstallig).length
  const samenvatting = !lijst
    ? ''
    : `${items.length} ${items.length === 1 ? 'plaatsing' : 'plaatsingen'}${status === 'actief' ? ` actief; ${achter} achterstallig, ${stil} lang zonder contact` : ''}.`

  return (
    <>
      <h1 class="utrecht-heading-1">{beheer ? 'Plaatsingen' : 'Mijn plaatsingen'}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {beheer
          ? 'Alle plaatsingen met hun jobcoach. Bovenaan wie al 28 dagen niemand sprak, dan de achterstallige.'
          : 'Uw plaatsingen met het volgende contact. Bovenaan wie al 28 dagen niemand sprak, dan wie achterstallig is.'}
        {lijst && <> Vandaag is het {formatDatum(lijst.vandaag)}.</>}
      </p>
      <PlaatsingFilters state={state} jobcoaches={beheer ? jobcoaches : undefined} onKies={(next) => navigate({ ...state, ...next })} />
      <p class="pp-status-line utrecht-paragraph" role="status" aria-live="polite" id="plaatsingen-status">{laden ? 'Bezig met laden…' : samenvatting}</p>
      <MeldingRegio melding={melding} regio={regio} />
      {fout && <Alert type="error" tekst={fout.message} />}
      {!lijst ? !fout && <Laden /> : items.length === 0 ? (
        <p class="utrecht-paragraph">{status === 'actief' ? (beheer ? 'Er zijn geen actieve plaatsingen.' : 'U heeft geen actieve plaatsingen. Een plaatsing komt hier zodra een werkgever een voorstel accepteert met u als jobcoach.') : 'Geen plaatsingen met deze status.'}</p>
      ) : (
        <Tabel caption="Plaatsingen; wie het langst niets hoorde en wie achterstallig is staan bovenaan" class="pp-table--stapel pp-plaatsingen" laden={laden}
          kolommen={['Deelnemer', 'Plek', 'Volgend contact', 'Laatste contact', ...(beheer ? ['Jobcoach'] : [])]}>
          {items.map((p) => (
            <PlaatsingRij key={p.id} p={p} vandaag={lijst.vandaag} alleActief={status === 'actief'} jobcoach={beheer ? (
              <JobcoachCel p={p} jobcoaches={jobcoaches} toewijzen={toewijzen === p.id}
                onToewijzen={(aan) => { setMelding(undefined); setToewijzen(aan ? p.id : undefined) }}
                onToegewezen={(tekst) => { setToewijzen(undefined); announce(tekst); reload() }} />
            ) : undefined} />
          ))}
        </Tabel>
      )}
      {!beheer && <AgendaLink />}
    </>
  )
}

/** Status, and for a beheerder the jobcoach. */
function PlaatsingFilters({ state, jobcoaches, onKies }: { state: PlaatsingLijstState; jobcoaches?: { id: string; naam: string }[]; onKies: (next: Partial<PlaatsingLijstState>) => void }) {
  return (
    <div class="pp-row">
      <div class="utrecht-form-field pp-filter">
        <label class="utrecht-form-label" for="plaatsing-status">Status</label>
        <select id="plaatsing-status" class="utrecht-select utrecht-select--html-select" value={state.status} onChange={(e) => onKies({ status: e.currentTarget.value as PlaatsingLijstState['status'] })}>
          {plaatsingStatussen.map((s) => <option key={s} value={s}>{plaatsingStatusLabel[s]}</option>)}
          <option value="alle">Alle</option>
        </select>
      </div>
      {jobcoaches && (
        <div class="utrecht-form-field pp-filter">
          <label class="utrecht-form-label" for="plaatsing-jobcoach">Jobcoach</label>
          <select id="plaatsing-jobcoach" class="utrecht-select utrecht-select--html-select" value={state.jobcoachId} onChange={(e) => onKies({ jobcoachId: e.currentTarget.value })}>
            <option value="">Alle jobcoaches</option>
            {jobcoaches.map((j) => <option key={j.id} value={j.id}>{j.naam}</option>)}
          </select>
        </div>
      )}
    </div>
  )
}

/** One plaatsing on the due list: its flag, the plek, the next and the last contact. */
function PlaatsingRij({ p, vandaag, alleActief, jobcoach }: { p: PlaatsingItem; vandaag: string; alleActief: boolean; jobcoach?: ComponentChildren }) {
  const s = signaal(p)
  const naam = p.deelnemer?.naam ?? 'Deelnemer'
  return (
    <tr class={`utrecht-table__row pp-plaatsing pp-plaatsing--${s.soort}`} data-id={p.id} data-signaal={s.soort}>
      <td class="utrecht-table__cell">
        <a class="utrecht-link pp-plaatsing__naam" href={`/plaatsingen/${encodeURIComponent(p.id)}`}>{naam}</a>
        {s.soort !== 'op-tijd' && <div><SignaalLabel s={s} /></div>}
        {!alleActief && <div class="pp-muted">{label(plaatsingStatusLabel, p.status)}{p.einddatum ? ` op ${formatDatum(p.einddatum)}` : ''}</div>}
      </td>
      <Cel label="Plek">
        {p.plek?.titel}
        {p.plek?.organisatieNaam && <div class="pp-muted">{p.plek.organisatieNaam}</div>}
      </Cel>
      <Cel label="Volgend contact">
        {p.status === 'actief' ? <>{formatDatum(p.volgendContactOp)}<div class={p.achterstallig ? 'pp-te-laat' : 'pp-muted'}>{relativeDate(p.volgendContactOp, vandaag)}</div></> : <span class="pp-muted">—</span>}
      </Cel>
      <Cel label="Laatste contact">
        {p.laatsteContactOp ? <>{formatDatum(p.laatsteContactOp)}<div class="pp-muted">{relativeDate(p.laatsteContactOp, vandaag)}</div></> : <span class="pp-muted">Nog geen contact (gestart {formatDatum(p.startdatum)})</span>}
      </Cel>
      {jobcoach}
    </tr>
  )
}

/** The beheerder's column: the jobcoach, and handing an active plaatsing to another one. */
function JobcoachCel({ p, jobcoaches, toewijzen, onToewijzen, onToegewezen }: {
  p: PlaatsingItem; jobcoaches: { id: string; naam: string }[]; toewijzen: boolean; onToewijzen: (aan: boolean) => void; onToegewezen: (melding: string) => void
}) {
  const naam = p.deelnemer?.naam ?? 'Deelnemer'
  // the plaatsing can only go to a jobcoach of the deelnemer's gemeente: those are asked when
  // the choice opens, and "Andere jobcoach" is not offered when there is no other one at all
  const [vanGemeente, setVanGemeente] = useState<{ id: string; naam: string }[]>()
  useEffect(() => {
    if (toewijzen && p.deelnemerId) loadJobcoaches({ deelnemerId: p.deelnemerId }).then(setVanGemeente).catch(() => setVanGemeente(jobcoaches))
  }, [toewijzen])
  const keuzes = vanGemeente ?? jobcoaches
  const anderen = jobcoaches.some((j) => j.id !== p.jobcoachId)
  return (
    <Cel label="Jobcoach">
      {p.jobcoach?.naam ?? <span class="pp-muted">Geen jobcoach</span>}
      {p.status === 'actief' && anderen && (toewijzen ? (vanGemeente && !keuzes.some((j) => j.id !== p.jobcoachId) ? (
        <div role="status">
          <p class="utrecht-paragraph pp-muted">Er is geen andere jobcoach in de gemeente van {naam}.</p>
          <Button variant="subtle" onClick={() => onToewijzen(false)}>Sluiten</Button>
        </div>
      ) : !vanGemeente ? <Laden /> : (
        <Toewijzen plaatsing={{ id: p.id, jobcoachId: p.jobcoachId, naam }} jobcoaches={keuzes}
          onAnnuleer={() => onToewijzen(false)}
          onKlaar={(nieuw) => onToegewezen(`De plaatsing van ${naam} is toegewezen aan ${nieuw}.`)} />
      )) : (
        <div><Button variant="subtle" onClick={() => onToewijzen(true)} aria-label={`Plaatsing van ${naam} aan een andere jobcoach toewijzen`}>Andere jobcoach</Button></div>
      ))}
    </Cel>
  )
}

// ----------------------------------------------------------------------------- agenda

function AgendaLink() {
  const [status, setStatus] = useState<{ actief: boolean; aangemaaktOp?: string }>()
  const [link, setLink] = useState<string>()
  const [bevestig, setBevestig] = useState<'nieuw' | 'intrekken'>()
  const { melding, setMelding, announce, regio } = useMelding()
  const [laadFout, setLaadFout] = useState<string>()
  const { bezig, fout: actieFout, run } = useAction()
  const busy = bezig !== undefined
  const fout = actieFout ?? laadFout
  useEffect(() => {
    call(api.agenda.$get()).then(setStatus).catch((e) => setLaadFout(e instanceof ApiError ? e.message : 'De agenda-link kon niet geladen worden.'))
  }, [])

  const create = () => {
    setMelding(undefined)
    return run('agenda', async () => {
      const a = await call(api.agenda.$post())
      setLink(a.url)
      setStatus({ actief: true, aangemaaktOp: a.aangemaaktOp })
      setBevestig(undefined)
    }, 'Er kon geen link gemaakt worden.')
  }
  const withdraw = () =>
    run('agenda', async () => {
      await call(api.agenda.$delete())
      setLink(undefined)
      setStatus({ actief: false })
      setBevestig(undefined)
      announce('De agenda-link is ingetrokken. Uw agenda haalt geen contactmomenten meer op.')
    }, 'Intrekken lukte niet.')

  return (
    <section class="pp-card pp-agenda" aria-labelledby="agenda-titel">
      <h2 class="utrecht-heading-2" id="agenda-titel">Contactmomenten in uw eigen agenda</h2>
      <p class="utrecht-paragraph">
        Met een agenda-link ziet u de komende nazorgcontacten in Outlook, Google Agenda of de agenda van uw telefoon. Achterstallige contacten staan op vandaag.
        De agenda toont de plek en de organisatie, nooit de naam van de deelnemer.
      </p>
      <MeldingRegio melding={melding} regio={regio} />
      {fout && <Alert type="error" tekst={fout} />}
      {link ? <NieuweAgendaLink key={link} link={link} /> : status?.actief ? (
        <p class="utrecht-paragraph">U heeft een agenda-link sinds {formatDatum(status.aangemaaktOp)}. De link zelf tonen we niet opnieuw; maak een nieuwe als u hem kwijt bent.</p>
      ) : status ? (
        <p class="utrecht-paragraph">U heeft nog geen agenda-link.</p>
      ) : null}
      {status && !bevestig && (
        <div class="pp-actions">
          {status.actief
            ? <Button onClick={() => setBevestig('nieuw')} disabled={busy}>Nieuwe link maken</Button>
            : <Button variant="primary" onClick={create} busy={busy} disabled={busy}>Agenda-link maken</Button>}
          {status.actief && <Button onClick={() => setBevestig('intrekken')} disabled={busy}>Link intrekken</Button>}
        </div>
      )}
      {bevestig && (
        <ConfirmPanel id="agenda-bevestig" busy={busy} onJa={bevestig === 'nieuw' ? create : withdraw} onNee={() => setBevestig(undefined)}
          ja={bevestig === 'nieuw' ? 'Ja, nieuwe link' : 'Ja, intrekken'}
          vraag={bevestig === 'nieuw'
            ? 'Een nieuwe link maken? De huidige link werkt dan niet meer; in uw agenda moet u de nieuwe toevoegen.'
            : 'De link intrekken? Uw agenda haalt dan geen contactmomenten meer op.'} />
      )}
    </section>
  )
}

/** A link just made: shown once, selected for copying, with how to add it to a calendar. */
function NieuweAgendaLink({ link }: { link: string }) {
  const [gekopieerd, setGekopieerd] = useState(false)
  const linkVeld = useRef<HTMLInputElement>(null)
  useEffect(() => {
    linkVeld.current?.focus()
    linkVeld.current?.select()
  }, [])
  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link)
      setGekopieerd(true)
    } catch {
      linkVeld.current?.select() // no clipboard access: the link is selected, Ctrl+C does the rest
      setGekopieerd(false)
    }
  }
  return (
    <div class="pp-agenda__link">
      <label class="utrecht-form-label" for="agenda-url">Uw agenda-link</label>
      <div class="pp-row" style="align-items: center">
        <input id="agenda-url" ref={linkVeld} class="utrecht-textbox utrecht-textbox--html-input pp-agenda__url" readOnly value={link} aria-describedby="agenda-uitleg" onFocus={(e) => e.currentTarget.select()} />
        <Button variant="primary" onClick={copyLink}>Kopieer link</Button>
      </div>
      <p class="pp-status-line" aria-live="polite">{gekopieerd ? 'De link is gekopieerd.' : ''}</p>
      <div id="agenda-uitleg">
        <p class="utrecht-paragraph"><strong>U ziet deze link alleen nu.</strong> Bewaar hem als een wachtwoord: wie hem heeft, ziet uw komende contactmomenten.</p>
        <ul class="utrecht-unordered-list">
          <li><strong>Outlook</strong>: Agenda → Agenda toevoegen → Abonneren vanaf internet (of: Uit internet), plak de link en kies Importeren.</li>
          <li><strong>Google Agenda</strong>: naast “Andere agenda’s” op + → Via URL, plak de link en kies Agenda toevoegen.</li>
        </ul>
        <p class="utrecht-paragraph pp-muted">Uw agenda haalt de contacten zelf op, meestal een paar keer per dag; een nieuw contact staat er dus niet meteen in.</p>
      </div>
    </div>
  )
}
