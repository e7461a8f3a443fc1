import { useRef, useState } from 'preact/hooks'
import type { RefObject } from 'preact'
import { Alert } from './fields.js'

/**
 * The confirmation after an action ("… is ingetrokken."). `announce` shows it and moves the
 * keyboard there, because the form or button that led to it is gone.
 */
export function useMelding(begin?: string) {
  const [melding, setMelding] = useState<string | undefined>(begin)
  const regio = useRef<HTMLDivElement>(null)
  const announce = (tekst: string) => {
    setMelding(tekst)
    setTimeout(() => regio.current?.focus(), 0)
  }
  return { melding, setMelding, announce, regio }
}

/** Where the confirmation appears: a live region that can take the focus. */
export function MeldingRegio({ melding, regio, statusLine = false }: { melding?: string; regio: RefObject<HTMLDivElement | null>; statusLine?: boolean }) {
  return (
    <div aria-live="polite" class={statusLine ? 'pp-status-line pp-melding' : 'pp-melding'} ref={regio} tabIndex={-1}>
      {melding && <Alert type="ok" tekst={melding} />}
    </div>
  )
}
