import { useEffect, useRef } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { Button } from './fields.js'

/**
 * The second step of a destructive action, in place (no modal): the question, a red "Ja, …"
 * button that takes the focus when the panel opens, and a way back.
 */
export function ConfirmPanel({ id, vraag, ja, nee = 'Annuleren', busy, onJa, onNee }: {
  /** id of the question, which labels the group */
  id: string
  vraag: ComponentChildren
  ja: ComponentChildren
  nee?: string
  busy?: boolean
  onJa: () => void
  onNee: () => void
}) {
  const knop = useRef<HTMLButtonElement>(null)
  useEffect(() => knop.current?.focus(), [])
  return (
    <div class="pp-confirm" role="group" aria-labelledby={id}>
      <p class="utrecht-paragraph" id={id}>{vraag}</p>
      <div class="pp-actions">
        <button ref={knop} type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--danger" disabled={busy} onClick={onJa}>{ja}</button>
        <Button onClick={onNee}>{nee}</Button>
      </div>
    </div>
  )
}
