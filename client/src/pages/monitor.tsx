import { useEffect, useState } from 'preact/hooks'
import { api, call } from '../api.js'
import { sectoren, vormen } from '../../../server/domain/enums.js'
import { Alert, Button, Laden, SelectField, TextField } from '../components/fields.js'
import { KleineVeelvouden, LiggendeStaven, Staven } from '../components/grafiek.js'
import { Cel, Tabel } from '../components/tabel.js'
import { maandTekst } from '../lib/datum.js'
import { aandeelTekst, eindredenLabel, formatDatum, knelpuntLabel, label, opties, sectorLabel, vormLabel } from '../lib/labels.js'
import { eindredenRijen, knelpuntReeksen, monitorApiQuery, monitorQueryString, parseMonitorUrl, type MonitorState } from '../lib/monitor.js'
import { useLoad } from '../lib/use-load.js'
import { useUrlState } from '../lib/use-url-state.js'

// The beheerder's monitor: how placements last (still active after 3 and 6 months), why they end,
// which knelpunten the jobcoaches meet and when, per sector and vorm. Counts only, never a person.
// Filters live in the URL with the API's parameter names, so the CSV link downloads the same figures.

type Cijfers = Awaited<ReturnType<typeof load>>
type Groep = Cijfers['perSector'][number]
const load = (s: MonitorState, signal: AbortSignal) => call(api.monitor.$get({ query: monitorApiQuery(s) }, { init: { signal } }))

export function Monitor() {
  const { search, state, navigate } = useUrlState(parseMonitorUrl, monitorQueryString)
  const [f, setF] = useState<MonitorState>(state)
  const { data: cijfers, fout, laden } = useLoad((signal) => load(state, signal), [search], 'De cijfers konden niet geladen worden.',
    // empty dates show the period the figures are for
    (c) => setF((o) => ({ ...o, van: o.van || c.periode.van, tot: o.tot || c.periode.tot })))
  useEffect(() => setF(state), [search])

  const csv = `/api/monitor/export.csv${monitorQueryString(cijfers ? { ...state, van: state.van || cijfers.periode.van, tot: state.tot || cijfers.periode.tot } : state)}`
  const filterTekst = [state.sector && label(sectorLabel, state.sector), state.vorm && label(vormLabel, state.vorm)].filter(Boolean).join(', ')

  return (
    <>
      <h1 class="utrecht-heading-1">Monitor</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        Hoe lang plaatsingen duren, waarom ze stoppen en welke knelpunten de jobcoaches tegenkomen. Alleen aantallen, nooit personen.
      </p>
      <MonitorFilter f={f} setF={setF} veldFouten={fout?.fields ?? {}} standaard={Boolean(search)} onToon={() => navigate(f)} />
      <p class="pp-status-line utrecht-paragraph" role="status" aria-live="polite" id="monitor-status">
        {laden ? 'Cijfers berekenen…' : cijfers ? `Plaatsingen gestart van ${formatDatum(cijfers.periode.van)} tot en met ${formatDatum(cijfers.periode.tot)}${filterTekst ? ` · ${filterTekst}` : ''}.` : ''}
      </p>
      {fout && <Alert type="error" tekst={fout.message} />}
      {!cijfers ? !fout && <Laden tekst="Cijfers berekenen…" /> : (
        <div class={laden ? 'pp-busy' : ''} aria-busy={laden ? 'true' : 'false'}>
          <p><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={csv} download>Download CSV</a>
            <span class="pp-muted"> De cijfers van deze periode en filters, met puntkomma’s, voor Excel.</span></p>
          <Kerncijfers c={cijfers} />
          <Duurzaamheid c={cijfers} />
          <Eindredenen c={cijfers} />
          <Knelpunten c={cijfers} />
          {cijfers.perGemeente.length > 1 && (
            // the werkgebied per gemeente; the figures above are the total of these
            <GroepTabel id="per-gemeente" titel="Per gemeente" kolom="Gemeente" groepen={cijfers.perGemeente.map((g) => ({ ...g, waarde: g.naam }))} labels={{}} />
          )}
          <GroepTabel id="per-sector" titel="Per sector" kolom="Sector" groepen={cijfers.perSector} labels={sectorLabel} />
          <GroepTabel id="per-vorm" titel="Per vorm" kolom="Vorm" groepen={cijfers.perVorm} labels={vormLabel} />
          <p class="utrecht-paragraph pp-muted">
            Hoe het geteld wordt: de plaatsingen die in de periode begonnen. “Na 3 maanden nog actief”: van wie minstens 3 maanden geleden begon, het deel dat 3 maanden na de start nog liep.
            Eindredenen: de plaatsingen die in de periode eindigden. Knelpunten: hoe vaak een knelpunt in een nazorgcontact in de periode genoemd is (een gecorrigeerd contact telt alleen in zijn correctie).
          </p>
        </div>
      )}
    </>
  )
}

