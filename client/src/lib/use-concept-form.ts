import { useEffect, useState } from 'preact/hooks'
import type { ConceptStore } from './concept.js'
import type { useSave } from './use-save.js'

/** The keys of a form whose value is a list of strings (checkbox groups). */
export type ListKey<F> = { [K in keyof F]: F[K] extends string[] ? K : never }[keyof F]

/** A form's state and the ways its sections change it. */
export interface ConceptForm<F> {
  f: F
  setF: (update: (old: F) => F) => void
  set: <K extends keyof F>(key: K, value: F[K]) => void
  /** Ticks or unticks one value of a list field. */
  toggle: (key: ListKey<F>, value: string, on: boolean) => void
  /** The concept found in the tab when the form opened, if any. */
  teruggezet?: F
  /**
   * Saves with the form's save cycle (lib/use-save.ts): `send` is the PATCH or POST. Once saved the
   * concept is gone; the answer is the saved record's id, undefined when it was not saved.
   */
  submit: (save: Save, check: Check, send: () => Promise<{ id: string }>) => Promise<string | undefined>
}

type Check = Parameters<ReturnType<typeof useSave>['save']>[0]
type Save = ReturnType<typeof useSave>['save']

/** A form whose input is kept as a concept (lib/concept.ts) until it is saved. */
export function useConceptForm<F extends object>(concept: ConceptStore<F>, id: string | undefined, begin: (teruggezet?: F) => F): ConceptForm<F> {
  const [teruggezet] = useState(() => concept.read(id))
  const [f, setF] = useState<F>(() => begin(teruggezet))
  useEffect(() => concept.write(id, f), [f])
  return {
    f,
    setF,
    teruggezet,
    set: (key, value) => setF((old) => ({ ...old, [key]: value })),
    toggle: (key, value, on) =>
      setF((old) => {
        const rest = (old[key] as string[]).filter((v) => v !== value)
        return { ...old, [key]: on ? [...rest, value] : rest }
      }),
    async submit(save, check, send) {
      let opgeslagen = ''
      if (!(await save(check, async () => { opgeslagen = (await send()).id }))) return undefined
      concept.clear(id)
      return opgeslagen
    },
  }
}
