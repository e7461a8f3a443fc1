// The pieces every list page uses to keep its state in the URL (so Back and a shared link give the
// same list): reading a page number and a value from a fixed list, and writing a query string
// without defaults. Pure; the hook that ties them to the router is `use-url-state.ts`.

/** True when `value` is one of `list` (and narrows it to the list's type). */
export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return (list as readonly string[]).includes(value ?? '')
}

/** A page number from the URL: a whole number 1–1000, otherwise 1. */
export function parsePage(value: string | null | undefined): number {
  const page = Number(value ?? '1')
  return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1
}

/** "?a=1&b=2", or "" when nothing is set (so a list without filters has the bare path). */
export function toQueryString(params: URLSearchParams): string {
  const s = params.toString()
  return s ? `?${s}` : ''
}
