import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import type { RefObject } from 'preact'
import { api, call, ApiError } from '../api.js'
import { vaardigheden } from '../../../server/domain/enums.js'
import { Alert, Button, Laden } from '../components/fields.js'
import { KleurIcoon, KnockOut, MatchRedenen } from '../components/match.js'
import { VoorstelDialoog, type GemaaktVoorstel, type VoorstelPartijen } from '../components/voorstel-dialoog.js'
import { gebruiker } from '../session.js'
import {
  criteriumLabel, deelnemerStatusLabel, formatScore, kleurLabel, label, leerrouteLabel, richtingLabel, sectorLabel, urenTekst, vaardigheidLabel, vormLabel,
} from '../lib/labels.js'
import {
  MAX_VERGELIJK, gewichtRijen, knockouts, matchUrl, procent, splitMatches, toggleVergelijk, comparisonRows,
  type DeelnemerSamenvatting, type MatchItem, type PlekSamenvatting,
} from '../lib/matches.js'

// The match list, both directions: aanbodgericht (/deelnemers/:id/matches, plekken for one
// deelnemer) and vraaggericht (/plekken/:id/matches, deelnemers for one plek). The ranking is
// advice: every result shows why, and the jobhunter decides.

type Richting = 'aanbodgericht' | 'vraaggericht'

/** One result, whichever direction: what the page shows about the candidate, and the match. */
interface Resultaat extends MatchItem {
  id: string
  naam: string
  href: string
  regel: string
  badges: string[]
  /** What a voorstel needs to know of the candidate. */
  toestemmingDelen?: boolean
  organisatieNaam?: string
}

/** The deelnemer or plek the list is for (from the page's own request). */
interface Onderwerp {
  id: string
  naam: string
  toestemmingDelen?: boolean
  organisatieNaam?: string
}

interface Antwoord {
  items: Resultaat[]
  kandidaten: number
  gewichten: Record<string, number>
  knockouts: string[]
}

const query = (inclusiefUitgesloten: boolean) => (inclusiefUitgesloten ? { inclusiefUitgesloten: 'true' as const } : {})

async function fetchPlekMatches(id: string, inclusiefUitgesloten: boolean, signal: AbortSignal): Promise<Antwoord> {
  const a = await call(api.deelnemers[':id'].matches.$get({ param: { id }, query: query(inclusiefUitgesloten) }, { init: { signal } }))
  return {
    ...a,
    items: a.items.map((m) => {
      const p = m.plek as unknown as PlekSamenvatting
      return {
        ...m, id: p.id, naam: p.titel, href: `/plekken/${encodeURIComponent(p.id)}`, organisatieNaam: p.organisatieNaam,
        regel: `${p.organisatieNaam} · ${p.plaats} · ${formatScore(p.afstandKm)} km`,
        badges: [label(sectorLabel, p.sector), label(vormLabel, p.vorm), `${urenTekst(p.urenPerWeek)} per week`, `Taalrijkheid ${formatScore(p.taalrijkheidsscore)}/10`],
      }
    }),
  }
}

async function fetchDeelnemerMatches(id: string, inclusiefUitgesloten: boolean, signal: AbortSignal): Promise<Antwoord> {
  const a = await call(api.plekken[':id'].matches.$get({ param: { id }, query: query(inclusiefUitgesloten) }, { init: { signal } }))
  return {
    ...a,
    items: a.items.map((m) => {
      const d = m.deelnemer as unknown as DeelnemerSamenvatting
      return {
        ...m, id: d.id, naam: d.naam, href: `/deelnemers/${encodeURIComponent(d.id)}`, toestemmingDelen: d.toestemmingDelen,
        regel: `${d.plaats} · ${formatScore(d.afstandKm)} km · ${label(leerrouteLabel, d.leerroute)}`,
        badges: [
          vaardigheden.map((v) => `${vaardigheidLabel[v]} ${d.taalniveau[v] ?? '?'}`).join(' · '),
          `${urenTekst(d.urenPerWeek)} per week`,
          label(deelnemerStatusLabel, d.status),
          d.toestemmingDelen ? 'Toestemming om te delen' : 'Geen toestemming om te delen',
        ],
      }
    }),
  }
}

