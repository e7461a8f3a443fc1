import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import type { RefObject } from 'preact'
import { api, call } from '../api.js'
import { vaardigheden } from '../../../server/domain/enums.js'
import { Alert, Button, Laden } from '../components/fields.js'
import { KleurIcoon, KnockOut, MatchRedenen } from '../components/match.js'
import { Tabel } from '../components/tabel.js'
import { VoorstelDialoog, type GemaaktVoorstel, type VoorstelPartijen } from '../components/voorstel-dialoog.js'
import { gebruiker } from '../session.js'
import {
  criteriumLabel, deelnemerStatusLabel, formatScore, kleurLabel, label, leerrouteLabel, oordeelTekst, richtingLabel, sectorLabel, uitsluitTekst, urenTekst, vaardigheidLabel, vormLabel,
} from '../lib/labels.js'
import {
  MAX_VERGELIJK, gewichtRijen, knockouts, matchUrl, procent, splitMatches, toggleVergelijk, comparisonRows, type MatchItem,
} from '../lib/matches.js'
import { useLoad } from '../lib/use-load.js'

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

/** An answer of either match route, each item made a Resultaat. */
const toAntwoord = <M,>(a: Omit<Antwoord, 'items'> & { items: M[] }, resultaat: (m: M) => Resultaat): Antwoord => ({ ...a, items: a.items.map(resultaat) })

const fetchPlekMatches = (id: string, inclusiefUitgesloten: boolean, signal: AbortSignal) =>
  call(api.deelnemers[':id'].matches.$get({ param: { id }, query: query(inclusiefUitgesloten) }, { init: { signal } })).then((a) => toAntwoord(a, ({ plek: p, ...m }) => ({
    ...m, id: p.id, naam: p.titel, href: `/plekken/${encodeURIComponent(p.id)}`, organisatieNaam: p.organisatieNaam,
    regel: `${p.organisatieNaam} · ${p.plaats} · ${formatScore(p.afstandKm)} km`,
    badges: [label(sectorLabel, p.sector), label(vormLabel, p.vorm), `${urenTekst(p.urenPerWeek)} per week`, `Taalrijkheid ${formatScore(p.taalrijkheidsscore)}/10`],
  })))

const fetchDeelnemerMatches = (id: string, inclusiefUitgesloten: boolean, signal: AbortSignal) =>
  call(api.plekken[':id'].matches.$get({ param: { id }, query: query(inclusiefUitgesloten) }, { init: { signal } })).then((a) => toAntwoord(a, ({ deelnemer: d, ...m }) => ({
    ...m, id: d.id, naam: d.naam, href: `/deelnemers/${encodeURIComponent(d.id)}`, toestemmingDelen: d.toestemmingDelen,
    regel: `${d.plaats} · ${formatScore(d.afstandKm)} km · ${label(leerrouteLabel, d.leerroute)}`,
    badges: [
      vaardigheden.map((v) => `${vaardigheidLabel[v]} ${d.taalniveau[v] ?? '?'}`).join(' · '),
      `${urenTekst(d.urenPerWeek)} per week`,
      label(deelnemerStatusLabel, d.status),
      d.toestemmingDelen ? 'Toestemming om te delen' : 'Geen toestemming om te delen',
    ],
  })))

/** What differs between the two directions: where the list comes from and what the page is about. */
interface RichtingPagina {
  laad: (id: string, inclusiefUitgesloten: boolean, signal: AbortSignal) => Promise<Antwoord>
  /** The deelnemer or plek the page is about, by its own request. */
  laadOnderwerp: (id: string) => Promise<Onderwerp>
  /** The route of the deelnemer or plek: `/${onderwerpen}/:id`, its matches at `/${onderwerpen}/:id/matches`. */
  onderwerpen: 'deelnemers' | 'plekken'
  terug: string
  enkelvoud: string
  meervoud: string
}

