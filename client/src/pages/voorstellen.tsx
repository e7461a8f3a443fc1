import { useSave } from '../lib/use-save.js'
import { Fragment } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, call, ApiError } from '../api.js'
import { voorstelStatussen, accepteerInput, afwijsInput } from '../../../server/domain/voorstel.js'
import { Alert, Button, ErrorSummary, Laden, SelectField, TextAreaField, TextField } from '../components/fields.js'
import { MatchRedenen } from '../components/match.js'
import { loadJobcoaches } from '../components/voorstel-dialoog.js'
import { gebruiker } from '../session.js'
import { orderedErrors, validate, type FieldErrors } from '../lib/form-errors.js'
import { datumInNederland, nextMonday } from '../lib/datum.js'
import { formatDatum, label, richtingLabel, voorstelStatusBadge, voorstelStatusLabel } from '../lib/labels.js'
import { acceptErrors, gedeeldeRijen } from '../lib/voorstel.js'
import type { MatchCriterium } from '../lib/matches.js'

// Voorstellen, one route for two roles. The jobhunter (and beheerder) sees every voorstel with its
// status and can withdraw an open one. The werkgever sees the voorstellen for the own plekken with
// only what the deelnemer agreed to share, and accepts (a plaatsing starts) or declines with a reason.

const PER_PAGE = 20
type Lijst = Awaited<ReturnType<typeof load>>
type Voorstel = Lijst['items'][number]
const load = (q: { status?: string; deelnemerId?: string; page: number }, signal: AbortSignal) =>
  call(api.voorstellen.$get({
    query: { ...(q.status ? { status: q.status as (typeof voorstelStatussen)[number] } : {}), ...(q.deelnemerId ? { deelnemerId: q.deelnemerId } : {}), page: String(q.page), perPage: String(PER_PAGE) },
  }, { init: { signal } }))

const statusOpties = voorstelStatussen.map((s) => [s, voorstelStatusLabel[s] ?? s] as const)

/** The list's state in the URL: ?status=…&deelnemerId=…&page=… */
function useListUrl(standaardStatus: string) {
  const { query, path, route } = useLocation()
  const status = query.status === 'alle' ? '' : voorstelStatussen.includes(query.status as never) ? query.status! : standaardStatus
  const page = Math.max(1, Number(query.page) || 1)
  const deelnemerId = query.deelnemerId ?? ''
  const navigate = (next: { status?: string; page?: number; deelnemerId?: string }) => {
    const s = next.status ?? status
    const p = new URLSearchParams()
    if (s !== standaardStatus) p.set('status', s || 'alle')
    const d = next.deelnemerId ?? deelnemerId
    if (d) p.set('deelnemerId', d)
    if ((next.page ?? 1) > 1) p.set('page', String(next.page))
    const q = p.toString()
    route(`${path}${q ? `?${q}` : ''}`)
  }
  return { status, page, deelnemerId, navigate, sleutel: `${status}|${page}|${deelnemerId}` }
}

function useList(q: { status: string; page: number; deelnemerId: string }, sleutel: string) {
  const [lijst, setLijst] = useState<Lijst>()
  const [fout, setFout] = useState<string>()
  const [laden, setLaden] = useState(true)
  const [versie, setVersie] = useState(0)
  useEffect(() => {
    const ctrl = new AbortController()
    setLaden(true)
    load({ status: q.status || undefined, page: q.page, deelnemerId: q.deelnemerId || undefined }, ctrl.signal)
      .then((l) => {
        setLijst(l)
        setFout(undefined)
        setLaden(false)
      })
      .catch((e) => {
        if (ctrl.signal.aborted) return
        setFout(e instanceof ApiError ? e.message : 'De voorstellen konden niet geladen worden.')
        setLaden(false)
      })
    return () => ctrl.abort()
  }, [sleutel, versie])
  return { lijst, fout, laden, herlaad: () => setVersie((v) => v + 1) }
}

