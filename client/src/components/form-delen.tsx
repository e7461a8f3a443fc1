import type { ComponentChildren } from 'preact'
import { niveaus, vaardigheden, type Niveau, type Vaardigheid } from '../../../server/domain/enums.js'
import { Button, SelectField, TextField } from './fields.js'
import { errorId, fieldId } from '../lib/form-errors.js'
import { opties, vaardigheidLabel } from '../lib/labels.js'

// Parts the plek form and the deelnemer form share: the same fields, the same markup, once.

type Err = (path: string) => string | undefined

/** A group of inputs with one legend and one error (a checkbox list, the week grid). */
export function VeldGroep({ path, legend, error, required, uitleg, uitlegId, children }: {
  path: string
  legend: ComponentChildren
  error?: string
  required?: boolean
  /** A description below the legend, with the id that aria-describedby points to. */
  uitleg?: ComponentChildren
  uitlegId?: string
  children: ComponentChildren
}) {
  const describedBy = [uitleg ? uitlegId : '', error ? errorId(path) : ''].filter(Boolean).join(' ')
  return (
    <fieldset class={`utrecht-form-fieldset ${error ? 'utrecht-form-fieldset--invalid pp-field--invalid' : ''}`} id={fieldId(path)} tabIndex={-1} aria-describedby={describedBy || undefined}>
      <legend class="utrecht-form-fieldset__legend" style="font-size: 1rem">{legend}{required === false && <> <span class="pp-muted">(niet verplicht)</span></>}</legend>
      {uitleg && <p class="utrecht-form-field-description" id={uitlegId}>{uitleg}</p>}
      {error && <p class="pp-error" id={errorId(path)}>{error}</p>}
      {children}
    </fieldset>
  )
}

/** Hours per week, from–to (`urenPerWeek.min`, `urenPerWeek.max`). */
export function UrenVelden({ min, max, onMin, onMax, err }: { min: string; max: string; onMin: (v: string) => void; onMax: (v: string) => void; err: Err }) {
  return (
    <div class="pp-grid-2">
      <TextField path="urenPerWeek.min" label="Minimaal aantal uren per week" size="numeric" input={{ inputMode: 'numeric' }} value={min} onValue={onMin} error={err('urenPerWeek.min') ?? err('urenPerWeek')} required />
      <TextField path="urenPerWeek.max" label="Maximaal aantal uren per week" size="numeric" input={{ inputMode: 'numeric' }} value={max} onValue={onMax} error={err('urenPerWeek.max')} required />
    </div>
  )
}

/** A language level (A0–C2) per vaardigheid. */
export function TaalniveauVelden({ taalniveau, onValue, err }: { taalniveau: Record<Vaardigheid, Niveau>; onValue: (t: Record<Vaardigheid, Niveau>) => void; err: Err }) {
  return (
    <div class="pp-grid-2">
      {vaardigheden.map((v) => (
        <SelectField key={v} path={`taalniveau.${v}`} label={vaardigheidLabel[v]} value={taalniveau[v]} onValue={(n) => onValue({ ...taalniveau, [v]: n })} options={opties(niveaus)} error={err(`taalniveau.${v}`)} />
      ))}
    </div>
  )
}

/** Save (the label says what, or "Wijzigingen opslaan" when editing) and Annuleren. */
export function OpslaanKnoppen({ busy, bewerken, opslaan, annuleerHref, onAnnuleer }: { busy: boolean; bewerken: boolean; opslaan: string; annuleerHref: string; onAnnuleer?: () => void }) {
  return (
    <div class="pp-actions">
      <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig met opslaan…' : bewerken ? 'Wijzigingen opslaan' : opslaan}</Button>
      <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={annuleerHref} onClick={onAnnuleer}>Annuleren</a>
    </div>
  )
}
