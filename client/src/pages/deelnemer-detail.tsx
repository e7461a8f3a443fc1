import { useLocation, useRoute } from 'preact-iso'
import { useEffect, useState } from 'preact/hooks'
import { gebruiker } from '../session.js'
import { api, ApiError, call } from '../api.js'
import { vaardigheden } from '../../../server/domain/enums.js'
import { Alert, Laden } from '../components/fields.js'
import { LaadFout } from '../components/doodlopend.js'
import { StatusBadge } from '../components/tabel.js'
import { DagdelenRooster, RoosterLegenda } from '../components/dagdelen-rooster.js'
import { Gevoelig } from '../components/gevoelig.js'
import {
  belastingLabel, deelnemerStatusBadge, deelnemerStatusLabel, doelgroepLabel, formatDatum, formatScore, geletterdheidLabel, kinderopvangLabel, label,
  leerrouteLabel, sectorLabel, urenTekst, vaardigheidLabel, voorstelStatusBadge, voorstelStatusLabel, vormLabel,
} from '../lib/labels.js'
import { urenOpVrijeDagdelen } from '../lib/deelnemer-form.js'
import { useLoad } from '../lib/use-load.js'

type Deelnemer = Awaited<ReturnType<typeof loadDeelnemer>>
type Matches = Awaited<ReturnType<typeof loadMatches>>
type Voorstellen = Awaited<ReturnType<typeof loadVoorstellen>>
const loadDeelnemer = (id: string, signal: AbortSignal) => call(api.deelnemers[':id'].$get({ param: { id } }, { init: { signal } }))
const loadMatches = (id: string, signal: AbortSignal) => call(api.deelnemers[':id'].matches.$get({ param: { id }, query: { limit: '3' } }, { init: { signal } }))
const loadVoorstellen = (id: string, signal: AbortSignal) => call(api.voorstellen.$get({ query: { deelnemerId: id, perPage: '10' } }, { init: { signal } }))

const jaNee = (b: boolean) => (b ? 'Ja' : 'Nee')
const of = (tekst: string | undefined) => (tekst && tekst.trim() ? tekst : <span class="pp-muted">Niet ingevuld</span>)

/** The dossier: the whole profile read-only, Bewerken, and the best passende plekken. */
export function DeelnemerDetail() {
  const { params } = useRoute()
  return <Dossier key={params.id} deelnemerId={params.id!} />
}

