import { signal } from '@preact/signals'
import { api, call } from './api.js'

export type Gebruiker = Awaited<ReturnType<typeof fetchSessie>>

async function fetchSessie() {
  return (await call(api.sessie.$get(), { allow401: true })).gebruiker
}

/** undefined while the session is being checked, null when nobody is logged in. */
export const gebruiker = signal<Gebruiker | null | undefined>(undefined)

export async function loadSessie(): Promise<void> {
  try {
    gebruiker.value = await fetchSessie()
  } catch {
    gebruiker.value = null
  }
}

/** After the password, a beheerder with two-step verification must still send a code (or set it up). */
export interface TweedeStap {
  tweedeStap: 'code' | 'instellen'
  instellen?: { otpauthUrl: string; geheim: string }
}

export async function login(email: string, wachtwoord: string): Promise<Gebruiker | TweedeStap> {
  const answer = (await call(api.sessie.$post({ json: { email, wachtwoord } }), { allow401: true })) as { gebruiker: Gebruiker } | TweedeStap
  sessionStorage.removeItem(VIA_OIDC)
  if ('tweedeStap' in answer) return answer
  gebruiker.value = answer.gebruiker
  return answer.gebruiker
}

/** The second step: a code from the app or a recovery code; the first code of a new set-up answers the recovery codes. */
export async function sendTweedeStap(code: string): Promise<{ gebruiker: Gebruiker; herstelcodes?: string[] }> {
  const answer = await call(api.sessie['tweede-stap'].$post({ json: { code } }), { allow401: true })
  gebruiker.value = answer.gebruiker
  return answer
}

export async function logout(): Promise<void> {
  try {
    await call(api.sessie.$delete(), { allow401: true })
  } finally {
    gebruiker.value = null
    // signed in through the organisation: the login page offers the provider's logout next
    if (sessionStorage.getItem(VIA_OIDC)) sessionStorage.setItem(UITGELOGD_OIDC, '1')
    sessionStorage.removeItem(VIA_OIDC)
  }
}

const VIA_OIDC = 'pp-via-organisatie'
const UITGELOGD_OIDC = 'pp-uitgelogd-organisatie'
/** The user chose "Inloggen via uw organisatie" in this tab. */
export const markOidcLogin = () => sessionStorage.setItem(VIA_OIDC, '1')
/** Once after logging out of a session made through the organisation: true. */
export function takeOidcLogout(): boolean {
  const was = sessionStorage.getItem(UITGELOGD_OIDC) !== null
  sessionStorage.removeItem(UITGELOGD_OIDC)
  return was
}

/** The page a user lands on after login, by rol. */
export function startPage(rol: Gebruiker['rol']): string {
  switch (rol) {
    case 'werkgever':
      return '/mijn-plekken'
    case 'jobhunter':
      return '/deelnemers?regievoerder=ik' // Mijn deelnemers: the jobhunter's caseload
    case 'beheerder':
      return '/beheer/gebruikers'
    case 'jobcoach':
      return '/mijn-plaatsingen'
    default:
      return '/welkom'
  }
}

/** Only same-site paths are followed after login (no open redirect): the rule the server uses too. */
export { safeReturnPath } from '../../server/domain/terugpad.js'
