import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, call, ApiError } from '../api.js'
import { plaatsingStatussen } from '../../../server/domain/plaatsing.js'
import { Alert, Button, Laden } from '../components/fields.js'
import { loadJobcoaches } from '../components/voorstel-dialoog.js'
import { SignaalLabel, Toewijzen } from '../components/plaatsing.js'
import { relativeDate } from '../lib/datum.js'
import { signaal } from '../lib/nazorg.js'
import { rememberVandaag } from '../lib/vandaag.js'
import { formatDatum, label, plaatsingStatusLabel } from '../lib/labels.js'

// The due list. A jobcoach's "Mijn plaatsingen" (their start page): every active plaatsing, the
// ones nobody heard from for 28 days first, then the overdue ones, then by next contact, as the
// API sorts them; and the link that puts the coming contacts in their own calendar. A beheerder's
// "Plaatsingen": all of them, with the jobcoach, and another jobcoach can be assigned.

type Lijst = Awaited<ReturnType<typeof load>>
export type PlaatsingItem = Lijst['items'][number]
const load = (status: string, jobcoachId: string, signal: AbortSignal) =>
  call(api.plaatsingen.$get({ query: { status: status as 'actief', ...(jobcoachId ? { jobcoachId } : {}) } }, { init: { signal } }))

export function MijnPlaatsingen() {
  return <PlaatsingenLijst beheer={false} />
}
export function Plaatsingen() {
  return <PlaatsingenLijst beheer />
}

