import { useEffect, useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { api, call, ApiError } from '../api.js'
import { gebruiker } from '../session.js'
import { Laden } from '../components/fields.js'
import { LaadFout } from '../components/doodlopend.js'
import { vaardigheden } from '../../../server/domain/enums.js'
import { DagdelenOverzicht } from '../components/dagdelen-rooster.js'
import {
  begeleidingLabel, belastingLabel, formatDatum, formatScore, label, sectorLabel, statusLabel, vaardigheidLabel, vergoedingLabel, vormLabel,
} from '../lib/labels.js'

type Plek = Awaited<ReturnType<typeof loadPlek>>
type Organisatie = Awaited<ReturnType<typeof loadOrganisatie>>
const loadPlek = (id: string) => call(api.plekken[':id'].$get({ param: { id } }))
const loadOrganisatie = (id: string) => call(api.organisaties[':id'].$get({ param: { id } }))

const jaNee = (b: boolean) => (b ? 'Ja' : 'Nee')

export function PlekDetail() {
  const { params } = useRoute()
  const [plek, setPlek] = useState<Plek>()
  const [org, setOrg] = useState<Organisatie>()
  const [fout, setFout] = useState<ApiError | string>()
  useEffect(() => {
    setPlek(undefined)
    loadPlek(params.id!)
      .then((p) => {
        setPlek(p)
        return loadOrganisatie(p.organisatieId).then(setOrg)
      })
      .catch((e) => setFout(e instanceof ApiError ? e : 'De plek kon niet geladen worden.'))
  }, [params.id])

  if (fout) return <LaadFout fout={fout} wat="Plek" />
  if (!plek) return <Laden />
  const vereisten = [plek.vereisten.rijbewijs && 'Rijbewijs', plek.vereisten.vog && 'VOG', plek.vereisten.vca && 'VCA', plek.vereisten.diploma && `Diploma: ${plek.vereisten.diploma}`].filter(Boolean)
  const vrij = plek.capaciteit - plek.bezet
  const matcher = gebruiker.value?.rol === 'jobhunter' || gebruiker.value?.rol === 'beheerder'
  return (
    <article>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={gebruiker.value?.rol === 'werkgever' ? '/mijn-plekken' : '/zoeken'} onClick={(e) => { if (history.length > 1 && gebruiker.value?.rol !== 'werkgever') { e.preventDefault(); history.back() } }}>
          ← Terug {gebruiker.value?.rol === 'werkgever' ? 'naar Mijn plekken' : 'naar de zoekresultaten'}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{plek.titel}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{plek.organisatieNaam} · {plek.plaats}</p>
      <div class="pp-badges">
        <span class={`pp-badge ${plek.taalrijkheidsscore >= 4 ? 'pp-badge--score' : 'pp-badge--low'}`}>Taalrijkheid {formatScore(plek.taalrijkheidsscore)}/10</span>
        <span class="pp-badge">{label(sectorLabel, plek.sector)}</span>
        <span class="pp-badge">{label(vormLabel, plek.vorm)}</span>
        <span class="pp-badge">{statusLabel[plek.status]}</span>
      </div>
      {matcher && (
        <p class="utrecht-paragraph">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`/plekken/${encodeURIComponent(plek.id)}/matches`}>Passende deelnemers</a>
          <span class="pp-muted"> Vraaggericht: zoekende deelnemers, gerangschikt met uitleg.</span>
        </p>
      )}

      <div class="pp-card" style="margin: 1rem 0">
        <h2 class="utrecht-heading-2" style="font-size: 1.25rem; margin-top: 0">Contact</h2>
        {!org ? <p class="utrecht-paragraph pp-muted" role="status">Contactgegevens laden…</p> : (
          <dl class="pp-dl">
            <dt>Organisatie</dt><dd>{org.naam}, {org.postcode} {org.plaats}</dd>
            <dt>Contactpersoon</dt><dd>{org.contactpersoon.naam}</dd>
            <dt>Telefoon</dt><dd><a class="utrecht-link utrecht-link--telephone" href={`tel:${org.contactpersoon.telefoon.replace(/[^+0-9]/g, '')}`}>{org.contactpersoon.telefoon}</a></dd>
            <dt>E-mail</dt><dd><a class="utrecht-link" href={`mailto:${org.contactpersoon.email}`}>{org.contactpersoon.email}</a></dd>
          </dl>
        )}
      </div>

      <h2 class="utrecht-heading-2">Het werk</h2>
      <p class="utrecht-paragraph" style="white-space: pre-line">{plek.omschrijving}</p>
      <dl class="pp-dl">
        {plek.beroep && <><dt>Beroep</dt><dd>{plek.beroep}</dd></>}
        <dt>Plaats</dt><dd>{plek.postcode} {plek.plaats}</dd>
        <dt>Plaatsen</dt><dd>{vrij} van {plek.capaciteit} vrij</dd>
        <dt>Fysieke belasting</dt><dd>{belastingLabel[plek.fysiekeBelasting]}</dd>
        <dt>Werkdruk</dt><dd>{belastingLabel[plek.werkdruk]}</dd>
      </dl>

      <h2 class="utrecht-heading-2">Tijden</h2>
      <dl class="pp-dl">
        <dt>Uren per week</dt><dd>{plek.urenPerWeek.min} tot {plek.urenPerWeek.max} uur</dd>
        <dt>Opbouw mogelijk</dt><dd>{jaNee(plek.opbouw)}</dd>
        <dt>Binnen schooltijden</dt><dd>{jaNee(plek.binnenSchooltijden)}</dd>
        {plek.startdatum && <><dt>Startdatum</dt><dd>{formatDatum(plek.startdatum)}</dd></>}
        {plek.duurWeken && <><dt>Duur</dt><dd>{plek.duurWeken} weken</dd></>}
      </dl>
      <DagdelenOverzicht dagdelen={plek.dagdelen} />

      <h2 class="utrecht-heading-2">Taal</h2>
      <dl class="pp-dl">
        {vaardigheden.map((v) => <><dt key={v}>{vaardigheidLabel[v]} (minimaal)</dt><dd>{plek.taalniveau[v]}</dd></>)}
        <dt>Lager niveau met ondersteuning</dt><dd>{jaNee(plek.lagerNiveauMetOndersteuning)}</dd>
      </dl>
      <h3 class="utrecht-heading-3">Taalrijkheid: {formatScore(plek.taalrijkheidsscore)} van 10</h3>
      <ul class="utrecht-unordered-list">
        {plek.taalrijkheidsuitleg.map((u) => <li key={u}>{u}</li>)}
      </ul>

      <h2 class="utrecht-heading-2">Begeleiding</h2>
      <p class="utrecht-paragraph">{plek.begeleiding.length ? plek.begeleiding.map((b) => label(begeleidingLabel, b)).join(', ') : 'Geen begeleiding op de werkvloer opgegeven.'}</p>

      <h2 class="utrecht-heading-2">Vereisten</h2>
      <p class="utrecht-paragraph">{vereisten.length ? vereisten.join(', ') : 'Geen formele vereisten.'}</p>

      <h2 class="utrecht-heading-2">Vergoeding</h2>
      <p class="utrecht-paragraph">
        {vergoedingLabel[plek.vergoeding.soort]}
        {plek.vergoeding.bedragPerMaand !== undefined && plek.vergoeding.soort !== 'geen' ? `: € ${plek.vergoeding.bedragPerMaand.toLocaleString('nl-NL')} per maand` : ''}
      </p>
    </article>
  )
}