export function PlekkenVoorDeelnemer() {
  const { params } = useRoute()
  const id = params.id!
  const [onderwerp, setOnderwerp] = useState<Onderwerp>()
  const naam = onderwerp?.naam
  useEffect(() => {
    call(api.deelnemers[':id'].$get({ param: { id } })).then((d) => setOnderwerp({ id, naam: d.naam, toestemmingDelen: d.toestemmingDelen })).catch(() => setOnderwerp({ id, naam: '' }))
  }, [id])
  return (
    <MatchLijst richting="aanbodgericht" id={id} laad={fetchPlekMatches} basis={`/deelnemers/${encodeURIComponent(id)}/matches`} onderwerp={onderwerp}
      titel={naam ? `Passende plekken voor ${naam}` : 'Passende plekken'} terug={[`/deelnemers/${encodeURIComponent(id)}`, 'Terug naar het dossier']}
      enkelvoud="plek" meervoud="plekken" />
  )
}

export function DeelnemersVoorPlek() {
  const { params } = useRoute()
  const id = params.id!
  const [onderwerp, setOnderwerp] = useState<Onderwerp>()
  const titel = onderwerp?.naam
  useEffect(() => {
    call(api.plekken[':id'].$get({ param: { id } })).then((p) => setOnderwerp({ id, naam: p.titel, organisatieNaam: p.organisatieNaam })).catch(() => setOnderwerp({ id, naam: '' }))
  }, [id])
  return (
    <MatchLijst richting="vraaggericht" id={id} laad={fetchDeelnemerMatches} basis={`/plekken/${encodeURIComponent(id)}/matches`} onderwerp={onderwerp}
      titel={titel ? `Passende deelnemers voor ${titel}` : 'Passende deelnemers'} terug={[`/plekken/${encodeURIComponent(id)}`, 'Terug naar de plek']}
      enkelvoud="deelnemer" meervoud="deelnemers" />
  )
}

interface LijstProps {
  richting: Richting
  id: string
  laad: (id: string, inclusiefUitgesloten: boolean, signal: AbortSignal) => Promise<Antwoord>
  basis: string
  titel: string
  terug: [string, string]
  enkelvoud: string
  meervoud: string
  onderwerp?: Onderwerp
}

/** The open voorstellen already made for the page's deelnemer or plek: result id → voorstel id. */
async function openVoorstellen(richting: Richting, id: string): Promise<Record<string, string>> {
  const query = richting === 'aanbodgericht' ? { deelnemerId: id } : { plekId: id }
  const a = await call(api.voorstellen.$get({ query: { ...query, status: 'voorgesteld', perPage: '100' } }))
  return Object.fromEntries(a.items.map((v) => [richting === 'aanbodgericht' ? v.plekId : String(v.deelnemerId ?? ''), v.id]))
}

