import { dagen, delen } from '../../../server/domain/enums.js'
import { dagdeelStaat, type DagdeelStaat } from '../lib/deelnemer-form.js'
import { dagLabel } from '../lib/labels.js'

// A deelnemer's week: 7 days × ochtend/middag/avond, each dagdeel vrij, taalles or niet
// beschikbaar. Every cell says its state in words (and an icon), the colour only repeats it.
// Editable: one native <select> per dagdeel (keyboard and screen reader work as everywhere);
// "Vrij" is disabled on a taalles dagdeel, so the lesson schedule is never overwritten by accident.

export const staatTekst: Record<DagdeelStaat, string> = { vrij: 'Vrij', taalles: 'Taalles', niet: 'Niet beschikbaar' }
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

export function DagdelenRooster({ beschikbareDagdelen, taallesDagdelen, onZet, caption, uitlegId, invalid }: Props) {
  const f = { beschikbareDagdelen, taallesDagdelen }
  return (
    <div class="pp-table-scroll">
      <table class={`utrecht-table pp-dagdelen pp-rooster ${onZet ? 'pp-rooster--bewerk' : ''}`}>
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
              {delen.map((deel) => {
                const dd = `${dag}-${deel}`
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
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
