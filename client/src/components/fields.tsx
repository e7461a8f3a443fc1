import type { ButtonHTMLAttributes, ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { errorId, fieldId } from '../lib/form-errors.js'

// Form fields in NL Design System markup (Utrecht CSS classes). Every input has a <label>; an
// error sits right below the label, is linked with aria-describedby and marks the input invalid.

interface Base {
  path: string
  label: ComponentChildren
  error?: string
  description?: ComponentChildren
  required?: boolean
}

function describedBy(path: string, error?: string, description?: unknown) {
  const ids = [description ? `${fieldId(path)}-uitleg` : '', error ? errorId(path) : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** The attributes every input, textarea and select shares: its id and name, and its error and description linked. */
function controlProps({ path, error, description, required }: Base) {
  return {
    id: fieldId(path),
    name: path,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(path, error, description),
    'aria-required': required ? ('true' as const) : undefined,
  }
}

function FieldShell({ path, label, error, description, required, children, checkbox }: Base & { children: ComponentChildren; checkbox?: boolean }) {
  return (
    <div class={`utrecht-form-field ${checkbox ? 'pp-field-checkbox' : 'utrecht-form-field--text'} ${error ? 'utrecht-form-field--invalid pp-field--invalid' : ''}`}>
      {checkbox ? (
        <div class="pp-check">
          {children}
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId(path)}>{label}</label>
        </div>
      ) : (
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={fieldId(path)}>
            {label}
            {required === false && <span class="pp-muted"> (niet verplicht)</span>}
          </label>
        </div>
      )}
      {description && (
        <div class="utrecht-form-field-description utrecht-form-field__description" id={`${fieldId(path)}-uitleg`}>
          {description}
        </div>
      )}
      {error && (
        <p class="utrecht-form-field-error-message utrecht-form-field__error-message pp-error" id={errorId(path)}>
          {error}
        </p>
      )}
      {!checkbox && <div class="utrecht-form-field__input">{children}</div>}
    </div>
  )
}

type InputProps = { autoComplete?: string; inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel' | 'search'; disabled?: boolean; placeholder?: string }

export function TextField(props: Base & { value: string; onValue: (v: string) => void; type?: 'text' | 'email' | 'password' | 'date' | 'tel' | 'search'; size?: 'numeric' | 'postcode' | 'tel'; input?: InputProps }) {
  const { value, onValue, type = 'text', error, size, input } = props
  const sizeClass = size === 'numeric' ? 'utrecht-textbox--numeric' : size === 'postcode' ? 'utrecht-textbox--postal-code-nl-size' : size === 'tel' ? 'utrecht-textbox--tel-nl-size' : ''
  return (
    <FieldShell {...props}>
      <input
        {...input}
        {...controlProps(props)}
        type={type as 'text'}
        class={`utrecht-textbox utrecht-textbox--html-input ${sizeClass} ${error ? 'utrecht-textbox--invalid' : ''}`}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </FieldShell>
  )
}

export function TextAreaField(props: Base & { value: string; onValue: (v: string) => void; rows?: number }) {
  const { value, onValue, error, rows = 5 } = props
  return (
    <FieldShell {...props}>
      <textarea
        {...controlProps(props)}
        rows={rows}
        class={`utrecht-textarea utrecht-textarea--html-textarea ${error ? 'utrecht-textarea--invalid' : ''}`}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </FieldShell>
  )
}

export function SelectField(props: Base & { value: string; onValue: (v: string) => void; options: readonly (readonly [string, string])[]; placeholder?: string }) {
  const { value, onValue, error, options, placeholder } = props
  return (
    <FieldShell {...props}>
      <select
        {...controlProps(props)}
        class={`utrecht-select utrecht-select--html-select ${error ? 'utrecht-select--invalid' : ''}`}
        value={value}
        onChange={(e) => onValue(e.currentTarget.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    </FieldShell>
  )
}

export function CheckboxField(props: Base & { checked: boolean; onValue: (v: boolean) => void }) {
  const { checked, onValue, error } = props
  return (
    <FieldShell {...props} checkbox>
      <input
        {...controlProps({ ...props, required: false })}
        type="checkbox"
        class={`utrecht-checkbox utrecht-checkbox--html-input ${error ? 'utrecht-checkbox--invalid' : ''}`}
        checked={checked}
        onChange={(e) => onValue(e.currentTarget.checked)}
      />
    </FieldShell>
  )
}

/** A section of a form: <fieldset> with a <legend>; an error of the whole group shows below the legend. */
export function Section({ legend, children, error, path, id }: { legend: string; children: ComponentChildren; error?: string; path?: string; id?: string }) {
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--section utrecht-form-fieldset--html-fieldset ${error ? 'utrecht-form-fieldset--invalid' : ''}`}
      id={id ?? (path ? fieldId(path) : undefined)}
      aria-describedby={error && path ? errorId(path) : undefined}
      tabIndex={path ? -1 : undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {error && path && (
        <p class="utrecht-form-field-error-message pp-error" id={errorId(path)}>
          {error}
        </p>
      )}
      {children}
    </fieldset>
  )
}

/** The visible label of a field, so the summary says which field is wrong ("Sector: …"). */
function veldNaam(path: string): string {
  if (typeof document === 'undefined') return path
  const id = fieldId(path)
  const label = document.querySelector(`label[for="${id}"]`)?.textContent ?? document.getElementById(id)?.closest('fieldset')?.querySelector('legend')?.textContent ?? undefined
  return (label ?? path).replace(/\s*\(niet verplicht\)\s*$/, '').trim()
}

/**
 * The list of errors at the top of a form (GOV.UK / NL DS pattern): announced, focused after a
 * failed submit, each error a link to its field.
 */
export function ErrorSummary({ errors, message, focusKey }: { errors: [string, string][]; message?: string; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focusKey > 0 && (errors.length > 0 || message)) ref.current?.focus()
  }, [focusKey])
  if (errors.length === 0 && !message) return null
  return (
    <div ref={ref} class="utrecht-alert utrecht-alert--error" role="alert" tabIndex={-1} aria-labelledby="foutoverzicht-titel">
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          <h2 class="utrecht-heading-3" id="foutoverzicht-titel">{message ?? 'Niet alle velden zijn goed ingevuld.'}</h2>
          {errors.length > 0 && (
            <ul class="utrecht-unordered-list">
              {errors.map(([path, msg]) => (
                <li key={path}>
                  <a class="utrecht-link utrecht-link--html-a" href={`#${fieldId(path)}`} onClick={(e) => {
                    e.preventDefault()
                    const el = document.getElementById(fieldId(path))
                    el?.focus()
                    el?.scrollIntoView({ block: 'center' })
                  }}>
                    {veldNaam(path)}: {msg}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  )
}

/** A message box; `tekst` is the common case of one paragraph, `children` anything else. */
export function Alert({ type = 'info', tekst, children }: { type?: 'info' | 'ok' | 'warning' | 'error'; tekst?: ComponentChildren; children?: ComponentChildren }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${type}`} role={type === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">{tekst !== undefined ? <p class="utrecht-paragraph">{tekst}</p> : children}</div>
      </div>
    </div>
  )
}

export function Laden({ tekst = 'Bezig met laden…' }: { tekst?: string }) {
  return (
    <div class="pp-loading" role="status" aria-live="polite">
      <p class="utrecht-paragraph">{tekst}</p>
      <div class="pp-skeleton" style="width: 60%" />
      <div class="pp-skeleton" style="width: 85%" />
      <div class="pp-skeleton" style="width: 40%" />
    </div>
  )
}

export function Button({ children, variant = 'secondary', busy, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'subtle' | 'danger'; busy?: boolean }) {
  const cls = variant === 'primary' ? 'utrecht-button--primary-action' : variant === 'subtle' ? 'utrecht-button--subtle' : variant === 'danger' ? 'utrecht-button--primary-action utrecht-button--danger' : 'utrecht-button--secondary-action'
  return (
    <button type="button" {...rest} class={`utrecht-button ${cls} ${busy ? 'utrecht-button--busy' : ''} ${rest.class ?? ''}`} aria-busy={busy ? 'true' : undefined}>
      {children}
    </button>
  )
}

/**
 * A choice of one (radio buttons) or several (checkboxes) as a <fieldset> with a <legend>: quick to
 * use with mouse and keyboard. The group's id is the field's, so the error summary can focus it.
 */
export function KeuzeGroep(props: {
  path: string
  legend: ComponentChildren
  options: readonly (readonly [string, string])[]
  error?: string
  description?: ComponentChildren
  required?: boolean
  /** Options side by side (short words) or in columns (longer labels). */
  inline?: boolean
  kolommen?: boolean
} & ({ type: 'radio'; value: string; onValue: (v: string) => void } | { type: 'checkbox'; values: readonly string[]; onToggle: (v: string, aan: boolean) => void })) {
  const { path, legend, options, error, description, inline, kolommen } = props
  const id = fieldId(path)
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pp-keuzegroep ${inline ? 'pp-keuzegroep--rij' : ''} ${kolommen ? 'pp-keuzegroep--kolommen' : ''} ${error ? 'utrecht-form-fieldset--invalid pp-field--invalid' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(path, error, description)}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend pp-keuzegroep__legend">
        {legend}
        {props.required === false && <span class="pp-muted"> (niet verplicht)</span>}
      </legend>
      {description && <div class="utrecht-form-field-description" id={`${id}-uitleg`}>{description}</div>}
      {error && <p class="utrecht-form-field-error-message pp-error" id={errorId(path)}>{error}</p>}
      <div class="pp-keuzegroep__opties">
        {options.map(([v, l]) => {
          const optieId = `${id}-${v}`
          return (
            <div class="pp-check" key={v}>
              {props.type === 'radio' ? (
                <input type="radio" class={`utrecht-radio-button utrecht-radio-button--html-input ${error ? 'utrecht-radio-button--invalid' : ''}`} id={optieId} name={path} value={v}
                  checked={props.value === v} onChange={() => props.onValue(v)} aria-invalid={error ? 'true' : undefined} />
              ) : (
                <input type="checkbox" class={`utrecht-checkbox utrecht-checkbox--html-input ${error ? 'utrecht-checkbox--invalid' : ''}`} id={optieId} name={path} value={v}
                  checked={props.values.includes(v)} onChange={(e) => props.onToggle(v, e.currentTarget.checked)} />
              )}
              <label class={`utrecht-form-label utrecht-form-label--${props.type === 'radio' ? 'radio' : 'checkbox'}`} for={optieId}>{l}</label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