/** One deelnemer's dossier (a new one starts fresh); the profile, matches and voorstellen load side by side. */
function Dossier({ deelnemerId }: { deelnemerId: string }) {
  const { query } = useLocation()
  const { data: d, fout } = useLoad((signal) => loadDeelnemer(deelnemerId, signal), [], 'De deelnemer kon niet geladen worden.')
  const matches = useLoad((signal) => loadMatches(deelnemerId, signal), [], 'De passende plekken konden niet geladen worden.')
  const voorstellen = useLoad((signal) => loadVoorstellen(deelnemerId, signal), [], 'De voorstellen konden niet geladen worden.')

  if (fout) return <LaadFout fout={fout} wat="Deelnemer" />
  if (!d) return <Laden />
  const id = encodeURIComponent(d.id)
  const vervoer = [d.mobiliteit.fiets && 'fiets', d.mobiliteit.ov && 'openbaar vervoer', d.mobiliteit.rijbewijs && 'rijbewijs', d.mobiliteit.auto && 'eigen auto'].filter(Boolean)
  return (
    <article class="pp-dossier">
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/deelnemers">← Terug naar Deelnemers</a></p>
      <div aria-live="polite" class="pp-status-line">
        {query.opgeslagen && <Alert type="ok" tekst={<>De gegevens van {d.naam} zijn opgeslagen.</>} />}
      </div>
      <div class="pp-row" style="justify-content: space-between">
        <h1 class="utrecht-heading-1">{d.naam}</h1>
        <div class="pp-actions">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/deelnemers/${id}/bewerken`}>Bewerken</a>
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`/deelnemers/${id}/matches`}>Passende plekken</a>
        </div>
      </div>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{d.plaats} · gemeente {d.gemeenteNaam} · geboren in {d.geboortejaar}</p>
      <div class="pp-badges">
        <StatusBadge variant={deelnemerStatusBadge[d.status]}>{deelnemerStatusLabel[d.status]}</StatusBadge>
        <span class="pp-badge">{label(leerrouteLabel, d.leerroute)}</span>
        <span class="pp-badge">{d.toestemmingDelen ? 'Toestemming om te delen' : 'Geen toestemming om te delen'}</span>
      </div>

      <PassendePlekken d={d} matches={matches.data} fout={matches.fout?.message} />
      {voorstellen.data && <DossierVoorstellen deelnemerId={d.id} voorstellen={voorstellen.data} />}

      <p class="utrecht-paragraph pp-muted">Gegevens met <span class="pp-gevoelig">Gevoelig</span> worden nooit met werkgevers gedeeld, ook niet met toestemming.</p>
      <h2 class="utrecht-heading-2">Persoonsgegevens</h2>
      <dl class="pp-dl">
        <dt>Postcode</dt><dd>{d.postcode} {d.plaats}</dd>
        <dt>Gemeente</dt><dd>{d.gemeenteNaam}</dd>
        <dt>Regievoerder</dt><dd><Regievoerder deelnemerId={d.id} gemeenteId={d.gemeenteId} regievoerderId={d.regievoerderId} /></dd>
        <dt>Telefoon</dt><dd>{d.telefoon ? <a class="utrecht-link utrecht-link--telephone" href={`tel:${d.telefoon.replace(/[^+0-9]/g, '')}`}>{d.telefoon}</a> : of(undefined)}</dd>
        <dt>E-mail</dt><dd>{d.email ? <a class="utrecht-link" href={`mailto:${d.email}`}>{d.email}</a> : of(undefined)}</dd>
        <dt>Doelgroep</dt><dd>{label(doelgroepLabel, d.doelgroep)} <Gevoelig kort /></dd>
      </dl>

      <h2 class="utrecht-heading-2">Taal</h2>
      <dl class="pp-dl">
        <dt>Leerroute</dt><dd>{label(leerrouteLabel, d.leerroute)}</dd>
        {vaardigheden.map((v) => <><dt key={v}>{vaardigheidLabel[v]}</dt><dd>{d.taalniveau[v]}</dd></>)}
        <dt>Geletterdheid</dt><dd>{label(geletterdheidLabel, d.geletterdheid)} <Gevoelig kort /></dd>
        <dt>Moedertaal</dt><dd>{of(d.moedertaal)} <Gevoelig kort /></dd>
        <dt>Andere talen</dt><dd>{d.andereTalen.length ? d.andereTalen.join(', ') : of(undefined)} <Gevoelig kort /></dd>
      </dl>

      <h2 class="utrecht-heading-2">Beschikbaarheid</h2>
      <dl class="pp-dl">
        <dt>Uren per week</dt><dd>{urenTekst(d.urenPerWeek)}</dd>
        <dt>Vrije dagdelen</dt><dd>{d.beschikbareDagdelen.length} (ongeveer {urenOpVrijeDagdelen(d)} uur)</dd>
        <dt>Taallesdagdelen</dt><dd>{d.taallesDagdelen.length}</dd>
        <dt>Kinderopvang</dt><dd>{label(kinderopvangLabel, d.kinderopvang)}</dd>
      </dl>
      <RoosterLegenda />
      <DagdelenRooster caption="Week van de deelnemer" beschikbareDagdelen={d.beschikbareDagdelen} taallesDagdelen={d.taallesDagdelen} />

      <h2 class="utrecht-heading-2">Mobiliteit</h2>
      <dl class="pp-dl">
        <dt>Reist met</dt><dd>{vervoer.length ? vervoer.join(', ') : 'Niets opgegeven'}</dd>
        <dt>Maximale reisafstand</dt><dd>{formatScore(d.mobiliteit.maxReisafstandKm)} km</dd>
      </dl>

      <h2 class="utrecht-heading-2">Belastbaarheid en ondersteuning</h2>
      <dl class="pp-dl">
        <dt>Belastbaarheid</dt><dd>{label(belastingLabel, d.belastbaarheid)} <Gevoelig kort /></dd>
        <dt>Ondersteuningsbehoefte</dt><dd>{of(d.ondersteuningsbehoefte)} <Gevoelig kort /></dd>
      </dl>

      <h2 class="utrecht-heading-2">Wensen en ervaring</h2>
      <dl class="pp-dl">
        <dt>Sectoren</dt><dd>{d.wensen.sectoren.length ? d.wensen.sectoren.map((s) => label(sectorLabel, s)).join(', ') : of(undefined)}</dd>
        <dt>Vormen</dt><dd>{d.wensen.vormen.length ? d.wensen.vormen.map((v) => label(vormLabel, v)).join(', ') : of(undefined)}</dd>
        <dt>Wensberoep</dt><dd>{of(d.wensen.wensberoep)}</dd>
        <dt>Werkervaring</dt><dd style="white-space: pre-line">{of(d.werkervaring)}</dd>
        <dt>Opleiding</dt><dd style="white-space: pre-line">{of(d.opleiding)}</dd>
        <dt>VCA-certificaat</dt><dd>{jaNee(d.vca)}</dd>
      </dl>

      <h2 class="utrecht-heading-2">Toestemming</h2>
      <p class="utrecht-paragraph">
        {d.toestemmingDelen
          ? `${d.naam} geeft toestemming om het profiel in een voorstel met een werkgever te delen${d.toestemmingOp ? ` (sinds ${formatDatum(d.toestemmingOp)})` : ''}. Gevoelige gegevens worden nooit gedeeld.`
          : `${d.naam} heeft (nog) geen toestemming gegeven om het profiel met een werkgever te delen.`}
      </p>
      <p class="utrecht-paragraph pp-muted">Vastgelegd op {formatDatum(d.aangemaaktOp)}, laatst gewijzigd op {formatDatum(d.gewijzigdOp)}.</p>
    </article>
  )
}

/** The three best passende plekken, and the way to all of them (or to why none fits). */
function PassendePlekken({ d, matches, fout }: { d: Deelnemer; matches?: Matches; fout?: string }) {
  const id = encodeURIComponent(d.id)
  return (
    <section class="pp-card pp-passend" aria-labelledby="passend-titel" style="margin: 1rem 0">
      <h2 class="utrecht-heading-2" id="passend-titel" style="font-size: 1.25rem; margin-top: 0">Passende plekken</h2>
      {d.status === 'geplaatst' && <p class="utrecht-paragraph pp-muted">{d.naam} is geplaatst. De plek van de plaatsing staat hier niet bij; dit zijn andere plekken, voor als de plaatsing stopt.</p>}
      {fout ? <p class="utrecht-paragraph">{fout}</p> : !matches ? <p class="utrecht-paragraph pp-muted" role="status">Passende plekken zoeken…</p> : matches.items.length === 0 ? (
        <p class="utrecht-paragraph">Er is nu geen plek die binnen de harde grenzen van {d.naam} past ({matches.kandidaten} {matches.kandidaten === 1 ? 'plek' : 'plekken'} binnen de reisafstand beoordeeld).</p>
      ) : (
        <ol class="pp-mini-matches">
          {matches.items.map((m) => (
            <li key={m.plek.id}>
              <span class="pp-score-klein">{m.score}<span class="pp-visually-hidden"> van 100</span></span>{' '}
              <a class="utrecht-link" href={`/plekken/${encodeURIComponent(m.plek.id)}`}>{m.plek.titel}</a>
              <span class="pp-muted"> · {m.plek.organisatieNaam} · {m.plek.plaats} · {formatScore(m.plek.afstandKm)} km</span>
            </li>
          ))}
        </ol>
      )}
      <p class="utrecht-paragraph" style="margin-bottom: 0">
        {matches && matches.items.length === 0
          ? <a class="utrecht-link" href={`/deelnemers/${id}/matches?inclusiefUitgesloten=true`}>Bekijk welke plekken afvallen en waarom</a>
          : <a class="utrecht-link" href={`/deelnemers/${id}/matches`}>Alle passende plekken met de redenen</a>}
      </p>
    </section>
  )
}

/** The deelnemer's voorstellen and what came of them; nothing when there are none. */
function DossierVoorstellen({ deelnemerId, voorstellen }: { deelnemerId: string; voorstellen: Voorstellen }) {
  if (voorstellen.total === 0) return null
  return (
    <section class="pp-card" aria-labelledby="voorstellen-titel" style="margin: 1rem 0">
      <h2 class="utrecht-heading-2" id="voorstellen-titel" style="font-size: 1.25rem; margin-top: 0">Voorstellen en plaatsing</h2>
      <ul class="pp-mini-matches pp-dossier-voorstellen">
        {voorstellen.items.map((v) => (
          <li key={v.id}>
            <StatusBadge variant={voorstelStatusBadge[v.status]}>{label(voorstelStatusLabel, v.status)}</StatusBadge>{' '}
            <a class="utrecht-link" href={`/plekken/${encodeURIComponent(v.plekId)}`}>{v.plek.titel}</a>
            <span class="pp-muted"> · voorgesteld op {formatDatum(v.aangemaaktOp)}{v.status === 'geaccepteerd' && v.beantwoordOp ? ` · geaccepteerd op ${formatDatum(v.beantwoordOp)}: geplaatst` : ''}{v.afwijsreden ? ` · reden: ${v.afwijsreden}` : ''}</span>
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph" style="margin-bottom: 0"><a class="utrecht-link" href={`/voorstellen?deelnemerId=${encodeURIComponent(deelnemerId)}`}>{voorstellen.total > voorstellen.items.length ? `Alle ${voorstellen.total} voorstellen` : 'Naar Voorstellen'}</a></p>
    </section>
  )
}

/**
 * The responsible jobhunter. A beheerder may hand the deelnemer to another active jobhunter of the
 * deelnemer's gemeente (PUT /api/deelnemers/:id/regievoerder): only those are offered.
 */
function Regievoerder({ deelnemerId, gemeenteId, regievoerderId }: { deelnemerId: string; gemeenteId: string; regievoerderId: string | null }) {
  const ik = gebruiker.value
  const [huidig, setHuidig] = useState(regievoerderId)
  const [jobhunters, setJobhunters] = useState<{ id: string; naam: string }[]>([])
  const [keuze, setKeuze] = useState('')
  const [melding, setMelding] = useState<string>()
  useEffect(() => {
    if (ik?.rol !== 'beheerder') return
    call(api.gebruikers.$get({ query: { perPage: '100' } }))
      .then((l) => setJobhunters(l.items.filter((g) => g.rol === 'jobhunter' && g.actief !== false && (g.werkgebied ?? []).includes(gemeenteId)).map((g) => ({ id: g.id, naam: g.naam }))))
      .catch(() => {})
  }, [gemeenteId])
  const naam = huidig === ik?.id ? 'u zelf' : (jobhunters.find((j) => j.id === huidig)?.naam ?? (huidig ? 'een collega' : 'nog niemand'))
  if (ik?.rol !== 'beheerder' || jobhunters.length === 0) return <>{naam}</>
  async function wijzig(e: Event) {
    e.preventDefault()
    if (!keuze) return
    try {
      await call(api.deelnemers[':id'].regievoerder.$put({ param: { id: deelnemerId }, json: { regievoerderId: keuze } }))
      setHuidig(keuze)
      setMelding('De regievoerder is gewijzigd.')
    } catch (err) {
      setMelding(err instanceof ApiError ? err.message : 'Dat lukte niet.')
    }
  }
  return (
    <form class="pp-row" onSubmit={wijzig}>
      <span>{naam}</span>
      <label class="pp-visually-hidden" for="regievoerder-keuze">Andere regievoerder</label>
      <select id="regievoerder-keuze" class="utrecht-select utrecht-select--html-select" value={keuze} onChange={(e) => setKeuze(e.currentTarget.value)}>
        <option value="">Kies een jobhunter</option>
        {jobhunters.filter((j) => j.id !== huidig).map((j) => <option key={j.id} value={j.id}>{j.naam}</option>)}
      </select>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled={!keuze}>Wijzig regievoerder</button>
      <span aria-live="polite">{melding}</span>
    </form>
  )
}