function MatchLijst({ richting, id, laad, basis, titel, terug, enkelvoud, meervoud, onderwerp }: LijstProps) {
  const { query: q, route } = useLocation()
  const inclusiefUitgesloten = q.inclusiefUitgesloten === 'true'
  const [antwoord, setAntwoord] = useState<Antwoord>()
  const [fout, setFout] = useState<string>()
  const [laden, setLaden] = useState(true)
  const [gekozen, setGekozen] = useState<string[]>([])
  const [keuzeMelding, setKeuzeMelding] = useState<string>()
  const [vergelijk, setVergelijk] = useState(false)
  const vergelijkKop = useRef<HTMLHeadingElement>(null)
  // Voorstellen: only a jobhunter makes them
  const magVoorstellen = gebruiker.value?.rol === 'jobhunter'
  const [voorgesteld, setVoorgesteld] = useState<Record<string, string>>({})
  const [dialoog, setDialoog] = useState<VoorstelPartijen & { resultaat: string }>()
  const [voorstelMelding, setVoorstelMelding] = useState<string>()
  useEffect(() => {
    if (magVoorstellen) openVoorstellen(richting, id).then(setVoorgesteld).catch(() => {})
  }, [id, magVoorstellen])

  function openVoorstelDialog(r: Resultaat) {
    if (!onderwerp) return
    const partijen: VoorstelPartijen = richting === 'aanbodgericht'
      ? { deelnemer: { id: onderwerp.id, naam: onderwerp.naam, toestemmingDelen: onderwerp.toestemmingDelen }, plek: { id: r.id, titel: r.naam, organisatieNaam: r.organisatieNaam }, modus: richting, score: r.score, uitgesloten: r.uitgesloten }
      : { deelnemer: { id: r.id, naam: r.naam, toestemmingDelen: r.toestemmingDelen }, plek: { id: onderwerp.id, titel: onderwerp.naam, organisatieNaam: onderwerp.organisatieNaam }, modus: richting, score: r.score, uitgesloten: r.uitgesloten }
    setVoorstelMelding(undefined)
    setDialoog({ ...partijen, resultaat: r.id })
  }
  function onVoorstelCreated(v: GemaaktVoorstel, resultaat: string, partijen: VoorstelPartijen) {
    setVoorgesteld((o) => ({ ...o, [resultaat]: v.id }))
    setVoorstelMelding(`Het voorstel is verstuurd: ${partijen.deelnemer.naam} voor “${partijen.plek.titel}”. De werkgever ziet het nu bij Voorstellen.`)
    // the button is gone; the keyboard continues at the card's new link
    setTimeout(() => document.getElementById(`voorgesteld-${resultaat}`)?.focus(), 0)
  }

  useEffect(() => {
    const ctrl = new AbortController()
    setLaden(true)
    laad(id, inclusiefUitgesloten, ctrl.signal)
      .then((a) => {
        setAntwoord(a)
        setFout(undefined)
        setLaden(false)
        // a chosen result that is no longer listed (excluded ones hidden again) is no longer chosen
        setGekozen((g) => g.filter((x) => a.items.some((m) => m.id === x)))
      })
      .catch((e) => {
        if (ctrl.signal.aborted) return
        setFout(e instanceof ApiError ? e.message : 'De passende resultaten konden niet geladen worden.')
        setLaden(false)
      })
    return () => ctrl.abort()
  }, [id, inclusiefUitgesloten])

  // a changed choice: the comparison of the old pair closes, and an old "at most two" message goes
  useEffect(() => {
    if (gekozen.length < MAX_VERGELIJK) setVergelijk(false)
    setKeuzeMelding(undefined)
  }, [gekozen.join(' ')])
  useEffect(() => {
    if (vergelijk) vergelijkKop.current?.focus()
  }, [vergelijk])

  const { passend, uitgesloten } = splitMatches(antwoord?.items ?? [])
  const keuze = gekozen.map((g) => antwoord?.items.find((m) => m.id === g)).filter((m): m is Resultaat => Boolean(m))

  function toggleCompare(r: Resultaat, aan: boolean, input: HTMLInputElement) {
    const volgende = toggleVergelijk(gekozen, r.id, aan)
    if (aan && !volgende.includes(r.id)) {
      input.checked = false
      setKeuzeMelding(`U kunt ${MAX_VERGELIJK} resultaten naast elkaar zetten. Haal eerst een vinkje weg.`)
      return
    }
    setKeuzeMelding(undefined)
    setGekozen(volgende)
  }

  const status = laden
    ? 'Bezig met matchen…'
    : fout || !antwoord
      ? ''
      : `${passend.length} ${passend.length === 1 ? `passende ${enkelvoud}` : `passende ${meervoud}`} van ${antwoord.kandidaten} beoordeelde${inclusiefUitgesloten ? `; ${uitgesloten.length} uitgesloten door een harde grens` : ''}.`

  return (
    <>
      <p class="utrecht-paragraph"><a class="utrecht-link" href={terug[0]}>← {terug[1]}</a></p>
      <h1 class="utrecht-heading-1">{titel}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {richtingLabel[richting]}: {richting === 'aanbodgericht'
          ? 'plekken gerangschikt vanuit de wensen, mogelijkheden en grenzen van de deelnemer.'
          : 'zoekende deelnemers gerangschikt vanuit de eisen en wensen van de werkgever.'}
      </p>
      <div class="pp-advies" role="note" aria-label="Advies">
        <p class="utrecht-paragraph"><strong>Deze volgorde is een advies; u beslist.</strong> Lees bij elke match de redenen, en bespreek een plek met de deelnemer en de werkgever voordat u iets voorstelt. Het systeem plaatst niemand automatisch.</p>
      </div>

      <div class="pp-match-opties">
        <div class="pp-check">
          <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id="toon-uitgesloten" checked={inclusiefUitgesloten}
            onChange={(e) => route(matchUrl(basis, e.currentTarget.checked), true)} />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="toon-uitgesloten">Toon uitgesloten {meervoud} (achteraan, met de reden)</label>
        </div>
        {antwoord && <Gewichten richting={richting} gewichten={antwoord.gewichten} knockoutCodes={antwoord.knockouts} />}
      </div>

      <p class="pp-status-line utrecht-paragraph" id="match-status" role="status" aria-live="polite">{status}</p>
      <div aria-live="polite" class="pp-status-line">{voorstelMelding && <Alert type="ok"><p class="utrecht-paragraph">{voorstelMelding}</p></Alert>}</div>
      {dialoog && (
        <VoorstelDialoog partijen={dialoog} onSluit={() => setDialoog(undefined)} onKlaar={(v) => onVoorstelCreated(v, dialoog.resultaat, dialoog)} />
      )}
      {fout && <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>}

      {vergelijk && keuze.length === MAX_VERGELIJK && (
        <Vergelijking a={keuze[0]!} b={keuze[1]!} gewichten={antwoord?.gewichten ?? {}} kopRef={vergelijkKop} sluit={() => setVergelijk(false)} />
      )}

      {!antwoord && !fout ? <Laden tekst="Bezig met matchen…" /> : antwoord && (
        <div class={laden ? 'pp-busy' : ''} aria-busy={laden ? 'true' : 'false'}>
          <h2 class="utrecht-heading-2">Passend ({passend.length})</h2>
          {passend.length === 0 ? (
            <div class="pp-card">
              <p class="utrecht-paragraph">
                Geen {enkelvoud === 'plek' ? 'plek' : 'deelnemer'} past binnen de harde grenzen.
                {!inclusiefUitgesloten && ' Zet “Toon uitgesloten” aan om te zien wat het dichtst in de buurt komt en waarom het niet past.'}
              </p>
            </div>
          ) : (
            <ol class="pp-matches">
              {passend.map((r, i) => <MatchKaart key={r.id} r={r} rang={i + 1} gekozen={gekozen.includes(r.id)} kies={toggleCompare} voorstel={magVoorstellen ? { open: voorgesteld[r.id], start: onderwerp ? () => openVoorstelDialog(r) : undefined } : undefined} />)}
            </ol>
          )}
          {inclusiefUitgesloten && (
            <>
              <h2 class="utrecht-heading-2">Uitgesloten ({uitgesloten.length})</h2>
              {uitgesloten.length === 0 ? <p class="utrecht-paragraph">Geen enkele {enkelvoud} valt af op een harde grens.</p> : (
                <ul class="pp-matches pp-matches--uitgesloten">
                  {uitgesloten.map((r) => <MatchKaart key={r.id} r={r} gekozen={gekozen.includes(r.id)} kies={toggleCompare} voorstel={magVoorstellen ? { open: voorgesteld[r.id], start: onderwerp ? () => openVoorstelDialog(r) : undefined } : undefined} />)}
                </ul>
              )}
            </>
          )}
        </div>
      )}

      {antwoord && antwoord.items.length > 1 && (
        <div class={`pp-vergelijkbalk ${keuze.length > 0 || keuzeMelding ? 'pp-vergelijkbalk--vast' : ''}`} role="region" aria-label="Vergelijken">
          <p class="utrecht-paragraph" aria-live="polite">
            {keuzeMelding ?? (keuze.length === 0
              ? `Vink twee ${meervoud} aan om ze naast elkaar te zetten.`
              : `Gekozen (${keuze.length} van ${MAX_VERGELIJK}): ${keuze.map((k) => k.naam).join(' en ')}.`)}
          </p>
          <div class="pp-actions">
            <Button variant="primary" disabled={keuze.length !== MAX_VERGELIJK} aria-disabled={keuze.length !== MAX_VERGELIJK ? 'true' : undefined}
              onClick={() => (vergelijk ? vergelijkKop.current?.focus() : setVergelijk(true))}>Vergelijk</Button>
            {keuze.length > 0 && <Button onClick={() => { setGekozen([]); setKeuzeMelding(undefined) }}>Keuze wissen</Button>}
          </div>
        </div>
      )}
    </>
  )
}

