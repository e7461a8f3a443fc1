import { Fragment } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { api, call } from '../api.js'
import { voorstelStatussen, accepteerInput, afwijsInput } from '../../../server/domain/voorstel.js'
import { Alert, Button, ErrorSummary, Laden, SelectField, TextAreaField, TextField } from '../components/fields.js'
import { ConfirmPanel } from '../components/confirm-panel.js'
import { MatchRedenen } from '../components/match.js'
import { MeldingRegio, useMelding } from '../components/melding.js'
import { Cel, StatusBadge as Badge, Tabel } from '../components/tabel.js'
import { loadJobcoaches } from '../components/voorstel-dialoog.js'
import { gebruiker } from '../session.js'
import { orderedErrors, validate, type FieldErrors } from '../lib/form-errors.js'
import { datumInNederland, nextMonday } from '../lib/datum.js'
import { formatDatum, label, richtingLabel, voorstelStatusBadge, voorstelStatusLabel } from '../lib/labels.js'
import { acceptErrors, gedeeldeRijen, parseVoorstelLijstUrl, voorstelLijstQueryString, type VoorstelLijstState } from '../lib/voorstel.js'
import type { MatchCriterium } from '../lib/matches.js'
import { useAction } from '../lib/use-action.js'
import { useLoad } from '../lib/use-load.js'
import { useSave } from '../lib/use-save.js'
import { useUrlState } from '../lib/use-url-state.js'

// Voorstellen, one route for two roles. The jobhunter (and beheerder) sees every voorstel with its
// status and can withdraw an open one. The werkgever sees the voorstellen for the own plekken with
// only what the deelnemer agreed to share, and accepts (a plaatsing starts) or declines with a reason.

const PER_PAGE = 20
type Lijst = Awaited<ReturnType<typeof load>>
type Voorstel = Lijst['items'][number]
const load = (s: VoorstelLijstState, signal: AbortSignal) =>
  call(api.voorstellen.$get({
    query: { ...(s.status ? { status: s.status } : {}), ...(s.deelnemerId ? { deelnemerId: s.deelnemerId } : {}), page: String(s.page), perPage: String(PER_PAGE) },
  }, { init: { signal } }))

const statusOpties = voorstelStatussen.map((s) => [s, voorstelStatusLabel[s] ?? s] as const)

/** The list in the URL (lib/voorstel.ts), and the list itself, loaded again when the URL changes. */
function useVoorstelLijst(standaard: VoorstelLijstState['status']) {
  const url = useUrlState((search) => parseVoorstelLijstUrl(search, standaard), (s) => voorstelLijstQueryString(s, standaard))
  const { state } = url
  const lijst = useLoad((signal) => load(state, signal), [voorstelLijstQueryString(state, standaard)], 'De voorstellen konden niet geladen worden.')
  const kies = (next: Partial<VoorstelLijstState>) => url.navigate({ ...state, page: 1, ...next })
  return { ...url, ...lijst, kies }
}

