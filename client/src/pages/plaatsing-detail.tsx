import { useEffect, useRef, useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { api, call, ApiError } from '../api.js'
import { beeindigInput, contactMet, contactSoorten, eindredenen, kanalen, knelpunten, nazorgInput } from '../../../server/domain/plaatsing.js'
import { Alert, Button, CheckboxField, ErrorSummary, KeuzeGroep, Laden, SelectField, TextAreaField, TextField } from '../components/fields.js'
import { LaadFout } from '../components/doodlopend.js'
import { ConfirmPanel } from '../components/confirm-panel.js'
import { MeldingRegio, useMelding } from '../components/melding.js'
import { SignaalLabel, Toewijzen } from '../components/plaatsing.js'
import { StatusBadge } from '../components/tabel.js'
import { loadJobcoaches } from '../components/voorstel-dialoog.js'
import { gebruiker } from '../session.js'
import { orderedErrors, validate } from '../lib/form-errors.js'
import { useSave } from '../lib/use-save.js'
import { daysBetween, relativeDate } from '../lib/datum.js'
import {
  contactMetLabel, contactSoortLabel, dagdeelTekst, eindredenLabel, formatBedrag, formatDatum, kanaalLabel, knelpuntLabel, label, plaatsingStatusBadge,
  plaatsingStatusLabel, urenTekst,
} from '../lib/labels.js'
import {
  formulierUitRegel, emptyForm, nazorgBody, nazorgVelden, signaal, defaultVolgendContact, tijdlijn, setDatum, toggleKnelpunt, setVolgend,
  type NazorgFormulier, type NazorgRegel, type TijdlijnRegel,
} from '../lib/nazorg.js'
import { serverVandaag } from '../lib/vandaag.js'

// One plaatsing: the facts, the quick "Contact vastleggen" form (jobcoach), the nazorg log as a
// timeline (newest first; a corrected entry struck through, linked to its correction), ending the
// plaatsing with an eindreden, and for a beheerder another jobcoach. The log is append-only: a
// correction is a new entry, and both stay visible.

type Plaatsing = Awaited<ReturnType<typeof loadPlaatsing>>
const loadPlaatsing = (id: string) => call(api.plaatsingen[':id'].$get({ param: { id } }))
const loadLog = (id: string) => call(api.plaatsingen[':id'].nazorg.$get({ param: { id } }))

export function PlaatsingDetail() {
  const { params } = useRoute()
  const id = params.id!
  const rol = gebruiker.value?.rol
  const jobcoach = rol === 'jobcoach'
  const [p, setP] = useState<Plaatsing>()
  const [log, setLog] = useState<NazorgRegel[]>()
  const [vandaag, setVandaag] = useState<string>()
  const [fout, setFout] = useState<ApiError | string>()
  const { melding, setMelding, announce, regio } = useMelding()
  const [correctie, setCorrectie] = useState<NazorgRegel>()
  const [formVersie, setFormVersie] = useState(0)
  const [jobcoaches, setJobcoaches] = useState<{ id: string; naam: string }[]>([])
  const formKop = useRef<HTMLHeadingElement>(null)

  const reload = () =>
    Promise.all([loadPlaatsing(id), loadLog(id)])
      .then(([pl, l]) => {
        setP(pl)
        setLog(l.items)
      })
      .catch((e) => setFout(e instanceof ApiError ? e : 'De plaatsing kon niet geladen worden.'))
  useEffect(() => {
    setP(undefined)
    setLog(undefined)
    void reload()
    serverVandaag().then(setVandaag) // default dates (contact, einddatum) follow the server's clock
  }, [id])
  // the jobcoaches of the deelnemer's gemeente: the only ones the plaatsing can be handed to
  useEffect(() => {
    if (rol === 'beheerder' && p?.deelnemerId) loadJobcoaches({ deelnemerId: p.deelnemerId }).then(setJobcoaches).catch(() => {})
  }, [p?.deelnemerId])

  if (fout) return <LaadFout fout={fout} wat="Plaatsing" />
  if (!p || !log || !vandaag) return <Laden />

  const s = signaal(p)
  const naam = p.deelnemer?.naam ?? 'Deelnemer'
  const actief = p.status === 'actief'
  const kanSchrijven = jobcoach && actief
  /** After a form is done (and gone): the page shows the new state, the keyboard continues at the confirmation. */
  const klaar = async (tekst: string) => {
    await reload()
    announce(tekst)
  }
  const closeForm = () => {
    setCorrectie(undefined)
    setFormVersie((v) => v + 1)
  }

  function startCorrection(r: NazorgRegel) {
    setMelding(undefined)
    setCorrectie(r)
    setFormVersie((v) => v + 1)
    setTimeout(() => {
      formKop.current?.scrollIntoView({ block: 'start' })
      formKop.current?.focus()
    }, 0)
  }

  return (
    <article class="pp-plaatsing-pagina">
      <p class="utrecht-paragraph"><a class="utrecht-link" href={jobcoach ? '/mijn-plaatsingen' : '/plaatsingen'}>← {jobcoach ? 'Mijn plaatsingen' : 'Plaatsingen'}</a></p>
      <h1 class="utrecht-heading-1">{naam}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{p.plek?.titel}{p.plek?.organisatieNaam ? ` bij ${p.plek.organisatieNaam}` : ''}</p>
      <div class="pp-badges">
        <StatusBadge variant={plaatsingStatusBadge[p.status]}>{label(plaatsingStatusLabel, p.status)}</StatusBadge>
        {actief && s.soort !== 'op-tijd' && <SignaalLabel s={s} groot />}
      </div>
      <MeldingRegio melding={melding} regio={regio} statusLine />
      <PlaatsingFeiten p={p} naam={naam} vandaag={vandaag} dossier={rol === 'beheerder'} />

      <div class={kanSchrijven ? 'pp-nazorg-layout' : ''}>
        {kanSchrijven && (
          <section class="pp-card pp-contactform" aria-labelledby="contact-titel">
            <ContactFormulier key={`${correctie?.id ?? 'nieuw'}-${formVersie}`} kopRef={formKop} plaatsing={p} vandaag={vandaag} eersteContact={log.length === 0} correctie={correctie}
              onAnnuleer={closeForm}
              onOpgeslagen={async (r, wasCorrectie) => {
                closeForm()
                await klaar(`${wasCorrectie ? 'De correctie' : 'Het contact'} van ${formatDatum(r.datum)} is vastgelegd. Volgend contact: ${formatDatum(r.volgendContactOp)}.`)
              }} />
          </section>
        )}
        <section aria-labelledby="log-titel" class="pp-log">
          <h2 class="utrecht-heading-2" id="log-titel">Nazorglogboek</h2>
          {log.length === 0 ? <p class="utrecht-paragraph">Nog geen contacten vastgelegd.</p> : (
            <Tijdlijn regels={tijdlijn(log)} kanCorrigeren={kanSchrijven} corrigeer={startCorrection} bezig={correctie?.id} />
          )}
        </section>
      </div>

      {/* only when the deelnemer's gemeente has another jobcoach to hand the plaatsing to */}
      {rol === 'beheerder' && actief && jobcoaches.some((j) => j.id !== p.jobcoachId) && (
        <section class="pp-card pp-sectie" aria-labelledby="toewijzen-titel">
          <h2 class="utrecht-heading-3" id="toewijzen-titel">Andere jobcoach</h2>
          <p class="utrecht-paragraph">De nieuwe jobcoach ziet de plaatsing en het hele logboek; de wijziging wordt vastgelegd.</p>
          <Toewijzen plaatsing={{ id: p.id, jobcoachId: p.jobcoachId, naam }} jobcoaches={jobcoaches}
            onKlaar={(nieuw) => klaar(`De plaatsing is toegewezen aan ${nieuw}.`)} />
        </section>
      )}
      {actief && (rol === 'beheerder' || jobcoach) && <Beeindigen plaatsing={p} naam={naam} vandaag={vandaag} onKlaar={klaar} />}
    </article>
  )
}

/** The facts of the plaatsing: contacts, dates, hours, dagdelen, the jobcoach; for a beheerder the dossier. */
function PlaatsingFeiten({ p, naam, vandaag, dossier }: { p: Plaatsing; naam: string; vandaag: string; dossier: boolean }) {
  const actief = p.status === 'actief'
  return (
    <dl class="pp-dl pp-feiten">
      <dt>Volgend contact</dt>
      <dd>{actief ? <>{formatDatum(p.volgendContactOp)} <span class={p.achterstallig ? 'pp-te-laat' : 'pp-muted'}>({relativeDate(p.volgendContactOp, vandaag)})</span></> : '—'}</dd>
      <dt>Laatste contact</dt>
      <dd>{p.laatsteContactOp ? <>{formatDatum(p.laatsteContactOp)} <span class="pp-muted">({relativeDate(p.laatsteContactOp, vandaag)})</span></> : 'Nog geen contact'}</dd>
      {p.startdatum > vandaag ? <><dt>Start op</dt><dd>{formatDatum(p.startdatum)} <span class="pp-muted">({relativeDate(p.startdatum, vandaag)})</span></dd></> : <><dt>Gestart op</dt><dd>{formatDatum(p.startdatum)}</dd></>}
      <dt>Nazorg tot</dt><dd>{formatDatum(p.nazorgTot)}</dd>
      <dt>Contact</dt><dd>elke {p.contactFrequentieDagen} dagen, met deelnemer en werkgever</dd>
      <dt>Uren per week</dt><dd>{urenTekst(p.urenPerWeek)}</dd>
      <dt>Dagdelen</dt><dd>{p.dagdelen.length ? p.dagdelen.map(dagdeelTekst).join(', ') : '—'}</dd>
      <dt>Jobcoach</dt><dd>{p.jobcoach?.naam ?? 'Geen jobcoach'}</dd>
      {p.einddatum && <><dt>Beëindigd op</dt><dd>{formatDatum(p.einddatum)}{p.eindreden ? `, reden: ${label(eindredenLabel, p.eindreden).toLowerCase()}` : ''}</dd></>}
      {dossier && p.deelnemerId && <><dt>Dossier</dt><dd><a class="utrecht-link" href={`/deelnemers/${encodeURIComponent(p.deelnemerId)}`}>Dossier van {naam}</a></dd></>}
    </dl>
  )
}

// ----------------------------------------------------------------------------- the form

const foutTekst: Record<string, string> = { met: 'Kies met wie u contact had.', kanaal: 'Kies hoe het contact was.', samenvatting: 'Schrijf kort wat er besproken is.' }

function ContactFormulier({ plaatsing, vandaag, eersteContact, correctie, onAnnuleer, onOpgeslagen, kopRef }: {
  plaatsing: Plaatsing; vandaag: string; eersteContact: boolean; correctie?: NazorgRegel
  onAnnuleer: () => void; onOpgeslagen: (r: NazorgRegel, correctie: boolean) => Promise<void>; kopRef: { current: HTMLHeadingElement | null }
}) {
  const freq = plaatsing.contactFrequentieDagen
  const [f, setF] = useState<NazorgFormulier>(() => (correctie ? formulierUitRegel(correctie, freq) : emptyForm(vandaag, freq, eersteContact)))
  const { fields, message, pogingen, busy, save } = useSave()
  const setField = <K extends keyof NazorgFormulier>(k: K) => (v: NazorgFormulier[K]) => setF((o) => ({ ...o, [k]: v }))
  const standaard = defaultVolgendContact(f.datum, freq)

  async function submit(e: Event) {
    e.preventDefault()
    const body = nazorgBody(f)
    const check = validate(nazorgInput, body, ['knelpunten'])
    await save(check.ok ? check : { ok: false, fields: Object.fromEntries(Object.entries(check.fields).map(([k, m]) => [k, foutTekst[k] ?? m])) }, async () => {
      const r = await call(api.plaatsingen[':id'].nazorg.$post({ param: { id: plaatsing.id }, json: body as never }))
      await onOpgeslagen(r, Boolean(f.corrigeert))
    })
  }

  return (
    <form class="pp-form" onSubmit={submit} noValidate aria-labelledby="contact-titel">
      <h2 class="utrecht-heading-2" id="contact-titel" ref={kopRef} tabIndex={-1}>{correctie ? 'Contact corrigeren' : 'Contact vastleggen'}</h2>
      {correctie && (
        <Alert type="info">
          <p class="utrecht-paragraph">U corrigeert het contact van {formatDatum(correctie.datum)}. Het oude contact blijft in het logboek staan, doorgestreept, met een verwijzing naar deze correctie.</p>
        </Alert>
      )}
      <ErrorSummary errors={orderedErrors(fields, nazorgVelden)} message={message} focusKey={pogingen} />
      <div class="pp-grid-2">
        <TextField path="datum" label="Datum" type="date" value={f.datum} onValue={(v) => setF((o) => setDatum(o, v, freq))} error={fields.datum} required />
        <SelectField path="soort" label="Soort contact" value={f.soort} onValue={setField('soort')} options={contactSoorten.map((s) => [s, contactSoortLabel[s]!] as const)} error={fields.soort} />
      </div>
      <KeuzeGroep type="radio" inline path="met" legend="Met wie?" value={f.met} onValue={setField('met')} options={contactMet.map((m) => [m, contactMetLabel[m]!] as const)} error={fields.met} />
      <KeuzeGroep type="radio" inline path="kanaal" legend="Hoe?" value={f.kanaal} onValue={setField('kanaal')} options={kanalen.map((k) => [k, kanaalLabel[k]!] as const)} error={fields.kanaal} />
      <TextAreaField path="samenvatting" label="Samenvatting" rows={3} value={f.samenvatting} onValue={setField('samenvatting')} error={fields.samenvatting} required
        description="Wat is er besproken? Kort is goed." />
      <KeuzeGroep type="checkbox" inline path="knelpunten" legend="Knelpunten" required={false} values={f.knelpunten} error={fields.knelpunten}
        onToggle={(k, aan) => setF((o) => toggleKnelpunt(o, k, aan, knelpunten))} options={knelpunten.map((k) => [k, knelpuntLabel[k]!] as const)} />
      <TextAreaField path="acties" label="Afgesproken acties" required={false} rows={2} value={f.acties} onValue={setField('acties')} error={fields.acties} />
      <CheckboxField path="budget" label="Doorbraakbudget ingezet" checked={f.budget} onValue={setField('budget')} description="Bijvoorbeeld een e-bike of een VCA-cursus." />
      {f.budget && (
        <div class="pp-grid-2 pp-inspring">
          <TextField path="doorbraakbudget.bedrag" label="Bedrag in euro" value={f.bedrag} onValue={setField('bedrag')} error={fields['doorbraakbudget.bedrag'] ?? fields.doorbraakbudget} size="numeric" input={{ inputMode: 'decimal' }} />
          <TextField path="doorbraakbudget.doel" label="Waarvoor" value={f.doel} onValue={setField('doel')} error={fields['doorbraakbudget.doel']} />
        </div>
      )}
      <TextField path="volgendContactOp" label="Volgend contact" type="date" value={f.volgendContactOp} onValue={(v) => setF((o) => setVolgend(o, v, freq))} error={fields.volgendContactOp}
        description={standaard ? <>Standaard {freq} dagen na dit contact: {formatDatum(standaard)}.{f.volgendAangepast && <> <button type="button" class="pp-linkknop" onClick={() => setF((o) => setVolgend(o, standaard, freq))}>Zet terug op {formatDatum(standaard)}</button></>}</> : undefined} />
      <div class="pp-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig…' : correctie ? 'Correctie opslaan' : 'Contact opslaan'}</Button>
        {correctie && <Button onClick={onAnnuleer}>Correctie annuleren</Button>}
      </div>
    </form>
  )
}

// ----------------------------------------------------------------------------- the log

function scrollToRegel(e: Event, id: string) {
  e.preventDefault()
  const el = document.getElementById(`contact-${id}`)
  el?.scrollIntoView({ block: 'center' })
  el?.focus()
}

function Tijdlijn({ regels, kanCorrigeren, corrigeer, bezig }: { regels: TijdlijnRegel[]; kanCorrigeren: boolean; corrigeer: (r: NazorgRegel) => void; bezig?: string }) {
  return (
    <ol class="pp-tijdlijn">
      {regels.map((r) => {
        const kop = `${formatDatum(r.datum)} · ${label(contactSoortLabel, r.soort)}`
        return (
          <li key={r.id} id={`contact-${r.id}`} tabIndex={-1} class={`pp-tijdlijn__regel ${r.vervangenDoor ? 'pp-tijdlijn__regel--gecorrigeerd' : ''} ${r.correctieVan ? 'pp-tijdlijn__regel--correctie' : ''}`} data-id={r.id} aria-labelledby={`kop-${r.id}`}>
            <h3 class="pp-tijdlijn__kop" id={`kop-${r.id}`}>
              {r.vervangenDoor ? <s>{kop}</s> : kop}
              {r.vervangenDoor && <span class="pp-label-gecorrigeerd"> Gecorrigeerd</span>}
              {r.correctieVan && <span class="pp-label-correctie"> Correctie</span>}
            </h3>
            <p class="pp-muted pp-tijdlijn__meta">Met {label(contactMetLabel, r.met).toLowerCase()} · {label(kanaalLabel, r.kanaal).toLowerCase()}</p>
            {r.vervangenDoor && (
              <p class="utrecht-paragraph pp-tijdlijn__verwijzing">
                Vervangen door de correctie van {formatDatum(r.vervangenDoor.vastgelegdOp)}: <a class="utrecht-link" href={`#contact-${r.vervangenDoor.id}`} onClick={(e) => scrollToRegel(e, r.vervangenDoor!.id)}>naar de correctie</a>
              </p>
            )}
            {r.correctieVan && (
              <p class="utrecht-paragraph pp-tijdlijn__verwijzing">
                Corrigeert het contact van {formatDatum(r.correctieVan.datum)}: <a class="utrecht-link" href={`#contact-${r.correctieVan.id}`} onClick={(e) => scrollToRegel(e, r.correctieVan!.id)}>naar het oude contact</a>
              </p>
            )}
            <div class={r.vervangenDoor ? 'pp-doorgestreept' : ''}>
              <p class="utrecht-paragraph" style="white-space: pre-line">{r.samenvatting}</p>
              {r.knelpunten.length > 0 && (
                <ul class="pp-knelpunten" aria-label="Knelpunten">
                  {r.knelpunten.map((k) => <li key={k} class="pp-knelpunt"><span aria-hidden="true">!</span> {label(knelpuntLabel, k)}</li>)}
                </ul>
              )}
              {r.acties && <p class="utrecht-paragraph"><strong>Acties:</strong> <span style="white-space: pre-line">{r.acties}</span></p>}
              {r.doorbraakbudget && <p class="utrecht-paragraph"><strong>Doorbraakbudget:</strong> {formatBedrag(r.doorbraakbudget.bedrag)} voor {r.doorbraakbudget.doel}</p>}
              <p class="pp-muted">Volgend contact gepland op {formatDatum(r.volgendContactOp)} · vastgelegd op {formatDatum(r.vastgelegdOp)}</p>
            </div>
            {kanCorrigeren && !r.vervangenDoor && (
              <Button variant="subtle" onClick={() => corrigeer(r)} disabled={bezig === r.id} aria-label={`Corrigeer het contact van ${formatDatum(r.datum)}`}>Corrigeer</Button>
            )}
          </li>
        )
      })}
    </ol>
  )
}

// ----------------------------------------------------------------------------- ending

function Beeindigen({ plaatsing, naam, vandaag, onKlaar }: { plaatsing: Plaatsing; naam: string; vandaag: string; onKlaar: (melding: string) => Promise<void> }) {
  const [open, setOpen] = useState(false)
  const [stap, setStap] = useState<'invullen' | 'bevestigen'>('invullen')
  const [f, setF] = useState({ einddatum: vandaag, eindreden: '', toelichting: '' })
  const { fields, message, pogingen, busy, save, check, clear } = useSave([], 'Beëindigen lukte niet. Probeer het opnieuw.')
  useEffect(() => {
    if (open) document.getElementById('veld-einddatum')?.focus()
  }, [open])
  const body = () => ({ einddatum: f.einddatum, eindreden: f.eindreden, ...(f.toelichting.trim() ? { toelichting: f.toelichting } : {}) })
  /** A change of date or reason asks for the confirmation again. */
  const change = (k: 'einddatum' | 'eindreden') => (v: string) => {
    setF((o) => ({ ...o, [k]: v }))
    setStap('invullen')
  }

  function proceed(e: Event) {
    e.preventDefault()
    const c = validate(beeindigInput, body())
    if (!check(c.ok ? c : { ok: false, fields: Object.fromEntries(Object.entries(c.fields).map(([k, m]) => [k, k === 'eindreden' ? 'Kies de reden waarom de plaatsing stopt.' : m])) })) return
    clear()
    setStap('bevestigen')
  }
  async function submitEnd() {
    const ok = await save({ ok: true }, async () => {
      await call(api.plaatsingen[':id'].beeindigen.$post({ param: { id: plaatsing.id }, json: body() as never }))
      setOpen(false)
      await onKlaar(`De plaatsing van ${naam} is beëindigd op ${formatDatum(f.einddatum)} (${label(eindredenLabel, f.eindreden).toLowerCase()}). De plaats bij ${plaatsing.plek?.organisatieNaam ?? 'de werkgever'} is weer vrij.`)
    })
    if (!ok) setStap('invullen')
  }

  const duurDagen = f.einddatum ? daysBetween(plaatsing.startdatum, f.einddatum) : 0
  return (
    <section class="pp-card pp-sectie" aria-labelledby="beeindigen-titel">
      <h2 class="utrecht-heading-3" id="beeindigen-titel">Plaatsing beëindigen</h2>
      {!open ? (
        <>
          <p class="utrecht-paragraph">Stopt de plaatsing, of is de nazorg klaar? Leg de einddatum en de reden vast. De plaats bij de werkgever komt dan vrij.</p>
          <Button onClick={() => { setOpen(true); setStap('invullen') }}>Plaatsing beëindigen</Button>
        </>
      ) : (
        <form class="pp-form" onSubmit={proceed} noValidate>
          <ErrorSummary errors={orderedErrors(fields, ['einddatum', 'eindreden', 'toelichting'])} message={message} focusKey={pogingen} />
          <div class="pp-grid-2">
            <TextField path="einddatum" label="Einddatum" type="date" value={f.einddatum} onValue={change('einddatum')} error={fields.einddatum} required />
            <SelectField path="eindreden" label="Eindreden" value={f.eindreden} onValue={change('eindreden')} placeholder="Kies een reden"
              options={eindredenen.map((r) => [r, eindredenLabel[r]!] as const)} error={fields.eindreden} required />
          </div>
          <TextAreaField path="toelichting" label="Toelichting" required={false} rows={2} value={f.toelichting} onValue={(v) => setF((o) => ({ ...o, toelichting: v }))} error={fields.toelichting} />
          {stap === 'invullen' ? (
            <div class="pp-actions">
              <Button type="submit" variant="primary">Verder</Button>
              <Button onClick={() => { setOpen(false); clear() }}>Annuleren</Button>
            </div>
          ) : (
            <ConfirmPanel id="beeindigen-bevestig" ja="Ja, beëindigen" nee="Nee, terug" busy={busy} onJa={submitEnd} onNee={() => setStap('invullen')} vraag={<>
              Weet u zeker dat u de plaatsing van {naam} wilt beëindigen op {formatDatum(f.einddatum)}{duurDagen >= 0 ? `, na ${duurDagen} ${duurDagen === 1 ? 'dag' : 'dagen'}` : ''}, met als reden “{label(eindredenLabel, f.eindreden).toLowerCase()}”?
              Dit kan niet ongedaan worden; daarna kan er geen contact meer bij.
            </>} />
          )}
        </form>
      )}
    </section>
  )
}
