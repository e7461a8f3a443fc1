import type { DeelnemerFormState } from './deelnemer-form.js'

// What the jobhunter typed in the deelnemer form is kept in this tab's sessionStorage until it is
// saved, so an expired session (login, then back) or a reload loses nothing. It is personal data:
// it stays in this one tab (sessionStorage, gone when the tab closes), is removed on save, on
// Annuleren and on logout, and never goes anywhere but the API.

const PREFIX = 'deelnemer-concept:'
export const conceptSleutel = (id?: string) => `${PREFIX}${id ?? 'nieuw'}`

export function readConcept(id?: string): DeelnemerFormState | undefined {
  try {
    const raw = sessionStorage.getItem(conceptSleutel(id))
    return raw ? (JSON.parse(raw) as DeelnemerFormState) : undefined
  } catch {
    return undefined
  }
}

export function clearConcept(id?: string) {
  try {
    sessionStorage.removeItem(conceptSleutel(id))
  } catch {
    // storage disabled: nothing was kept
  }
}

/** On logout: no deelnemer draft stays behind in the tab. */
export function clearAllDeelnemerConcepten() {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key)
  } catch {
    // storage disabled: nothing was kept
  }
}
