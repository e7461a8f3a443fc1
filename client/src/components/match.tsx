import { criteriumLabel, kleurLabel, label, oordeelTekst } from '../lib/labels.js'
import { aandachtspunten, procent, samenvatting, type MatchCriterium, type MatchItem } from '../lib/matches.js'

// How a match explains itself: per criterion a chip with colour, icon and word (never colour
// alone), the Dutch sentence of the matcher, and knock-outs labelled as such.

export function KleurIcoon({ kleur }: { kleur: MatchCriterium['kleur'] }) {
  return <span class="pp-icoon" aria-hidden="true">{kleurLabel[kleur].icoon}</span>
}

export const KnockOut = () => <strong class="pp-knockout">Knock-out</strong>

/** The compact row: one chip per criterion. */
export function CriteriumChips({ criteria }: { criteria: MatchCriterium[] }) {
  return (
    <ul class="pp-chips" aria-label="Criteria in het kort">
      {criteria.map((c) => (
        <li key={c.code} class={`pp-chip pp-chip--${c.kleur} ${c.knockout ? 'pp-chip--knockout' : ''}`} data-code={c.code} data-kleur={c.kleur}>
          <KleurIcoon kleur={c.kleur} /> {label(criteriumLabel, c.code)}
          <span class="pp-visually-hidden">: {oordeelTekst(c)}{c.knockout ? ', knock-out' : ''}</span>
          {c.knockout && <span class="pp-chip__ko" aria-hidden="true"> · knock-out</span>}
          {c.metOndersteuning && <span class="pp-chip__ko" aria-hidden="true"> · met ondersteuning</span>}
        </li>
      ))}
    </ul>
  )
}

/** One criterion's sentence, with its icon, name and (for a knock-out) the label. */
export function Reden({ c, score }: { c: MatchCriterium; score?: boolean }) {
  return (
    <>
      <span class={`pp-reden-icoon pp-reden-icoon--${c.kleur}`}><KleurIcoon kleur={c.kleur} /></span>
      <span>
        <strong>{label(criteriumLabel, c.code)}</strong>
        {c.knockout && <> <KnockOut /></>}
        {c.metOndersteuning ? <span class="pp-muted"> (past met ondersteuning)</span> : <span class="pp-visually-hidden"> ({kleurLabel[c.kleur].tekst})</span>}
        {score && <span class="pp-muted"> · {procent(c.score)}</span>}: {c.uitleg}
      </span>
    </>
  )
}

/** Chips, then what needs attention, then every reason behind a disclosure. */
export function MatchRedenen({ match }: { match: MatchItem }) {
  const punten = aandachtspunten(match)
  const kort = samenvatting(match)
  return (
    <div class="pp-match__redenen">
      <CriteriumChips criteria={match.criteria} />
      {kort ? (
        <p class="pp-reden-geen" data-soort={kort.soort}><span class="pp-reden-icoon pp-reden-icoon--groen"><KleurIcoon kleur="groen" /></span> {kort.tekst}</p>
      ) : (
        <ul class="pp-redenen" aria-label="Aandachtspunten">
          {punten.map((c) => <li key={c.code} class={c.knockout ? 'pp-reden--knockout' : undefined}><Reden c={c} /></li>)}
        </ul>
      )}
      <details class="pp-alle-redenen">
        <summary>Alle redenen ({match.criteria.length})</summary>
        <ul class="pp-redenen">
          {match.criteria.map((c) => <li key={c.code}><Reden c={c} score /></li>)}
        </ul>
      </details>
    </div>
  )
}