function StatusFilter({ status, onStatus, id = 'voorstel-status' }: { status: string; onStatus: (s: VoorstelLijstState['status']) => void; id?: string }) {
  return (
    <div class="utrecht-form-field pp-filter">
      <label class="utrecht-form-label" for={id}>Status</label>
      <select id={id} class="utrecht-select utrecht-select--html-select" value={status} onChange={(e) => onStatus(e.currentTarget.value as VoorstelLijstState['status'])}>
        <option value="">Alle statussen</option>
        {statusOpties.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  )
}

function Paginas({ page, total, onPage }: { page: number; total: number; onPage: (p: number) => void }) {
  const paginas = Math.max(1, Math.ceil(total / PER_PAGE))
  if (paginas <= 1) return null
  return (
    <nav class="pp-pagination" aria-label="Pagina's">
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>Vorige</Button>
      <span>Pagina {page} van {paginas}</span>
      <Button disabled={page >= paginas} onClick={() => onPage(page + 1)}>Volgende</Button>
    </nav>
  )
}

function StatusBadge({ v }: { v: Voorstel }) {
  return <Badge variant={voorstelStatusBadge[v.status]}>{label(voorstelStatusLabel, v.status)}</Badge>
}

export function Voorstellen() {
  return gebruiker.value?.rol === 'werkgever' ? <VoorstellenWerkgever /> : <VoorstellenJobhunter />
}

// ----------------------------------------------------------------------------- jobhunter

function VoorstellenJobhunter() {
  const { state, href, data: lijst, fout, laden, reload, kies } = useVoorstelLijst('')
  const [bevestig, setBevestig] = useState<string>()
  const { bezig, fout: actieFout, run } = useAction()
  const { melding, announce, regio } = useMelding()
  const naamFilter = state.deelnemerId ? lijst?.items.find((v) => v.deelnemerId === state.deelnemerId)?.deelnemer.naam : undefined

  const withdraw = (v: Voorstel) =>
    run(v.id, async () => {
      await call(api.voorstellen[':id'].intrekken.$post({ param: { id: v.id } }))
      announce(`Het voorstel van ${String(v.deelnemer.naam ?? '')} voor “${v.plek.titel}” is ingetrokken.`)
      setBevestig(undefined)
      reload()
    }, 'Intrekken lukte niet. Probeer het opnieuw.')

  return (
    <>
      <h1 class="utrecht-heading-1">Voorstellen</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">De deelnemers die u bij een werkgever heeft voorgesteld. Een voorstel maakt u vanuit de passende plekken of passende deelnemers.</p>
      <div class="pp-row">
        <StatusFilter status={state.status} onStatus={(status) => kies({ status })} />
        {state.deelnemerId && (
          <p class="utrecht-paragraph">
            Alleen {naamFilter ?? 'één deelnemer'}.{' '}
            <a class="utrecht-link" href={href({ ...state, deelnemerId: '', page: 1 })}>Toon alle deelnemers</a>
          </p>
        )}
      </div>
      <MeldingRegio melding={melding} regio={regio} statusLine />
      {(fout || actieFout) && <Alert type="error" tekst={fout?.message ?? actieFout} />}
      {!lijst ? !fout && <Laden /> : lijst.items.length === 0 ? (
        <p class="utrecht-paragraph">Geen voorstellen{state.status ? ` met status “${label(voorstelStatusLabel, state.status).toLowerCase()}”` : ''}. <a class="utrecht-link" href="/deelnemers">Naar de deelnemers</a></p>
      ) : (
        <Tabel caption="Voorstellen, nieuwste eerst" class="pp-table--stapel" laden={laden} kolommen={['Deelnemer', 'Plek', 'Score', 'Status', 'Voorgesteld op', 'Actie']}>
          {lijst.items.map((v) => (
            <VoorstelRij key={v.id} v={v} bevestigen={bevestig === v.id} bezig={bezig === v.id}
              onIntrekken={() => setBevestig(v.id)} onBevestig={() => withdraw(v)} onAnnuleer={() => setBevestig(undefined)} />
          ))}
        </Tabel>
      )}
      {lijst && <Paginas page={state.page} total={lijst.total} onPage={(page) => kies({ page })} />}
    </>
  )
}

/** One voorstel in the jobhunter's list; an open one can be withdrawn, after a confirmation. */
function VoorstelRij({ v, bevestigen, bezig, onIntrekken, onBevestig, onAnnuleer }: {
  v: Voorstel; bevestigen: boolean; bezig: boolean; onIntrekken: () => void; onBevestig: () => void; onAnnuleer: () => void
}) {
  const naam = String(v.deelnemer.naam ?? '')
  return (
    <tr class="utrecht-table__row" data-id={v.id}>
      <td class="utrecht-table__cell">
        {v.deelnemerId ? <a class="utrecht-link" href={`/deelnemers/${encodeURIComponent(v.deelnemerId)}`}>{naam}</a> : naam}
        <div class="pp-muted">{label(richtingLabel, v.modus)}</div>
      </td>
      <Cel label="Plek"><a class="utrecht-link" href={`/plekken/${encodeURIComponent(v.plekId)}`}>{v.plek.titel}</a></Cel>
      <Cel label="Score">{v.score} van 100</Cel>
      <Cel label="Status">
        <StatusBadge v={v} />
        {v.afwijsreden && <div class="pp-muted">Reden: {v.afwijsreden}</div>}
        {v.beantwoordOp && <div class="pp-muted">op {formatDatum(v.beantwoordOp)}</div>}
      </Cel>
      <Cel label="Voorgesteld op">{formatDatum(v.aangemaaktOp)}</Cel>
      <td class="utrecht-table__cell">
        {v.status === 'voorgesteld' && !bevestigen && (
          <Button onClick={onIntrekken} aria-label={`Voorstel van ${naam} voor ${v.plek.titel} intrekken`}>Intrekken</Button>
        )}
        {bevestigen && (
          <ConfirmPanel id={`intrekken-${v.id}`} ja="Ja, intrekken" busy={bezig} onJa={onBevestig} onNee={onAnnuleer}
            vraag={<>Het voorstel van {naam} voor “{v.plek.titel}” intrekken? De werkgever ziet het dan niet meer als open voorstel.</>} />
        )}
      </td>
    </tr>
  )
}

// ----------------------------------------------------------------------------- werkgever

function VoorstellenWerkgever() {
  const { state, data: lijst, fout, laden, reload, kies } = useVoorstelLijst('voorgesteld')
  const { melding, setMelding, announce, regio } = useMelding()
  const [open, setOpen] = useState<{ id: string; wat: 'accepteren' | 'afwijzen' }>()
  const [jobcoaches, setJobcoaches] = useState<{ id: string; naam: string }[]>([])
  // the jobcoaches of the open voorstel's gemeente: the only ones accepting it can take
  useEffect(() => {
    setJobcoaches([])
    if (open?.wat === 'accepteren') loadJobcoaches({ voorstelId: open.id }).then(setJobcoaches).catch(() => {})
  }, [open?.id, open?.wat])

  const klaar = (tekst: string) => {
    announce(tekst) // the form is gone: the keyboard continues at the confirmation
    setOpen(undefined)
    reload()
  }

  return (
    <>
      <h1 class="utrecht-heading-1">Voorstellen</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        Jobhunters van de gemeente stellen deelnemers voor bij uw plekken. U ziet alleen de gegevens die de deelnemer met u wil delen.
        Accepteert u, dan start de plaatsing en begeleidt een jobcoach de deelnemer en u.
      </p>
      <div class="pp-row"><StatusFilter status={state.status} onStatus={(status) => kies({ status })} /></div>
      <MeldingRegio melding={melding} regio={regio} statusLine />
      {fout && <Alert type="error" tekst={fout.message} />}
      {!lijst ? !fout && <Laden /> : lijst.items.length === 0 ? (
        <p class="utrecht-paragraph">{state.status === 'voorgesteld' ? 'Er staan geen voorstellen voor u open.' : 'Geen voorstellen met deze status.'}</p>
      ) : (
        <ul class={`pp-voorstellen ${laden ? 'pp-busy' : ''}`} aria-busy={laden ? 'true' : 'false'}>
          {lijst.items.map((v) => (
            <VoorstelKaart key={v.id} v={v} open={open?.id === v.id ? open.wat : undefined} jobcoaches={jobcoaches}
              onOpen={(wat) => { setMelding(undefined); setOpen(wat ? { id: v.id, wat } : undefined) }} onKlaar={klaar} />
          ))}
        </ul>
      )}
      {lijst && <Paginas page={state.page} total={lijst.total} onPage={(page) => kies({ page })} />}
    </>
  )
}

function VoorstelKaart({ v, open, jobcoaches, onOpen, onKlaar }: {
  v: Voorstel; open?: 'accepteren' | 'afwijzen'; jobcoaches: { id: string; naam: string }[]
  onOpen: (wat?: 'accepteren' | 'afwijzen') => void; onKlaar: (melding: string) => void
}) {
  const naam = typeof v.deelnemer.naam === 'string' ? v.deelnemer.naam : undefined
  const wie = naam ?? 'De deelnemer'
  const kopId = `voorstel-${v.id}`
  const rijen = gedeeldeRijen(v.deelnemer)
  return (
    <li class="pp-card pp-voorstel" aria-labelledby={kopId} data-id={v.id}>
      <div class="pp-voorstel__kop">
        <div class="pp-match__score" aria-hidden="true">
          <span class="pp-match__getal">{v.score}</span>
          <span class="pp-match__van">van 100</span>
        </div>
        <div>
          <h2 class="utrecht-heading-3" id={kopId}>
            {naam ?? <span>Deelnemer <span class="pp-muted">(naam niet gedeeld)</span></span>} voor “{v.plek.titel}”
            <span class="pp-visually-hidden">, score {v.score} van 100</span>
          </h2>
          <p class="pp-muted">Voorgesteld op {formatDatum(v.aangemaaktOp)} · {label(richtingLabel, v.modus)} <StatusBadge v={v} /></p>
        </div>
      </div>
      {v.toelichting && (
        <blockquote class="pp-toelichting">
          <p class="utrecht-paragraph"><strong>Toelichting van de jobhunter:</strong></p>
          <p class="utrecht-paragraph" style="white-space: pre-line">{v.toelichting}</p>
        </blockquote>
      )}
      {v.delenBeeindigd ? (
        <p class="utrecht-paragraph pp-muted">
          {v.status === 'ingetrokken' ? 'De jobhunter heeft dit voorstel ingetrokken.' : 'U heeft dit voorstel afgewezen.'} Gegevens van de deelnemer worden daarom niet meer gedeeld.
        </p>
      ) : v.toestemmingIngetrokken ? (
        <Alert type="warning" tekst="De deelnemer heeft de toestemming om gegevens te delen ingetrokken. U ziet daarom geen gegevens van deze deelnemer." />
      ) : (
        <>
          <h3 class="pp-kopje">Wat de deelnemer met u deelt</h3>
          {rijen.length === 0 ? <p class="utrecht-paragraph pp-muted">{naam ? 'Alleen de naam.' : 'Geen gegevens.'}</p> : (
            <dl class="pp-dl">
              {rijen.map((r) => <Fragment key={r.veld}><dt>{r.label}</dt><dd>{r.waarde}</dd></Fragment>)}
            </dl>
          )}
        </>
      )}
      {v.criteria.length > 0 && (
        <>
          <h3 class="pp-kopje">Hoe de deelnemer bij de plek past</h3>
          <MatchRedenen match={{ score: v.score, uitgesloten: false, criteria: v.criteria as MatchCriterium[] }} />
        </>
      )}
      {v.status === 'geaccepteerd' && v.plaatsing && (
        <dl class="pp-dl pp-plaatsing-kort">
          <dt>{v.plaatsing.startdatum > datumInNederland() ? 'Start op' : 'Gestart op'}</dt><dd>{formatDatum(v.plaatsing.startdatum)}</dd>
          <dt>Uw aanspreekpunt</dt>
          <dd>{v.plaatsing.jobcoach
            ? <>{v.plaatsing.jobcoach.naam}, jobcoach · <a class="utrecht-link" href={`mailto:${v.plaatsing.jobcoach.email}`}>{v.plaatsing.jobcoach.email}</a></>
            : 'Nog geen jobcoach; de gemeente wijst er een toe.'}</dd>
        </dl>
      )}
      {v.status === 'afgewezen' && v.afwijsreden && <p class="utrecht-paragraph">Uw reden: {v.afwijsreden}</p>}
      {v.status === 'voorgesteld' && (
        <>
          {!open && (
            <div class="pp-actions">
              <Button variant="primary" onClick={() => onOpen('accepteren')} aria-label={`${wie} accepteren voor ${v.plek.titel}`}>Accepteren</Button>
              <Button onClick={() => onOpen('afwijzen')} aria-label={`${wie} afwijzen voor ${v.plek.titel}`}>Afwijzen</Button>
            </div>
          )}
          {open === 'accepteren' && <Accepteren v={v} wie={wie} jobcoaches={jobcoaches} onAnnuleer={() => onOpen()} onKlaar={onKlaar} />}
          {open === 'afwijzen' && <Afwijzen v={v} wie={wie} onAnnuleer={() => onOpen()} onKlaar={onKlaar} />}
        </>
      )}
    </li>
  )
}

function Accepteren({ v, wie, jobcoaches, onAnnuleer, onKlaar }: { v: Voorstel; wie: string; jobcoaches: { id: string; naam: string }[]; onAnnuleer: () => void; onKlaar: (m: string) => void }) {
  const vandaag = datumInNederland()
  const maandag = nextMonday(vandaag)
  const [startdatum, setStartdatum] = useState(vandaag)
  const [jobcoachId, setJobcoachId] = useState('')
  const { fields, message, pogingen, busy, save } = useSave() // the save cycle every form shares
  useEffect(() => document.getElementById(`veld-startdatum-${v.id}`)?.focus(), [])

  async function submit(e: Event) {
    e.preventDefault()
    const body = { startdatum, ...(jobcoachId ? { jobcoachId } : {}) }
    const check = validate(accepteerInput, body)
    const ok = await save(check.ok ? { ok: true } : { ok: false, fields: prefix(acceptErrors(startdatum, check.fields), v.id) }, () => call(api.voorstellen[':id'].accepteren.$post({ param: { id: v.id }, json: body })))
    if (ok) onKlaar(`U heeft ${wie} geaccepteerd voor “${v.plek.titel}”. De plaatsing start op ${formatDatum(startdatum)}; de jobcoach neemt contact met u op.`)
  }

  return (
    <form class="pp-form pp-antwoord" onSubmit={submit} noValidate aria-label={`${wie} accepteren`}>
      <h3 class="pp-kopje">Accepteren</h3>
      <ErrorSummary errors={orderedErrors(prefix(fields, v.id), [`startdatum-${v.id}`, `jobcoachId-${v.id}`])} message={message} focusKey={pogingen} />
      <div class="pp-grid-2">
        <TextField path={`startdatum-${v.id}`} label="Startdatum" type="date" value={startdatum} onValue={setStartdatum} error={fields[`startdatum-${v.id}`] ?? fields.startdatum}
          description={<>De eerste dag op de plek. <button type="button" class="pp-linkknop" onClick={() => setStartdatum(maandag)}>Volgende maandag ({formatDatum(maandag)})</button></>} />
        <SelectField path={`jobcoachId-${v.id}`} label="Jobcoach" required={false} value={jobcoachId} onValue={setJobcoachId} error={fields[`jobcoachId-${v.id}`] ?? fields.jobcoachId}
          options={jobcoaches.map((j) => [j.id, j.naam] as const)} placeholder="Zoals de jobhunter voorstelde" />
      </div>
      <p class="utrecht-paragraph pp-muted">Met accepteren neemt de deelnemer één plaats van de plek in. Is de plek daarna vol, dan verdwijnt hij uit het zoeken.</p>
      <div class="pp-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig…' : 'Accepteren en plaatsing starten'}</Button>
        <Button onClick={onAnnuleer}>Annuleren</Button>
      </div>
    </form>
  )
}

/** Field errors of the accept form carry the voorstel's id, so two open cards never share an id. */
const prefix = (fields: FieldErrors, id: string): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([k, m]) => [k.endsWith(`-${id}`) ? k : `${k}-${id}`, m]))

