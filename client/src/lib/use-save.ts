import { useState } from 'preact/hooks'
import { ApiError } from '../api.js'
import { normaliseFields, type FieldErrors } from './form-errors.js'

/**
 * The save cycle every form shares: check the shared zod rules first, then send; show the
 * server's field errors beside the fields and its message above them; count attempts so the
 * error summary takes focus each time. What the user typed is never touched here.
 */
export function useSave(listFields: readonly string[] = []) {
  const [fields, setFields] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string>()
  const [pogingen, setPogingen] = useState(0)
  const [busy, setBusy] = useState(false)

  /** Returns true when saved; false after a validation or server error (already shown). */
  async function save(check: { ok: true } | { ok: false; fields: FieldErrors }, send: () => Promise<unknown>): Promise<boolean> {
    setMessage(undefined)
    if (!check.ok) {
      setFields(check.fields)
      setPogingen((n) => n + 1)
      return false
    }
    setBusy(true)
    try {
      await send()
      setFields({})
      return true
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(normaliseFields(err.fields, listFields))
        setMessage(err.message)
      } else setMessage('Opslaan lukt nu niet. Probeer het later opnieuw.')
      setPogingen((n) => n + 1)
      return false
    } finally {
      setBusy(false)
    }
  }

  return { fields, message, pogingen, busy, save }
}