const richtingen: Record<Richting, RichtingPagina> = {
  aanbodgericht: {
    laad: fetchPlekMatches,
    laadOnderwerp: (id) => call(api.deelnemers[':id'].$get({ param: { id } })).then((d) => ({ id, naam: d.naam, toestemmingDelen: d.toestemmingDelen })),
    onderwerpen: 'deelnemers', terug: 'Terug naar het dossier', enkelvoud: 'plek', meervoud: 'plekken',
  },
  vraaggericht: {
    laad: fetchDeelnemerMatches,
    laadOnderwerp: (id) => call(api.plekken[':id'].$get({ param: { id } })).then((p) => ({ id, naam: p.titel, organisatieNaam: p.organisatieNaam })),
    onderwerpen: 'plekken', terug: 'Terug naar de plek', enkelvoud: 'deelnemer', meervoud: 'deelnemers',
  },
}

export const PlekkenVoorDeelnemer = () => <MatchPagina richting="aanbodgericht" />
export const DeelnemersVoorPlek = () => <MatchPagina richting="vraaggericht" />

function MatchPagina({ richting }: { richting: Richting }) {
  const { params } = useRoute()
  const id = params.id!
  const r = richtingen[richting]
  const [onderwerp, setOnderwerp] = useState<Onderwerp>()
  useEffect(() => {
    r.laadOnderwerp(id).then(setOnderwerp).catch(() => setOnderwerp({ id, naam: '' }))
  }, [id])
  const pad = `/${r.onderwerpen}/${encodeURIComponent(id)}`
  const titel = `Passende ${r.meervoud}${onderwerp?.naam ? ` voor ${onderwerp.naam}` : ''}`
  return (
    <MatchLijst richting={richting} id={id} laad={r.laad} basis={`${pad}/matches`} onderwerp={onderwerp}
      titel={titel} terug={[pad, r.terug]} enkelvoud={r.enkelvoud} meervoud={r.meervoud} />
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

/**
 * Making voorstellen from the list (a jobhunter only): which results have an open voorstel, the
 * dialog for a new one, and the confirmation after it.
 */
function useVoorstellen(richting: Richting, id: string, onderwerp?: Onderwerp) {
  const mag = gebruiker.value?.rol === 'jobhunter'
  const [voorgesteld, setVoorgesteld] = useState<Record<string, string>>({})
  const [dialoog, setDialoog] = useState<VoorstelPartijen & { resultaat: string }>()
  const [melding, setMelding] = useState<string>()
  useEffect(() => {
    if (mag) openVoorstellen(richting, id).then(setVoorgesteld).catch(() => {})
  }, [id, mag])

  function open(r: Resultaat) {
    if (!onderwerp) return
    const partijen: VoorstelPartijen = richting === 'aanbodgericht'
      ? { deelnemer: { id: onderwerp.id, naam: onderwerp.naam, toestemmingDelen: onderwerp.toestemmingDelen }, plek: { id: r.id, titel: r.naam, organisatieNaam: r.organisatieNaam }, modus: richting, score: r.score, uitgesloten: r.uitgesloten }
      : { deelnemer: { id: r.id, naam: r.naam, toestemmingDelen: r.toestemmingDelen }, plek: { id: onderwerp.id, titel: onderwerp.naam, organisatieNaam: onderwerp.organisatieNaam }, modus: richting, score: r.score, uitgesloten: r.uitgesloten }
    setMelding(undefined)
    setDialoog({ ...partijen, resultaat: r.id })
  }
  function onCreated(v: GemaaktVoorstel, resultaat: string, partijen: VoorstelPartijen) {
    setVoorgesteld((o) => ({ ...o, [resultaat]: v.id }))
    setMelding(`Het voorstel is verstuurd: ${partijen.deelnemer.naam} voor “${partijen.plek.titel}”. De werkgever ziet het nu bij Voorstellen.`)
    // the button is gone; the keyboard continues at the card's new link
    setTimeout(() => document.getElementById(`voorgesteld-${resultaat}`)?.focus(), 0)
  }
  /** What a card shows for a jobhunter: the open voorstel for this result, or how to make one. */
  const voor = (r: Resultaat) => (mag ? { open: voorgesteld[r.id], start: onderwerp ? () => open(r) : undefined } : undefined)

  const venster = dialoog && (
    <VoorstelDialoog partijen={dialoog} onSluit={() => setDialoog(undefined)} onKlaar={(v) => onCreated(v, dialoog.resultaat, dialoog)} />
  )
  return { melding, venster, voor }
}

/** Ticking results to compare two of them side by side. */
function useVergelijken(items: Resultaat[] | undefined) {
  const [gekozen, setGekozen] = useState<string[]>([])
  const [keuzeMelding, setKeuzeMelding] = useState<string>()
  const [vergelijk, setVergelijk] = useState(false)
  const kop = useRef<HTMLHeadingElement>(null)

  // a chosen result that is no longer listed (excluded ones hidden again) is no longer chosen
  useEffect(() => {
    if (items) setGekozen((g) => g.filter((x) => items.some((m) => m.id === x)))
  }, [items])
  // a changed choice: the comparison of the old pair closes, and an old "at most two" message goes
  useEffect(() => {
    if (gekozen.length < MAX_VERGELIJK) setVergelijk(false)
    setKeuzeMelding(undefined)
  }, [gekozen.join(' ')])
  useEffect(() => {
    if (vergelijk) kop.current?.focus()
  }, [vergelijk])

  function kies(r: Resultaat, aan: boolean, input: HTMLInputElement) {
    const volgende = toggleVergelijk(gekozen, r.id, aan)
    if (aan && !volgende.includes(r.id)) {
      input.checked = false
      setKeuzeMelding(`U kunt ${MAX_VERGELIJK} resultaten naast elkaar zetten. Haal eerst een vinkje weg.`)
      return
    }
    setKeuzeMelding(undefined)
    setGekozen(volgende)
  }
  const keuze = gekozen.map((g) => items?.find((m) => m.id === g)).filter((m): m is Resultaat => Boolean(m))
  return {
    gekozen, keuze, keuzeMelding, vergelijk, kop, kies,
    open: () => (vergelijk ? kop.current?.focus() : setVergelijk(true)),
    sluit: () => setVergelijk(false),
    wis: () => { setGekozen([]); setKeuzeMelding(undefined) },
  }
}

function MatchLijst({ richting, id, laad, basis, titel, terug, enkelvoud, meervoud, onderwerp }: LijstProps) {
  const { query: q, route } = useLocation()
  const inclusiefUitgesloten = q.inclusiefUitgesloten === 'true'
  const { data: antwoord, fout, laden } = useLoad((signal) => laad(id, inclusiefUitgesloten, signal), [id, inclusiefUitgesloten], 'De passende resultaten konden niet geladen worden.')
  const keuze = useVergelijken(antwoord?.items)
  const voorstellen = useVoorstellen(richting, id, onderwerp)
  const { passend, uitgesloten } = splitMatches(antwoord?.items ?? [])
  const kaart = (r: Resultaat, rang?: number) => <MatchKaart key={r.id} r={r} rang={rang} gekozen={keuze.gekozen.includes(r.id)} kies={keuze.kies} voorstel={voorstellen.voor(r)} />

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
      <div aria-live="polite" class="pp-status-line">{voorstellen.melding && <Alert type="ok" tekst={voorstellen.melding} />}</div>
      {voorstellen.venster}
      {fout && <Alert type="error" tekst={fout.message} />}

      {keuze.vergelijk && keuze.keuze.length === MAX_VERGELIJK && (
        <Vergelijking a={keuze.keuze[0]!} b={keuze.keuze[1]!} gewichten={antwoord?.gewichten ?? {}} kopRef={keuze.kop} sluit={keuze.sluit} />
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
            <ol class="pp-matches">{passend.map((r, i) => kaart(r, i + 1))}</ol>
          )}
          {inclusiefUitgesloten && (
            <>
              <h2 class="utrecht-heading-2">Uitgesloten ({uitgesloten.length})</h2>
              {uitgesloten.length === 0 ? <p class="utrecht-paragraph">Geen enkele {enkelvoud} valt af op een harde grens.</p> : (
                <ul class="pp-matches pp-matches--uitgesloten">{uitgesloten.map((r) => kaart(r))}</ul>
              )}
            </>
          )}
        </div>
      )}

      {antwoord && antwoord.items.length > 1 && <VergelijkBalk keuze={keuze} meervoud={meervoud} />}
    </>
  )
}

