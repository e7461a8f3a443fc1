import { useLocation } from 'preact-iso'

/**
 * A page's state read from the current URL with `parse`, and the way back: `href` for links and
 * `navigate` for changes (a push, or a replace for keystrokes; nothing when the URL stays the same).
 */
export function useUrlState<S>(parse: (search: string) => S, toQuery: (state: S) => string) {
  const { url, path, route } = useLocation()
  const search = url.includes('?') ? url.slice(url.indexOf('?')) : ''
  const state = parse(search)
  const href = (next: S) => `${path}${toQuery(next)}`
  const navigate = (next: S, replace = false) => {
    const target = href(next)
    if (target !== url) route(target, replace)
  }
  return { search, state, href, navigate }
}
