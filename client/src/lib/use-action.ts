import { useState } from 'preact/hooks'
import { ApiError } from '../api.js'

/**
 * An action on one item of a list (publish, close, withdraw): which item is busy, and the error of
 * the last attempt (the server's word, or `foutTekst`).
 */
export function useAction() {
  const [bezig, setBezig] = useState<string>()
  const [fout, setFout] = useState<string>()
  /** True when the action succeeded. */
  async function run(id: string, actie: () => Promise<void>, foutTekst: string): Promise<boolean> {
    setBezig(id)
    setFout(undefined)
    try {
      await actie()
      return true
    } catch (e) {
      setFout(e instanceof ApiError ? e.message : foutTekst)
      return false
    } finally {
      setBezig(undefined)
    }
  }
  return { bezig, fout, run }
}
