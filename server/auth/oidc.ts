import * as client from 'openid-client'
import type { Deps } from '../context.js'
import { DomainError } from '../domain/errors.js'
import { oidcFouten, type OidcFout } from '../domain/inloggen-fouten.js'
import { openToken, sealToken } from './sessions.js'

// OpenID Connect sign-in for gemeente staff (docs/security.md "Inloggen via de organisatie"):
// authorization code flow with PKCE, `state` and `nonce`, the ID token checked by openid-client
// (issuer, audience, expiry, nonce) and its signature against the provider's JWKS
// (enableNonRepudiationChecks: not only trusting TLS).

export const fout = (code: OidcFout, soort: 'niet-ingelogd' | 'geen-toegang' | 'niet-beschikbaar' = 'niet-ingelogd') =>
  new DomainError(soort, code, oidcFouten[code])

/** Discovery once per issuer and client; a failed one is tried again on the next login. */
const configs = new Map<string, Promise<client.Configuration>>()

const loopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)

export function oidcConfiguration(deps: Deps): Promise<client.Configuration> {
  const o = deps.config.oidc
  if (!o) throw fout('oidc-uit', 'niet-beschikbaar')
  // the application's clock decides what "now" is for the token's expiry (tests move it; in
  // production it is the system clock and this is 0)
  const skew = Math.round((deps.clock.now().getTime() - Date.now()) / 1000)
  const key = `${o.issuer}\n${o.clientId}\n${skew}`
  let config = configs.get(key)
  if (!config) {
    const issuer = new URL(o.issuer)
    // plain http only for a provider on this machine (the tests' provider), never in production
    const insecure = issuer.protocol === 'http:' && loopback(issuer) && deps.config.env !== 'production'
    config = client
      .discovery(issuer, o.clientId, { client_secret: o.clientSecret, [client.clockSkew]: skew }, undefined, {
        execute: [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])],
        timeout: 10,
      })
      .catch((e: unknown) => {
        configs.delete(key)
        deps.log({ t: deps.clock.now().toISOString(), level: 'warn', event: 'oidc-discovery-mislukt', soort: e instanceof Error ? e.name : typeof e, code: (e as { code?: string }).code })
        throw fout('oidc-provider-onbereikbaar', 'niet-beschikbaar')
      })
    configs.set(key, config)
  }
  return config
}

/** What the browser keeps between the start and the return: in a signed, HttpOnly cookie. */
export interface LoginStap {
  state: string
  nonce: string
  verifier: string
  terug?: string
}

export const STAP_MS = 10 * 60 * 1000

export const sealStap = (deps: Deps, stap: LoginStap): string => sealToken(deps, 'oidc-stap', stap, STAP_MS)

export function openStap(deps: Deps, sealed: string | undefined): LoginStap {
  const stap = openToken<LoginStap>(deps, 'oidc-stap', sealed)
  if (!stap) throw fout('oidc-verlopen')
  return stap
}

/** The provider's authorization URL for a new attempt, and the step to keep in the cookie. */
export async function startOidc(deps: Deps, redirectUri: string, terug?: string): Promise<{ url: string; stap: LoginStap }> {
  const config = await oidcConfiguration(deps)
  const verifier = client.randomPKCECodeVerifier()
  const stap: LoginStap = { state: client.randomState(), nonce: client.randomNonce(), verifier, terug }
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: stap.state,
    nonce: stap.nonce,
  })
  return { url: url.href, stap }
}

/** The verified claims the application uses: never the role or werkgebied, those are ours. */
export interface OidcIdentiteit {
  subject: string
  email?: string
  emailBevestigd: boolean
}

/**
 * Redeems the code of the provider's redirect (`currentUrl`) and validates the ID token. Every
 * refusal is a DomainError with one of the codes of domain/inloggen-fouten.ts.
 */
export async function finishOidc(deps: Deps, currentUrl: URL, stap: LoginStap): Promise<OidcIdentiteit> {
  const config = await oidcConfiguration(deps)
  if (currentUrl.searchParams.has('error')) throw fout(currentUrl.searchParams.get('error') === 'access_denied' ? 'oidc-geweigerd' : 'oidc-mislukt')
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>
  try {
    tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: stap.verifier,
      expectedState: stap.state,
      expectedNonce: stap.nonce,
      idTokenExpected: true,
    })
  } catch (e) {
    throw classify(deps, e)
  }
  const claims = tokens.claims()
  if (!claims) throw fout('oidc-mislukt')
  // Many providers put e-mail in the ID token; others (oidc-provider by default) only in UserInfo,
  // which is fetched with the access token and must be about the same subject.
  let email: unknown = claims.email
  let verified: unknown = claims.email_verified
  if (email === undefined) {
    try {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub)
      email = info.email
      verified = info.email_verified
    } catch (e) {
      throw classify(deps, e)
    }
  }
  return {
    subject: claims.sub,
    email: typeof email === 'string' ? email.trim().toLowerCase() : undefined,
    emailBevestigd: verified === true,
  }
}

/** openid-client's refusals by kind; logged by code only (a message can hold token content). */
function classify(deps: Deps, e: unknown): DomainError {
  // openid-client wraps the failed check in a ClientError; the check itself is its cause
  const outer = e as { code?: string; error?: string; message?: string; name?: string; cause?: { code?: string; error?: string; message?: string } }
  const err = { ...outer, code: outer.cause?.code ?? outer.code, error: outer.error ?? outer.cause?.error }
  const message = `${outer.message ?? ''} ${outer.cause?.message ?? ''}`
  const code: OidcFout =
    err.code === 'OAUTH_RESPONSE_BODY_ERROR' && err.error === 'invalid_grant'
      ? 'oidc-code'
      : /"state"/.test(message)
        ? 'oidc-state'
        : err.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED'
          ? 'oidc-token-verlopen'
          : /signature/i.test(message) || err.code === 'OAUTH_KEY_SELECTION_FAILED'
            ? 'oidc-token-ongeldig'
            : err.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR' && err.error === 'access_denied'
              ? 'oidc-geweigerd'
              : 'oidc-mislukt'
  deps.log({ t: deps.clock.now().toISOString(), level: 'warn', event: 'oidc-geweigerd', reden: code, soort: err.name, oauth: err.code, fout: err.error })
  return fout(code)
}

/** The provider's end-session URL (RP-initiated logout), when it has one. */
export async function endSessionUrl(deps: Deps, postLogoutRedirectUri: string): Promise<string | undefined> {
  const config = await oidcConfiguration(deps).catch(() => undefined)
  if (!config?.serverMetadata().end_session_endpoint) return undefined
  return client.buildEndSessionUrl(config, { client_id: deps.config.oidc!.clientId, post_logout_redirect_uri: postLogoutRedirectUri }).href
}