function Afwijzen({ v, wie, onAnnuleer, onKlaar }: { v: Voorstel; wie: string; onAnnuleer: () => void; onKlaar: (m: string) => void }) {
  const [reden, setReden] = useState('')
  const { fields, message, pogingen, busy, save } = useSave() // the save cycle every form shares
  useEffect(() => document.getElementById(`veld-reden-${v.id}`)?.focus(), [])
  async function submit(e: Event) {
    e.preventDefault()
    const check = validate(afwijsInput, { reden })
    const ok = await save(check.ok ? { ok: true } : { ok: false, fields: prefix(check.fields, v.id) }, () => call(api.voorstellen[':id'].afwijzen.$post({ param: { id: v.id }, json: { reden } })))
    if (ok) onKlaar(`U heeft het voorstel van ${wie} voor “${v.plek.titel}” afgewezen. De jobhunter ziet uw reden.`)
  }
  const pad = `reden-${v.id}`
  return (
    <form class="pp-form pp-antwoord" onSubmit={submit} noValidate aria-label={`${wie} afwijzen`}>
      <h3 class="pp-kopje">Afwijzen</h3>
      <ErrorSummary errors={orderedErrors(prefix(fields, v.id), [pad])} message={message} focusKey={pogingen} />
      <TextAreaField path={pad} label="Reden" rows={3} value={reden} onValue={setReden} error={fields[pad] ?? fields.reden} required
        description="De jobhunter leest de reden en zoekt er een betere plek of deelnemer mee." />
      <div class="pp-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig…' : 'Voorstel afwijzen'}</Button>
        <Button onClick={onAnnuleer}>Annuleren</Button>
      </div>
    </form>
  )
}
