import { useState } from 'preact/hooks'
import { ApiError } from '../api.js'
import { normaliseFields, type FieldErrors } from './form-errors.js'

type Check = { ok: true } | { ok: false; fields: FieldErrors }

/**
 * The save cycle every form shares: check the shared zod rules first, then send; show the
 * server's field errors beside the fields and its message above them; count attempts so the
 * error summary takes focus each time. What the user typed is never touched here.
 */
export function useSave(listFields: readonly string[] = [], foutTekst = 'Opslaan lukt nu niet. Probeer het later opnieuw.') {
  const [fields, setFields] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string>()
  const [pogingen, setPogingen] = useState(0)
  const [busy, setBusy] = useState(false)

  /** Shows the errors of a check made before sending; true when there are none. */
  function check(c: Check): boolean {
    setMessage(undefined)
    if (c.ok) return true
    setFields(c.fields)
    setPogingen((n) => n + 1)
    return false
  }

  /** Returns true when saved; false after a validation or server error (already shown). */
  async function save(c: Check, send: () => Promise<unknown>): Promise<boolean> {
    if (!check(c)) return false
    setBusy(true)
    try {
      await send()
      setFields({})
      return true
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(normaliseFields(err.fields, listFields))
        setMessage(err.message)
      } else setMessage(foutTekst)
      setPogingen((n) => n + 1)
      return false
    } finally {
      setBusy(false)
    }
  }

  /** No errors shown any more (the form closes, or its check passed). */
  function clear() {
    setFields({})
    setMessage(undefined)
  }

  return { fields, message, pogingen, busy, save, check, clear }
}