/** The period and filters; Toon puts them in the URL. */
function MonitorFilter({ f, setF, veldFouten, standaard, onToon }: {
  f: MonitorState; setF: (update: (o: MonitorState) => MonitorState) => void; veldFouten: Record<string, string>
  /** a link back to the default period, when another is shown */
  standaard: boolean
  onToon: () => void
}) {
  const set = (k: keyof MonitorState) => (v: string) => setF((o) => ({ ...o, [k]: v }))
  return (
    <form class="pp-form pp-monitor-filter" onSubmit={(e) => { e.preventDefault(); onToon() }} noValidate aria-label="Periode en filters">
      <TextField path="van" label="Van" type="date" value={f.van} onValue={set('van')} error={veldFouten.van} />
      <TextField path="tot" label="Tot en met" type="date" value={f.tot} onValue={set('tot')} error={veldFouten.tot} />
      <SelectField path="sector" label="Sector" value={f.sector} onValue={set('sector')} placeholder="Alle sectoren" options={opties(sectoren, sectorLabel)} />
      <SelectField path="vorm" label="Vorm" value={f.vorm} onValue={set('vorm')} placeholder="Alle vormen" options={opties(vormen, vormLabel)} />
      <div class="pp-actions">
        <Button type="submit" variant="primary">Toon</Button>
        {standaard && <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle" href="/monitor">Standaard (afgelopen jaar)</a>}
      </div>
    </form>
  )
}

function Kerncijfers({ c }: { c: Cijfers }) {
  const items: [string, number, string][] = [
    ['gestart', c.plaatsingen.gestart, 'Gestart'],
    ['actief', c.plaatsingen.actief, 'Nog actief'],
    ['afgerond', c.plaatsingen.afgerond, 'Afgerond'],
    ['voortijdig', c.plaatsingen.voortijdigBeeindigd, 'Voortijdig beëindigd'],
    ['contacten', c.contacten, 'Nazorgcontacten'],
  ]
  return (
    <section aria-labelledby="kerncijfers-titel">
      <h2 class="utrecht-heading-2" id="kerncijfers-titel">Plaatsingen in de periode</h2>
      <dl class="pp-kerncijfers">
        {items.map(([k, n, t]) => (
          <div key={k} class="pp-kerncijfer" data-cijfer={k}>
            <dt>{t}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function Duurzaamheid({ c }: { c: Cijfers }) {
  const rij = (naam: string, d: Cijfers['duurzaamheid']['na3Maanden']) => ({
    label: naam,
    waarde: d.aandeel === null ? null : Math.round(d.aandeel * 100),
    tekst: d.aandeel === null ? 'nog geen basis' : `${Math.round(d.aandeel * 100)} % (${d.nogActief} van ${d.basis})`,
  })
  const staven = [rij('Na 3 maanden', c.duurzaamheid.na3Maanden), rij('Na 6 maanden', c.duurzaamheid.na6Maanden)]
  const beschrijving = staven.map((s) => `${s.label}: ${s.tekst}`).join('; ')
  return (
    <section aria-labelledby="duurzaamheid-titel" class="pp-monitor-sectie">
      <h2 class="utrecht-heading-2" id="duurzaamheid-titel">Duurzaamheid: nog actief na 3 en 6 maanden</h2>
      <Staven id="grafiek-duurzaamheid" titel="Aandeel plaatsingen nog actief na 3 en na 6 maanden" beschrijving={beschrijving} staven={staven} max={100} eenheid=" %" />
      <details class="pp-tabel-details">
        <summary>Als tabel</summary>
        <Tabel id="tabel-duurzaamheid" caption="Duurzaamheid na 3 en 6 maanden" scroll={false} kolommen={['Moment', 'Lang genoeg gestart', 'Nog actief', 'Aandeel']}>
          {([['Na 3 maanden', c.duurzaamheid.na3Maanden], ['Na 6 maanden', c.duurzaamheid.na6Maanden]] as const).map(([n, d]) => (
            <tr class="utrecht-table__row" key={n}>
              <th class="utrecht-table__cell" scope="row">{n}</th><td class="utrecht-table__cell">{d.basis}</td>
              <td class="utrecht-table__cell">{d.nogActief}</td><td class="utrecht-table__cell">{aandeelTekst(d.aandeel)}</td>
            </tr>
          ))}
        </Tabel>
      </details>
    </section>
  )
}

function TelTabel({ id, caption, kolom, rijen }: { id: string; caption: string; kolom: string; rijen: { label: string; waarde: number }[] }) {
  return (
    <Tabel id={id} caption={caption} scroll={false} kolommen={[kolom, 'Aantal']}>
      {rijen.map((r) => <tr class="utrecht-table__row" key={r.label}><th class="utrecht-table__cell" scope="row">{r.label}</th><td class="utrecht-table__cell">{r.waarde}</td></tr>)}
    </Tabel>
  )
}

function Eindredenen({ c }: { c: Cijfers }) {
  const rijen = eindredenRijen(c.eindredenen).map((r) => ({ label: label(eindredenLabel, r.code), waarde: r.aantal }))
  return (
    <section aria-labelledby="eindredenen-titel" class="pp-monitor-sectie">
      <h2 class="utrecht-heading-2" id="eindredenen-titel">Eindredenen</h2>
      {rijen.length === 0 ? <p class="utrecht-paragraph">In deze periode is geen plaatsing geëindigd.</p> : (
        <>
          <LiggendeStaven id="grafiek-eindredenen" titel="Eindredenen van plaatsingen die in de periode eindigden" beschrijving={rijen.map((r) => `${r.label}: ${r.waarde}`).join('; ')} rijen={rijen} />
          <details class="pp-tabel-details"><summary>Als tabel</summary><TelTabel id="tabel-eindredenen" caption="Eindredenen" kolom="Eindreden" rijen={rijen} /></details>
        </>
      )}
    </section>
  )
}

function Knelpunten({ c }: { c: Cijfers }) {
  const totaal = Object.entries(c.knelpunten.totaal).map(([k, n]) => ({ code: k, label: label(knelpuntLabel, k), waarde: n })).sort((a, b) => b.waarde - a.waarde)
  const reeksen = knelpuntReeksen(c.knelpunten.perMaand, c.periode.van, c.periode.tot)
  const maanden = reeksen[0]?.perMaand.map((m) => m.maand) ?? []
  return (
    <section aria-labelledby="knelpunten-titel" class="pp-monitor-sectie">
      <h2 class="utrecht-heading-2" id="knelpunten-titel">Knelpunten</h2>
      {totaal.length === 0 ? <p class="utrecht-paragraph">In deze periode is in geen nazorgcontact een knelpunt genoemd.</p> : (
        <>
          <h3 class="utrecht-heading-3">Meest genoemd</h3>
          <LiggendeStaven id="grafiek-knelpunten" titel="Hoe vaak elk knelpunt in de periode genoemd is" beschrijving={totaal.map((r) => `${r.label}: ${r.waarde}`).join('; ')} rijen={totaal} />
          <details class="pp-tabel-details"><summary>Als tabel</summary><TelTabel id="tabel-knelpunten" caption="Knelpunten in de periode" kolom="Knelpunt" rijen={totaal} /></details>
          <h3 class="utrecht-heading-3">Per maand</h3>
          <KleineVeelvouden id="grafiek-knelpunten-maand" titel="Knelpunten per maand, één kleine grafiek per knelpunt"
            beschrijving={reeksen.map((r) => `${label(knelpuntLabel, r.code)}: ${r.perMaand.filter((m) => m.aantal > 0).map((m) => `${maandTekst(m.maand)} ${m.aantal}`).join(', ')}`).join('; ')}
            reeksen={reeksen.map((r) => ({ label: label(knelpuntLabel, r.code), totaal: r.totaal, waarden: r.perMaand }))} maandLabel={(m) => maandTekst(m, true)} />
          <details class="pp-tabel-details">
            <summary>Als tabel</summary>
            <Tabel id="tabel-knelpunten-maand" caption="Knelpunten per maand" kolommen={['Knelpunt', ...maanden.map((m) => maandTekst(m, true))]}>
              {reeksen.map((r) => (
                <tr class="utrecht-table__row" key={r.code}>
                  <th class="utrecht-table__cell" scope="row">{label(knelpuntLabel, r.code)}</th>
                  {r.perMaand.map((m) => <td class="utrecht-table__cell" key={m.maand}>{m.aantal}</td>)}
                </tr>
              ))}
            </Tabel>
          </details>
        </>
      )}
    </section>
  )
}

function GroepTabel({ id, titel, kolom, groepen, labels }: { id: string; titel: string; kolom: string; groepen: Groep[]; labels: Record<string, string> }) {
  return (
    <section aria-labelledby={`${id}-titel`} class="pp-monitor-sectie">
      <h2 class="utrecht-heading-2" id={`${id}-titel`}>{titel}</h2>
      {groepen.length === 0 ? <p class="utrecht-paragraph">Geen plaatsingen gestart in deze periode.</p> : (
        <Tabel id={`tabel-${id}`} caption={`${titel}: gestart, nog actief en duurzaamheid`} class="pp-table--stapel"
          kolommen={[kolom, 'Gestart', 'Nog actief', 'Actief na 3 maanden', 'Actief na 6 maanden']}>
          {groepen.map((g) => (
            <tr class="utrecht-table__row" key={g.waarde} data-waarde={g.waarde}>
              <th class="utrecht-table__cell" scope="row">{label(labels, g.waarde)}</th>
              <Cel label="Gestart">{g.gestart}</Cel>
              <Cel label="Nog actief">{g.actief}</Cel>
              <Cel label="Actief na 3 maanden">{aandeelTekst(g.na3Maanden.aandeel)}{g.na3Maanden.basis ? ` (${g.na3Maanden.nogActief} van ${g.na3Maanden.basis})` : ''}</Cel>
              <Cel label="Actief na 6 maanden">{aandeelTekst(g.na6Maanden.aandeel)}{g.na6Maanden.basis ? ` (${g.na6Maanden.nogActief} van ${g.na6Maanden.basis})` : ''}</Cel>
            </tr>
          ))}
        </Tabel>
      )}
    </section>
  )
}
