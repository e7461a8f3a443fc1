import { useEffect, useRef } from 'preact/hooks'

/** How long typing pauses before a search field updates the URL. */
export const DEBOUNCE_MS = 250

/** Runs the last scheduled function once typing pauses; `cancel` drops it (a submit goes first). */
export function useDebounce(ms = DEBOUNCE_MS) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  return {
    schedule(fn: () => void) {
      clearTimeout(timer.current)
      timer.current = setTimeout(fn, ms)
    },
    cancel: () => clearTimeout(timer.current),
  }
}
