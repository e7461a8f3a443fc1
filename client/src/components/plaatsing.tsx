import { useEffect, useRef, useState } from 'preact/hooks'
import { api, call, ApiError } from '../api.js'
import { Button } from './fields.js'
import type { Signaal } from '../lib/nazorg.js'

// Small pieces shared by the plaatsing list and the plaatsing page.

/** Icons drawn as SVG (a font may lack the emoji): a triangle for overdue, an octagon for silence. */
function SignaalIcoon({ soort }: { soort: Signaal['soort'] }) {
  const vorm =
    soort === 'achterstallig' ? <path d="M8 1.2 15.2 14.5H.8z" fill="currentColor" />
      : soort === 'stil' ? <path d="M5 .8h6L15.2 5v6L11 15.2H5L.8 11V5z" fill="currentColor" />
        : soort === 'op-tijd' ? <path d="M2 8.5 6.2 12.5 14 3.8" fill="none" stroke="currentColor" stroke-width="2.4" />
          : <rect x="2" y="2" width="12" height="12" fill="currentColor" />
  const uitroep = soort === 'achterstallig' || soort === 'stil'
  return (
    <svg class="pp-signaal__icoon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {vorm}
      {uitroep && <><rect x="7" y={soort === 'stil' ? 3.5 : 5.2} width="2" height="5.3" fill={soort === 'stil' ? '#a4001f' : '#fff3cd'} />
        <rect x="7" y={soort === 'stil' ? 10.3 : 11.6} width="2" height="2" fill={soort === 'stil' ? '#a4001f' : '#fff3cd'} /></>}
    </svg>
  )
}

/** The flag of a plaatsing: icon + words, the colour only repeats them; 28 days of silence is the loudest. */
export function SignaalLabel({ s, groot }: { s: Signaal; groot?: boolean }) {
  return (
    <span class={`pp-signaal pp-signaal--${s.soort} ${groot ? 'pp-signaal--groot' : ''}`}>
      <SignaalIcoon soort={s.soort} /> {s.tekst}
    </span>
  )
}

/** A beheerder hands a plaatsing to another jobcoach (the API records it in the audit log). */
export function Toewijzen({ plaatsing, jobcoaches, onKlaar, onAnnuleer }: {
  plaatsing: { id: string; jobcoachId?: string; naam: string }
  jobcoaches: { id: string; naam: string }[]
  onKlaar: (naam: string) => void
  onAnnuleer?: () => void
}) {
  const anderen = jobcoaches.filter((j) => j.id !== plaatsing.jobcoachId)
  const [keuze, setKeuze] = useState('')
  const [fout, setFout] = useState<string>()
  const [busy, setBusy] = useState(false)
  const select = useRef<HTMLSelectElement>(null)
  const id = `toewijzen-${plaatsing.id}`
  useEffect(() => {
    if (onAnnuleer) select.current?.focus()
  }, [])

  async function assign(e: Event) {
    e.preventDefault()
    if (!keuze) {
      setFout('Kies een jobcoach.')
      select.current?.focus()
      return
    }
    setBusy(true)
    setFout(undefined)
    try {
      await call(api.plaatsingen[':id'].toewijzen.$post({ param: { id: plaatsing.id }, json: { jobcoachId: keuze } }))
      onKlaar(jobcoaches.find((j) => j.id === keuze)?.naam ?? 'de gekozen jobcoach')
    } catch (err) {
      setFout(err instanceof ApiError ? (err.fields.jobcoachId ?? err.message) : 'Toewijzen lukte niet.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="pp-toewijzen" onSubmit={assign} noValidate aria-label={`Plaatsing van ${plaatsing.naam} toewijzen`}>
      <label class="utrecht-form-label" for={id}>Nieuwe jobcoach</label>
      {fout && <p class="utrecht-form-field-error-message pp-error" id={`${id}-fout`}>{fout}</p>}
      <div class="pp-row" style="align-items: center">
        <select id={id} ref={select} class={`utrecht-select utrecht-select--html-select ${fout ? 'utrecht-select--invalid' : ''}`} value={keuze}
          onChange={(e) => setKeuze(e.currentTarget.value)} aria-invalid={fout ? 'true' : undefined} aria-describedby={fout ? `${id}-fout` : undefined}>
          <option value="">Kies een jobcoach</option>
          {anderen.map((j) => <option key={j.id} value={j.id}>{j.naam}</option>)}
        </select>
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>Toewijzen</Button>
        {onAnnuleer && <Button onClick={onAnnuleer}>Annuleren</Button>}
      </div>
      {anderen.length === 0 && <p class="pp-muted">Er is geen andere actieve jobcoach.</p>}
    </form>
  )
}