function MatchKaart({ r, rang, gekozen, kies, voorstel }: {
  r: Resultaat; rang?: number; gekozen: boolean; kies: (r: Resultaat, aan: boolean, input: HTMLInputElement) => void
  /** For a jobhunter: the open voorstel for this result, or how to make one. */
  voorstel?: { open?: string; start?: () => void }
}) {
  const ko = knockouts(r)
  const kopId = `match-${r.id}`
  return (
    <li class={`pp-match ${r.uitgesloten ? 'pp-match--uitgesloten' : ''}`} data-id={r.id}>
      <div class="pp-match__kop">
        <div class="pp-match__score" aria-hidden="true">
          <span class="pp-match__getal">{r.score}</span>
          <span class="pp-match__van">van 100</span>
        </div>
        <div class="pp-match__wie">
          <h3 id={kopId}>
            {rang !== undefined ? <span class="pp-match__rang">{rang}. </span> : <span class="pp-match__rang pp-match__rang--uit">Uitgesloten: </span>}
            <a class="utrecht-link utrecht-link--html-a" href={r.href}>{r.naam}</a>
            <span class="pp-visually-hidden">, score {r.score} van 100</span>
          </h3>
          <p class="pp-muted">{r.regel}</p>
          <div class="pp-badges">{r.badges.map((b) => <span key={b} class="pp-badge">{b}</span>)}</div>
        </div>
        <div class="pp-check pp-match__kies">
          <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={`vergelijk-${r.id}`} checked={gekozen}
            onChange={(e) => kies(r, e.currentTarget.checked, e.currentTarget)} />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={`vergelijk-${r.id}`}>Vergelijken<span class="pp-visually-hidden"> {r.naam}</span></label>
        </div>
      </div>
      {r.uitgesloten && (
        <p class="pp-uitgesloten-reden">
          <KleurIcoon kleur="rood" /> <strong>Uitgesloten</strong> door {ko.length === 1 ? 'de harde grens' : 'de harde grenzen'}{' '}
          {ko.map((c) => label(criteriumLabel, c.code).toLowerCase()).join(' en ')}: zie de redenen met “Knock-out” hieronder.
        </p>
      )}
      <MatchRedenen match={r} />
      {voorstel && (
        <div class="pp-match__voorstel">
          {voorstel.open ? (
            <p class="utrecht-paragraph">
              <span class="pp-reden-icoon pp-reden-icoon--groen" aria-hidden="true">✓</span> Voorgesteld; het voorstel staat open.{' '}
              <a class="utrecht-link" id={`voorgesteld-${r.id}`} href="/voorstellen">Bekijk bij Voorstellen<span class="pp-visually-hidden"> ({r.naam})</span></a>
            </p>
          ) : (
            <Button variant="primary" onClick={voorstel.start} disabled={!voorstel.start}>Voorstellen<span class="pp-visually-hidden"> {r.naam}</span></Button>
          )}
        </div>
      )}
    </li>
  )
}