/** The bar at the bottom: what is chosen for comparison, Vergelijk and Keuze wissen. */
function VergelijkBalk({ keuze: k, meervoud }: { keuze: ReturnType<typeof useVergelijken>; meervoud: string }) {
  return (
    <div class={`pp-vergelijkbalk ${k.keuze.length > 0 || k.keuzeMelding ? 'pp-vergelijkbalk--vast' : ''}`} role="region" aria-label="Vergelijken">
      <p class="utrecht-paragraph" aria-live="polite">
        {k.keuzeMelding ?? (k.keuze.length === 0
          ? `Vink twee ${meervoud} aan om ze naast elkaar te zetten.`
          : `Gekozen (${k.keuze.length} van ${MAX_VERGELIJK}): ${k.keuze.map((r) => r.naam).join(' en ')}.`)}
      </p>
      <div class="pp-actions">
        <Button variant="primary" disabled={k.keuze.length !== MAX_VERGELIJK} aria-disabled={k.keuze.length !== MAX_VERGELIJK ? 'true' : undefined}
          onClick={k.open}>Vergelijk</Button>
        {k.keuze.length > 0 && <Button onClick={k.wis}>Keuze wissen</Button>}
      </div>
    </div>
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
        Een criterium met een harde grens sluit een match uit als die grens niet gehaald wordt, hoe hoog de rest ook scoort; de laatste kolom zegt wanneer.
      </p>
      <p class="utrecht-paragraph">
        Kleuren per criterium: <span class="pp-chip pp-chip--groen"><KleurIcoon kleur="groen" /> {kleurLabel.groen.tekst}</span> vanaf 85 %;{' '}
        <span class="pp-chip pp-chip--oranje"><KleurIcoon kleur="oranje" /> {kleurLabel.oranje.tekst}</span> van 40 tot 85 %, of past met ondersteuning;{' '}
        <span class="pp-chip pp-chip--rood"><KleurIcoon kleur="rood" /> {kleurLabel.rood.tekst}</span> onder 40 %, of de harde grens sluit uit.
        Een harde grens die gehaald wordt, is nooit rood. Bij een gelijke score staat de match met minder rode en daarna minder oranje criteria eerst.
      </p>
      <Tabel caption={`Gewichten van de criteria (${richting})`} scroll={false} kolommen={['Criterium', 'Gewicht', 'Aandeel in de score', 'Sluit uit als']}>
        {gewichtRijen(gewichten, knockoutCodes).map((g) => (
          <tr class="utrecht-table__row" key={g.code}>
            <th class="utrecht-table__cell" scope="row" style="font-weight: 400">{label(criteriumLabel, g.code)}</th>
            <td class="utrecht-table__cell">{g.gewicht}</td>
            <td class="utrecht-table__cell">{g.aandeel} %</td>
            <td class="utrecht-table__cell">{g.knockout ? (uitsluitTekst[richting][g.code as keyof (typeof uitsluitTekst)[typeof richting]] ?? 'De harde grens niet gehaald wordt') : 'Nooit; telt alleen mee in de score'}</td>
          </tr>
        ))}
      </Tabel>
    </details>
  )
}

function Cel({ r, code }: { r: Resultaat; code: string }) {
  const c = r.criteria.find((x) => x.code === code)
  if (!c) return <span class="pp-muted">Niet beoordeeld</span>
  return (
    <div class="pp-vergelijk-cel">
      <span class={`pp-chip pp-chip--${c.kleur}`}>
        <KleurIcoon kleur={c.kleur} /> {procent(c.score)}<span class="pp-visually-hidden">, {oordeelTekst(c)}</span>
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
      <Tabel caption="Per criterium de score en de uitleg van beide" class="pp-table--stapel pp-vergelijk-tabel" kolommen={['Criterium', a.naam, b.naam]}>
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
      </Tabel>
    </section>
  )
}