function StatusFilter({ status, onStatus, id = 'voorstel-status' }: { status: string; onStatus: (s: string) => void; id?: string }) {
  return (
    <div class="utrecht-form-field pp-filter">
      <label class="utrecht-form-label" for={id}>Status</label>
      <select id={id} class="utrecht-select utrecht-select--html-select" value={status} onChange={(e) => onStatus(e.currentTarget.value)}>
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
  return <span class={`utrecht-status-badge utrecht-status-badge--${voorstelStatusBadge[v.status] ?? 'neutral'}`}>{label(voorstelStatusLabel, v.status)}</span>
}

export function Voorstellen() {
  return gebruiker.value?.rol === 'werkgever' ? <VoorstellenWerkgever /> : <VoorstellenJobhunter />
}

// ----------------------------------------------------------------------------- jobhunter

function VoorstellenJobhunter() {
  const url = useListUrl('')
  const { lijst, fout, laden, herlaad } = useList(url, url.sleutel)
  const [bevestig, setBevestig] = useState<string>()
  const [bezig, setBezig] = useState<string>()
  const [melding, setMelding] = useState<string>()
  const meldingRef = useRef<HTMLDivElement>(null)
  const [actieFout, setActieFout] = useState<string>()
  const bevestigKnop = useRef<HTMLButtonElement>(null)
  useEffect(() => bevestigKnop.current?.focus(), [bevestig])
  const magIntrekken = gebruiker.value?.rol === 'jobhunter' || gebruiker.value?.rol === 'beheerder'
  const naamFilter = url.deelnemerId ? lijst?.items.find((v) => v.deelnemerId === url.deelnemerId)?.deelnemer.naam : undefined

  async function withdraw(v: Voorstel) {
    setBezig(v.id)
    setActieFout(undefined)
    try {
      await call(api.voorstellen[':id'].intrekken.$post({ param: { id: v.id } }))
      setMelding(`Het voorstel van ${String(v.deelnemer.naam ?? '')} voor “${v.plek.titel}” is ingetrokken.`)
      setBevestig(undefined)
      herlaad()
      setTimeout(() => meldingRef.current?.focus(), 0)
    } catch (e) {
      setActieFout(e instanceof ApiError ? e.message : 'Intrekken lukte niet. Probeer het opnieuw.')
    } finally {
      setBezig(undefined)
    }
  }

  return (
    <>
      <h1 class="utrecht-heading-1">Voorstellen</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">De deelnemers die u bij een werkgever heeft voorgesteld. Een voorstel maakt u vanuit de passende plekken of passende deelnemers.</p>
      <div class="pp-row">
        <StatusFilter status={url.status} onStatus={(s) => url.navigate({ status: s, page: 1 })} />
        {url.deelnemerId && (
          <p class="utrecht-paragraph">
            Alleen {naamFilter ?? 'één deelnemer'}.{' '}
            <a class="utrecht-link" href={`/voorstellen${url.status ? `?status=${url.status}` : ''}`}>Toon alle deelnemers</a>
          </p>
        )}
      </div>
      <div aria-live="polite" class="pp-status-line pp-melding" ref={meldingRef} tabIndex={-1}>{melding && <Alert type="ok"><p class="utrecht-paragraph">{melding}</p></Alert>}</div>
      {(fout || actieFout) && <Alert type="error"><p class="utrecht-paragraph">{fout ?? actieFout}</p></Alert>}
      {!lijst ? !fout && <Laden /> : lijst.items.length === 0 ? (
        <p class="utrecht-paragraph">Geen voorstellen{url.status ? ` met status “${label(voorstelStatusLabel, url.status).toLowerCase()}”` : ''}. <a class="utrecht-link" href="/deelnemers">Naar de deelnemers</a></p>
      ) : (
        <div class={`pp-table-scroll ${laden ? 'pp-busy' : ''}`} aria-busy={laden ? 'true' : 'false'}>
          <table class="utrecht-table utrecht-table--html-table pp-table pp-table--stapel">
            <caption class="utrecht-table__caption pp-visually-hidden">Voorstellen, nieuwste eerst</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Deelnemer</th>
                <th class="utrecht-table__header-cell" scope="col">Plek</th>
                <th class="utrecht-table__header-cell" scope="col">Score</th>
                <th class="utrecht-table__header-cell" scope="col">Status</th>
                <th class="utrecht-table__header-cell" scope="col">Voorgesteld op</th>
                <th class="utrecht-table__header-cell" scope="col">Actie</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {lijst.items.map((v) => {
                const naam = String(v.deelnemer.naam ?? '')
                return (
                  <tr class="utrecht-table__row" key={v.id} data-id={v.id}>
                    <td class="utrecht-table__cell">
                      {v.deelnemerId ? <a class="utrecht-link" href={`/deelnemers/${encodeURIComponent(v.deelnemerId)}`}>{naam}</a> : naam}
                      <div class="pp-muted">{label(richtingLabel, v.modus)}</div>
                    </td>
                    <td class="utrecht-table__cell" data-label="Plek"><a class="utrecht-link" href={`/plekken/${encodeURIComponent(v.plekId)}`}>{v.plek.titel}</a></td>
                    <td class="utrecht-table__cell" data-label="Score">{v.score} van 100</td>
                    <td class="utrecht-table__cell" data-label="Status">
                      <StatusBadge v={v} />
                      {v.afwijsreden && <div class="pp-muted">Reden: {v.afwijsreden}</div>}
                      {v.beantwoordOp && <div class="pp-muted">op {formatDatum(v.beantwoordOp)}</div>}
                    </td>
                    <td class="utrecht-table__cell" data-label="Voorgesteld op">{formatDatum(v.aangemaaktOp)}</td>
                    <td class="utrecht-table__cell">
                      {v.status === 'voorgesteld' && magIntrekken && bevestig !== v.id && (
                        <Button onClick={() => setBevestig(v.id)} aria-label={`Voorstel van ${naam} voor ${v.plek.titel} intrekken`}>Intrekken</Button>
                      )}
                      {bevestig === v.id && (
                        <div class="pp-confirm" role="group" aria-labelledby={`intrekken-${v.id}`}>
                          <p class="utrecht-paragraph" id={`intrekken-${v.id}`}>Het voorstel van {naam} voor “{v.plek.titel}” intrekken? De werkgever ziet het dan niet meer als open voorstel.</p>
                          <div class="pp-actions">
                            <button ref={bevestigKnop} type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--danger" disabled={bezig === v.id} onClick={() => withdraw(v)}>Ja, intrekken</button>
                            <Button onClick={() => setBevestig(undefined)}>Annuleren</Button>
                          </div>
                        </div>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {lijst && <Paginas page={url.page} total={lijst.total} onPage={(p) => url.navigate({ page: p })} />}
    </>
  )
}

// ----------------------------------------------------------------------------- werkgever

function VoorstellenWerkgever() {
  const url = useListUrl('voorgesteld')
  const { lijst, fout, laden, herlaad } = useList(url, url.sleutel)
  const [melding, setMelding] = useState<string>()
  const meldingRef = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState<{ id: string; wat: 'accepteren' | 'afwijzen' }>()
  const [jobcoaches, setJobcoaches] = useState<{ id: string; naam: string }[]>([])
  useEffect(() => {
    loadJobcoaches().then(setJobcoaches).catch(() => {})
  }, [])

  const klaar = (tekst: string) => {
    setMelding(tekst)
    setOpen(undefined)
    herlaad()
    // the form is gone: the keyboard continues at the confirmation
    setTimeout(() => meldingRef.current?.focus(), 0)
  }

  return (
    <>
      <h1 class="utrecht-heading-1">Voorstellen</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        Jobhunters van de gemeente stellen deelnemers voor bij uw plekken. U ziet alleen de gegevens die de deelnemer met u wil delen.
        Accepteert u, dan start de plaatsing en begeleidt een jobcoach de deelnemer en u.
      </p>
      <div class="pp-row"><StatusFilter status={url.status} onStatus={(s) => url.navigate({ status: s, page: 1 })} /></div>
      <div aria-live="polite" class="pp-status-line pp-melding" ref={meldingRef} tabIndex={-1}>{melding && <Alert type="ok"><p class="utrecht-paragraph">{melding}</p></Alert>}</div>
      {fout && <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>}
      {!lijst ? !fout && <Laden /> : lijst.items.length === 0 ? (
        <p class="utrecht-paragraph">{url.status === 'voorgesteld' ? 'Er staan geen voorstellen voor u open.' : 'Geen voorstellen met deze status.'}</p>
      ) : (
        <ul class={`pp-voorstellen ${laden ? 'pp-busy' : ''}`} aria-busy={laden ? 'true' : 'false'}>
          {lijst.items.map((v) => (
            <VoorstelKaart key={v.id} v={v} open={open?.id === v.id ? open.wat : undefined} jobcoaches={jobcoaches}
              onOpen={(wat) => { setMelding(undefined); setOpen(wat ? { id: v.id, wat } : undefined) }} onKlaar={klaar} />
          ))}
        </ul>
      )}
      {lijst && <Paginas page={url.page} total={lijst.total} onPage={(p) => url.navigate({ page: p })} />}
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
      {v.toestemmingIngetrokken ? (
        <Alert type="warning"><p class="utrecht-paragraph">De deelnemer heeft de toestemming om gegevens te delen ingetrokken. U ziet daarom geen gegevens van deze deelnemer.</p></Alert>
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

/** The two answer forms use the save cycle every form shares (check, send, keep the input, show the server's word). */
function useAnswer() {
  const { save, ...rest } = useSave()
  return { ...rest, stuur: save }
}

function Accepteren({ v, wie, jobcoaches, onAnnuleer, onKlaar }: { v: Voorstel; wie: string; jobcoaches: { id: string; naam: string }[]; onAnnuleer: () => void; onKlaar: (m: string) => void }) {
  const vandaag = datumInNederland()
  const maandag = nextMonday(vandaag)
  const [startdatum, setStartdatum] = useState(vandaag)
  const [jobcoachId, setJobcoachId] = useState('')
  const { fields, message, pogingen, busy, stuur } = useAnswer()
  useEffect(() => document.getElementById(`veld-startdatum-${v.id}`)?.focus(), [])

  async function submit(e: Event) {
    e.preventDefault()
    const body = { startdatum, ...(jobcoachId ? { jobcoachId } : {}) }
    const check = validate(accepteerInput, body)
    const ok = await stuur(check.ok ? { ok: true } : { ok: false, fields: prefix(acceptErrors(startdatum, check.fields), v.id) }, () => call(api.voorstellen[':id'].accepteren.$post({ param: { id: v.id }, json: body })))
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
  const { fields, message, pogingen, busy, stuur } = useAnswer()
  useEffect(() => document.getElementById(`veld-reden-${v.id}`)?.focus(), [])
  async function submit(e: Event) {
    e.preventDefault()
    const check = validate(afwijsInput, { reden })
    const ok = await stuur(check.ok ? { ok: true } : { ok: false, fields: prefix(check.fields, v.id) }, () => call(api.voorstellen[':id'].afwijzen.$post({ param: { id: v.id }, json: { reden } })))
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