function PlaatsingenLijst({ beheer }: { beheer: boolean }) {
  const { query, path, route } = useLocation()
  const status = query.status === 'alle' || plaatsingStatussen.includes(query.status as never) ? query.status! : 'actief'
  const jobcoachId = beheer ? (query.jobcoachId ?? '') : ''
  const [lijst, setLijst] = useState<Lijst>()
  const [fout, setFout] = useState<string>()
  const [laden, setLaden] = useState(true)
  const [versie, setVersie] = useState(0)
  const [melding, setMelding] = useState<string>()
  const [jobcoaches, setJobcoaches] = useState<{ id: string; naam: string }[]>([])
  const [toewijzen, setToewijzen] = useState<string>()
  const meldingRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const ctrl = new AbortController()
    setLaden(true)
    load(status, jobcoachId, ctrl.signal)
      .then((l) => {
        rememberVandaag(l.vandaag)
        setLijst(l)
        setFout(undefined)
        setLaden(false)
      })
      .catch((e) => {
        if (ctrl.signal.aborted) return
        setFout(e instanceof ApiError ? e.message : 'De plaatsingen konden niet geladen worden.')
        setLaden(false)
      })
    return () => ctrl.abort()
  }, [status, jobcoachId, versie])
  useEffect(() => {
    if (beheer) loadJobcoaches().then(setJobcoaches).catch(() => {})
  }, [beheer])

  const navigate = (next: { status?: string; jobcoachId?: string }) => {
    const p = new URLSearchParams()
    const s = next.status ?? status
    if (s !== 'actief') p.set('status', s)
    const j = next.jobcoachId ?? jobcoachId
    if (j) p.set('jobcoachId', j)
    const q = p.toString()
    route(`${path}${q ? `?${q}` : ''}`)
  }

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
      <div class="pp-row">
        <div class="utrecht-form-field pp-filter">
          <label class="utrecht-form-label" for="plaatsing-status">Status</label>
          <select id="plaatsing-status" class="utrecht-select utrecht-select--html-select" value={status} onChange={(e) => navigate({ status: e.currentTarget.value })}>
            {plaatsingStatussen.map((s) => <option key={s} value={s}>{plaatsingStatusLabel[s]}</option>)}
            <option value="alle">Alle</option>
          </select>
        </div>
        {beheer && (
          <div class="utrecht-form-field pp-filter">
            <label class="utrecht-form-label" for="plaatsing-jobcoach">Jobcoach</label>
            <select id="plaatsing-jobcoach" class="utrecht-select utrecht-select--html-select" value={jobcoachId} onChange={(e) => navigate({ jobcoachId: e.currentTarget.value })}>
              <option value="">Alle jobcoaches</option>
              {jobcoaches.map((j) => <option key={j.id} value={j.id}>{j.naam}</option>)}
            </select>
          </div>
        )}
      </div>
      <p class="pp-status-line utrecht-paragraph" role="status" aria-live="polite" id="plaatsingen-status">{laden ? 'Bezig met laden…' : samenvatting}</p>
      <div aria-live="polite" class="pp-melding" ref={meldingRef} tabIndex={-1}>{melding && <Alert type="ok"><p class="utrecht-paragraph">{melding}</p></Alert>}</div>
      {fout && <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>}
      {!lijst ? !fout && <Laden /> : items.length === 0 ? (
        <p class="utrecht-paragraph">{status === 'actief' ? (beheer ? 'Er zijn geen actieve plaatsingen.' : 'U heeft geen actieve plaatsingen. Een plaatsing komt hier zodra een werkgever een voorstel accepteert met u als jobcoach.') : 'Geen plaatsingen met deze status.'}</p>
      ) : (
        <div class={`pp-table-scroll ${laden ? 'pp-busy' : ''}`} aria-busy={laden ? 'true' : 'false'}>
          <table class="utrecht-table utrecht-table--html-table pp-table pp-table--stapel pp-plaatsingen">
            <caption class="utrecht-table__caption pp-visually-hidden">Plaatsingen; wie het langst niets hoorde en wie achterstallig is staan bovenaan</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Deelnemer</th>
                <th class="utrecht-table__header-cell" scope="col">Plek</th>
                <th class="utrecht-table__header-cell" scope="col">Volgend contact</th>
                <th class="utrecht-table__header-cell" scope="col">Laatste contact</th>
                {beheer && <th class="utrecht-table__header-cell" scope="col">Jobcoach</th>}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {items.map((p) => {
                const s = signaal(p)
                const naam = p.deelnemer?.naam ?? 'Deelnemer'
                return (
                  <tr class={`utrecht-table__row pp-plaatsing pp-plaatsing--${s.soort}`} key={p.id} data-id={p.id} data-signaal={s.soort}>
                    <td class="utrecht-table__cell">
                      <a class="utrecht-link pp-plaatsing__naam" href={`/plaatsingen/${encodeURIComponent(p.id)}`}>{naam}</a>
                      {s.soort !== 'op-tijd' && <div><SignaalLabel s={s} /></div>}
                      {status !== 'actief' && <div class="pp-muted">{label(plaatsingStatusLabel, p.status)}{p.einddatum ? ` op ${formatDatum(p.einddatum)}` : ''}</div>}
                    </td>
                    <td class="utrecht-table__cell" data-label="Plek">
                      {p.plek?.titel}
                      {p.plek?.organisatieNaam && <div class="pp-muted">{p.plek.organisatieNaam}</div>}
                    </td>
                    <td class="utrecht-table__cell" data-label="Volgend contact">
                      {p.status === 'actief' ? <>{formatDatum(p.volgendContactOp)}<div class={p.achterstallig ? 'pp-te-laat' : 'pp-muted'}>{relativeDate(p.volgendContactOp, lijst.vandaag)}</div></> : <span class="pp-muted">—</span>}
                    </td>
                    <td class="utrecht-table__cell" data-label="Laatste contact">
                      {p.laatsteContactOp ? <>{formatDatum(p.laatsteContactOp)}<div class="pp-muted">{relativeDate(p.laatsteContactOp, lijst.vandaag)}</div></> : <span class="pp-muted">Nog geen contact (gestart {formatDatum(p.startdatum)})</span>}
                    </td>
                    {beheer && (
                      <td class="utrecht-table__cell" data-label="Jobcoach">
                        {p.jobcoach?.naam ?? <span class="pp-muted">Geen jobcoach</span>}
                        {p.status === 'actief' && (toewijzen === p.id ? (
                          <Toewijzen plaatsing={{ id: p.id, jobcoachId: p.jobcoachId, naam }} jobcoaches={jobcoaches}
                            onAnnuleer={() => setToewijzen(undefined)}
                            onKlaar={(nieuw) => { setToewijzen(undefined); setMelding(`De plaatsing van ${naam} is toegewezen aan ${nieuw}.`); setVersie((v) => v + 1); setTimeout(() => meldingRef.current?.focus(), 0) }} />
                        ) : (
                          <div><Button variant="subtle" onClick={() => { setMelding(undefined); setToewijzen(p.id) }} aria-label={`Plaatsing van ${naam} aan een andere jobcoach toewijzen`}>Andere jobcoach</Button></div>
                        ))}
                      </td>
                    )}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {!beheer && <AgendaLink />}
    </>
  )
}

// ----------------------------------------------------------------------------- agenda

function AgendaLink() {
  const [status, setStatus] = useState<{ actief: boolean; aangemaaktOp?: string }>()
  const [link, setLink] = useState<string>()
  const [bevestig, setBevestig] = useState<'nieuw' | 'intrekken'>()
  const [melding, setMelding] = useState<string>()
  const [fout, setFout] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [gekopieerd, setGekopieerd] = useState(false)
  const linkVeld = useRef<HTMLInputElement>(null)
  const bevestigKnop = useRef<HTMLButtonElement>(null)
  const agendaMelding = useRef<HTMLDivElement>(null)
  useEffect(() => {
    call(api.agenda.$get()).then(setStatus).catch((e) => setFout(e instanceof ApiError ? e.message : 'De agenda-link kon niet geladen worden.'))
  }, [])
  useEffect(() => bevestigKnop.current?.focus(), [bevestig])

  async function create() {
    setBusy(true)
    setFout(undefined)
    setMelding(undefined)
    try {
      const a = await call(api.agenda.$post())
      setLink(a.url)
      setStatus({ actief: true, aangemaaktOp: a.aangemaaktOp })
      setBevestig(undefined)
      setGekopieerd(false)
      setTimeout(() => {
        linkVeld.current?.focus()
        linkVeld.current?.select()
      }, 0)
    } catch (e) {
      setFout(e instanceof ApiError ? e.message : 'Er kon geen link gemaakt worden.')
    } finally {
      setBusy(false)
    }
  }
  async function withdraw() {
    setBusy(true)
    setFout(undefined)
    try {
      await call(api.agenda.$delete())
      setLink(undefined)
      setStatus({ actief: false })
      setBevestig(undefined)
      setMelding('De agenda-link is ingetrokken. Uw agenda haalt geen contactmomenten meer op.')
      setTimeout(() => agendaMelding.current?.focus(), 0)
    } catch (e) {
      setFout(e instanceof ApiError ? e.message : 'Intrekken lukte niet.')
    } finally {
      setBusy(false)
    }
  }
  async function copyLink() {
    if (!link) return
    try {
      await navigator.clipboard.writeText(link)
      setGekopieerd(true)
    } catch {
      linkVeld.current?.select() // no clipboard access: the link is selected, Ctrl+C does the rest
      setGekopieerd(false)
    }
  }

  return (
    <section class="pp-card pp-agenda" aria-labelledby="agenda-titel">
      <h2 class="utrecht-heading-2" id="agenda-titel">Contactmomenten in uw eigen agenda</h2>
      <p class="utrecht-paragraph">
        Met een agenda-link ziet u de komende nazorgcontacten in Outlook, Google Agenda of de agenda van uw telefoon. Achterstallige contacten staan op vandaag.
        De agenda toont de plek en de organisatie, nooit de naam van de deelnemer.
      </p>
      <div aria-live="polite" class="pp-melding" ref={agendaMelding} tabIndex={-1}>{melding && <Alert type="ok"><p class="utrecht-paragraph">{melding}</p></Alert>}</div>
      {fout && <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>}
      {link ? (
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
      ) : status?.actief ? (
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
        <div class="pp-confirm" role="group" aria-labelledby="agenda-bevestig">
          <p class="utrecht-paragraph" id="agenda-bevestig">
            {bevestig === 'nieuw'
              ? 'Een nieuwe link maken? De huidige link werkt dan niet meer; in uw agenda moet u de nieuwe toevoegen.'
              : 'De link intrekken? Uw agenda haalt dan geen contactmomenten meer op.'}
          </p>
          <div class="pp-actions">
            <button ref={bevestigKnop} type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--danger" disabled={busy} onClick={bevestig === 'nieuw' ? create : withdraw}>
              {bevestig === 'nieuw' ? 'Ja, nieuwe link' : 'Ja, intrekken'}
            </button>
            <Button onClick={() => setBevestig(undefined)}>Annuleren</Button>
          </div>
        </div>
      )}
    </section>
  )
}
