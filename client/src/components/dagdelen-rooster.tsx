import type { ComponentChildren } from 'preact'
import { dagen, delen } from '../../../server/domain/enums.js'
import { dagdeelStaat, type DagdeelStaat } from '../lib/deelnemer-form.js'
import { dagLabel } from '../lib/labels.js'

// The week grid (7 days × ochtend/middag/avond), one table for every use. A deelnemer's week has
// each dagdeel vrij, taalles or niet beschikbaar; every cell says its state in words (and an icon),
// the colour only repeats it. Editable: one native <select> per dagdeel (keyboard and screen reader
// work as everywhere); "Vrij" is disabled on a taalles dagdeel, so the lesson schedule is never
// overwritten by accident. A plek's dagdelen are checkboxes in the form and ja/nee on its page.

const staatTekst: Record<DagdeelStaat, string> = { vrij: 'Vrij', taalles: 'Taalles', niet: 'Niet beschikbaar' }
const staatIcoon: Record<DagdeelStaat, string> = { vrij: '✓', taalles: '✎', niet: '–' }
const volgorde: DagdeelStaat[] = ['niet', 'vrij', 'taalles']

interface Props {
  beschikbareDagdelen: string[]
  taallesDagdelen: string[]
  /** Without it the grid is read-only. */
  onZet?: (dagdeel: string, staat: DagdeelStaat) => void
  caption?: string
  /** id of the paragraph that explains the taalles rule (for aria-describedby). */
  uitlegId?: string
  invalid?: boolean
}

/**
 * The week as a table: a row per day, a column per dagdeel (ochtend, middag, avond). Each use
 * fills the cells its own way (`cel` returns the <td>).
 */
function DagdelenTabel({ class: cls, style, caption, cel }: {
  class: string
  style?: string
  caption?: string
  cel: (dag: string, deel: string, dagdeel: string) => ComponentChildren
}) {
  return (
    <div class="pp-table-scroll">
      <table class={cls} style={style}>
        {caption && <caption class="utrecht-table__caption" style="text-align: start; font-weight: 700">{caption}</caption>}
        <thead>
          <tr>
            <td />
            {delen.map((d) => <th scope="col" key={d}>{d}</th>)}
          </tr>
        </thead>
        <tbody>
          {dagen.map((dag) => (
            <tr key={dag}>
              <th scope="row">{dagLabel[dag]}</th>
              {delen.map((deel) => cel(dag, deel, `${dag}-${deel}`))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function DagdelenRooster({ beschikbareDagdelen, taallesDagdelen, onZet, caption, uitlegId, invalid }: Props) {
  const f = { beschikbareDagdelen, taallesDagdelen }
  return (
    <DagdelenTabel class={`utrecht-table pp-dagdelen pp-rooster ${onZet ? 'pp-rooster--bewerk' : ''}`} caption={caption} cel={(dag, deel, dd) => {
      const staat = dagdeelStaat(f, dd)
      return (
        <td key={deel} class={`pp-cel pp-cel--${staat}`} data-deel={deel} data-staat={staat}>
          {onZet ? (
            <select
              id={`dagdeel-${dd}`}
              class={`utrecht-select utrecht-select--html-select pp-staat pp-staat--${staat}`}
              aria-label={`${dagLabel[dag]}${deel}`}
              aria-describedby={staat === 'taalles' && uitlegId ? uitlegId : undefined}
              aria-invalid={invalid ? 'true' : undefined}
              value={staat}
              onChange={(e) => {
                const gekozen = e.currentTarget.value as DagdeelStaat
                // refused (the option is disabled, but never trust that): the select shows the form's state again
                if (gekozen === 'vrij' && staat === 'taalles') e.currentTarget.value = staat
                else onZet(dd, gekozen)
              }}
            >
              {volgorde.map((s) => (
                <option key={s} value={s} disabled={s === 'vrij' && staat === 'taalles'}>{staatTekst[s]}</option>
              ))}
            </select>
          ) : (
            <span class="pp-cel__tekst">
              <span aria-hidden="true">{staatIcoon[staat]} </span>
              {staat === 'niet' ? <span class="pp-visually-hidden">{staatTekst.niet}</span> : staatTekst[staat]}
            </span>
          )}
        </td>
      )
    }} />
  )
}

/** A plek's dagdelen in the form: one checkbox per dagdeel, named by day and dagdeel. */
export function DagdelenKeuze({ gekozen, onToggle }: { gekozen: string[]; onToggle: (dagdeel: string, aan: boolean) => void }) {
  return (
    <DagdelenTabel class="pp-dagdelen utrecht-table" cel={(dag, deel, dd) => (
      <td key={deel}>
        <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={`dagdeel-${dd}`} name="dagdelen" value={dd}
          checked={gekozen.includes(dd)} onChange={(e) => onToggle(dd, e.currentTarget.checked)}
          aria-label={`${dagLabel[dag]}${deel}`} />
      </td>
    )} />
  )
}

/** A plek's dagdelen read-only: "✔ ja" or a dash (read as "nee"). */
export function DagdelenOverzicht({ dagdelen }: { dagdelen: string[] }) {
  return (
    <DagdelenTabel class="utrecht-table pp-dagdelen" style="margin-top: 0.75rem" caption="Dagdelen" cel={(_dag, deel, dd) => (
      <td key={deel}>{dagdelen.includes(dd) ? '✔ ja' : <span class="pp-muted">–<span class="pp-visually-hidden">nee</span></span>}</td>
    )} />
  )
}

/** The key to the grid's colours, in words. */
export function RoosterLegenda() {
  return (
    <ul class="pp-legenda" aria-label="Betekenis van de vakjes">
      <li><span class="pp-legenda__staal pp-cel--vrij" aria-hidden="true">✓</span> Vrij voor participatie</li>
      <li><span class="pp-legenda__staal pp-cel--taalles" aria-hidden="true">✎</span> Taalles (nooit beschikbaar)</li>
      <li><span class="pp-legenda__staal pp-cel--niet" aria-hidden="true">–</span> Niet beschikbaar</li>
    </ul>
  )
}
