// Where the app may send someone after logging in (`?terug=`): a path on this site only, never
// another origin (open redirect). Shared by the web app and the server's OIDC callback.

const MAX_LENGTH = 2000
/** Control characters and white space: browsers drop tabs and newlines inside URLs (`/\t/evil`). */
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/
const BASE = 'https://terugpad.invalid'

/** True when `path` alone, as written, cannot leave this origin. */
function looksLocal(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !UNSAFE.test(path)
}

/**
 * The same-origin path to return to, or undefined: it starts with one `/`, holds no backslash,
 * white space or control character (also not percent-encoded), resolves on this origin, and is a
 * page of the app (not the login page itself, not the API).
 */
export function safeReturnPath(terug: unknown): string | undefined {
  if (typeof terug !== 'string' || terug.length === 0 || terug.length > MAX_LENGTH) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(terug)
  } catch {
    return undefined
  }
  if (!looksLocal(terug) || !looksLocal(decoded)) return undefined
  let url: URL
  try {
    url = new URL(terug, BASE)
  } catch {
    return undefined
  }
  if (url.origin !== BASE) return undefined
  const path = url.pathname + url.search + url.hash
  if (/^\/(inloggen|api)(\/|$|\?|#)/i.test(path) || !looksLocal(path)) return undefined
  return path
}
