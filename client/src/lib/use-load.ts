import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../api.js'

/**
 * What a page shows, loaded again whenever `deps` change (or `reload` is called); a newer load
 * aborts the one still running, so an old answer never overwrites a newer one. The last answer
 * stays while the next loads (`laden`), so a list does not jump. Any error is an ApiError: the
 * server's, or one with `foutTekst` for anything else.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[], foutTekst: string, onLoaded?: (data: T) => void) {
  const [data, setData] = useState<T>()
  const [fout, setFout] = useState<ApiError>()
  const [laden, setLaden] = useState(true)
  const [versie, setVersie] = useState(0)
  useEffect(() => {
    const ctrl = new AbortController()
    setLaden(true)
    load(ctrl.signal)
      .then((d) => {
        setData(d)
        setFout(undefined)
        setLaden(false)
        onLoaded?.(d)
      })
      .catch((e) => {
        if (ctrl.signal.aborted) return
        setFout(e instanceof ApiError ? e : new ApiError(0, 'onbekend', foutTekst))
        setLaden(false)
      })
    return () => ctrl.abort()
  }, [...deps, versie])
  return { data, fout, laden, reload: () => setVersie((v) => v + 1) }
}