function Gewichten({ richting, gewichten, knockoutCodes }: { richting: Richting; gewichten: Record<string, number>; knockoutCodes: string[] }) {
  return (
    <details class="pp-gewichten">
      <summary>Hoe komt deze volgorde tot stand?</summary>
      <p class="utrecht-paragraph">
        De score (0–100) is het gewogen gemiddelde van de criteria hieronder, met de gewichten voor {richting === 'aanbodgericht' ? 'aanbodgericht' : 'vraaggericht'} matchen.
        Een criterium met “sluit uit” is een harde grens: past het niet, dan valt de match af, hoe hoog de rest ook scoort.
      </p>
      <table class="utrecht-table utrecht-table--html-table pp-table">
        <caption class="utrecht-table__caption pp-visually-hidden">Gewichten van de criteria</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">Criterium</th>
            <th class="utrecht-table__header-cell" scope="col">Gewicht</th>
            <th class="utrecht-table__header-cell" scope="col">Aandeel in de score</th>
            <th class="utrecht-table__header-cell" scope="col">Harde grens</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {gewichtRijen(gewichten, knockoutCodes).map((g) => (
            <tr class="utrecht-table__row" key={g.code}>
              <th class="utrecht-table__cell" scope="row" style="font-weight: 400">{label(criteriumLabel, g.code)}</th>
              <td class="utrecht-table__cell">{g.gewicht}</td>
              <td class="utrecht-table__cell">{g.aandeel} %</td>
              <td class="utrecht-table__cell">{g.knockout ? 'Sluit uit' : 'Nee'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

function Cel({ r, code }: { r: Resultaat; code: string }) {
  const c = r.criteria.find((x) => x.code === code)
  if (!c) return <span class="pp-muted">Niet beoordeeld</span>
  return (
    <div class="pp-vergelijk-cel">
      <span class={`pp-chip pp-chip--${c.kleur}`}>
        <KleurIcoon kleur={c.kleur} /> {procent(c.score)}<span class="pp-visually-hidden">, {kleurLabel[c.kleur].tekst}</span>
      </span>
      {c.knockout && <> <KnockOut /></>}
      <div>{c.uitleg}</div>
    </div>
  )
}

function Vergelijking({ a, b, gewichten, kopRef, sluit }: { a: Resultaat; b: Resultaat; gewichten: Record<string, number>; kopRef: RefObject<HTMLHeadingElement | null>; sluit: () => void }) {
  return (
    <section class="pp-card pp-vergelijking" aria-labelledby="vergelijking-titel">
      <div class="pp-row" style="justify-content: space-between; align-items: center">
        <h2 class="utrecht-heading-2" id="vergelijking-titel" ref={kopRef} tabIndex={-1} style="margin: 0">Vergelijking: {a.naam} en {b.naam}</h2>
        <Button onClick={sluit}>Sluit vergelijking</Button>
      </div>
      <div class="pp-table-scroll">
        <table class="utrecht-table utrecht-table--html-table pp-table pp-table--stapel pp-vergelijk-tabel">
          <caption class="utrecht-table__caption pp-visually-hidden">Per criterium de score en de uitleg van beide</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Criterium</th>
              <th class="utrecht-table__header-cell" scope="col">{a.naam}</th>
              <th class="utrecht-table__header-cell" scope="col">{b.naam}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__cell" scope="row">Totaalscore</th>
              <td class="utrecht-table__cell" data-label={a.naam}><strong>{a.score} van 100</strong>{a.uitgesloten && <> · uitgesloten door een <KnockOut /></>}</td>
              <td class="utrecht-table__cell" data-label={b.naam}><strong>{b.score} van 100</strong>{b.uitgesloten && <> · uitgesloten door een <KnockOut /></>}</td>
            </tr>
            {comparisonRows(a, b).map((rij) => (
              <tr class="utrecht-table__row" key={rij.code}>
                <th class="utrecht-table__cell" scope="row">
                  {label(criteriumLabel, rij.code)}
                  {gewichten[rij.code] !== undefined && <div class="pp-muted" style="font-weight: 400">gewicht {gewichten[rij.code]}</div>}
                </th>
                <td class="utrecht-table__cell" data-label={a.naam}><Cel r={a} code={rij.code} /></td>
                <td class="utrecht-table__cell" data-label={b.naam}><Cel r={b} code={rij.code} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
