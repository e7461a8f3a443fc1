// What a user typed in a form is kept in this tab's sessionStorage until it is saved, so an
// expired session (login, then back here) or a reload loses nothing. sessionStorage stays in this
// one tab and is gone when the tab closes. One store per form, by a key prefix and the record's id.

export interface ConceptStore<F> {
  read(id?: string): F | undefined
  write(id: string | undefined, f: F): void
  clear(id?: string): void
  /** Every concept of this form in the tab (on logout). */
  clearAll(): void
}

export function conceptStore<F>(prefix: string): ConceptStore<F> {
  const sleutel = (id?: string) => `${prefix}${id ?? 'nieuw'}`
  return {
    read(id) {
      try {
        const raw = sessionStorage.getItem(sleutel(id))
        return raw ? (JSON.parse(raw) as F) : undefined
      } catch {
        return undefined
      }
    },
    write(id, f) {
      try {
        sessionStorage.setItem(sleutel(id), JSON.stringify(f))
      } catch {
        // storage full or disabled: the form still works, only without this safety net
      }
    },
    clear(id) {
      try {
        sessionStorage.removeItem(sleutel(id))
      } catch {
        // storage disabled: nothing was kept
      }
    },
    clearAll() {
      try {
        for (const key of Object.keys(sessionStorage)) if (key.startsWith(prefix)) sessionStorage.removeItem(key)
      } catch {
        // storage disabled: nothing was kept
      }
    },
  }
}
