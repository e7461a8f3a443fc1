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

export async function login(email: string, wachtwoord: string): Promise<Gebruiker> {
  const answer = await call(api.sessie.$post({ json: { email, wachtwoord } }), { allow401: true })
  sessionStorage.removeItem(VIA_OIDC)
  gebruiker.value = answer.gebruiker
  return answer.gebruiker
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
