import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto'
import Provider from 'oidc-provider'

// A real, certified OpenID provider (oidc-provider) on a loopback port, for the OIDC tests (API and
// Chromium). The person who "logs in" at the provider is whoever the test names in `loginAs`: the
// provider's own login screen is not under test, its protocol is. In front of it sits a plain
// forwarding server (the issuer's address), which a test can tell to re-sign the ID token of the
// next token answer with a key of its own: an attacker injecting a token.

export interface TestAccount {
  email: string
  emailVerified?: boolean
}

export interface TestProvider {
  issuer: string
  clientId: string
  clientSecret: string
  /** The account the next login at the provider is made for (sub = email). */
  loginAs(account: TestAccount): void
  /** Re-sign the ID token of the next token answer with another key (same kid and alg). */
  forgeNextIdToken(): void
  /**
   * Called with the provider's redirect back to the app (code, state) before the browser gets it;
   * may answer a changed URL. For browser tests, where the redirect chain cannot be intercepted.
   */
  onRedirectBack(hook: ((url: URL) => URL | void) | undefined): void
  /** Env for the app: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET. */
  env: Record<string, string>
  close(): Promise<void>
}

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))

type Uris = string[] | (() => string[])

/**
 * `redirectUris`: the app's /api/oidc/terug on every origin the test uses; a function when the
 * app's address is known only later (the provider is made at its first request).
 */
export async function startTestProvider(opts: { redirectUris: Uris; postLogoutRedirectUris?: Uris; idTokenTtlSeconds?: number }): Promise<TestProvider> {
  const front = createServer()
  const frontPort = await listen(front)
  const issuer = `http://127.0.0.1:${frontPort}`
  const clientId = 'participatieplekken'
  const clientSecret = randomBytes(24).toString('base64url')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-sleutel-1', alg: 'RS256', use: 'sig' }
  const accounts = new Map<string, TestAccount>()
  let next: TestAccount | undefined

  const uris = (u: Uris | undefined) => (typeof u === 'function' ? u() : (u ?? []))
  let made: { provider: Provider; callback: ReturnType<Provider['callback']> } | undefined
  const make = () => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: uris(opts.redirectUris),
          post_logout_redirect_uris: uris(opts.postLogoutRedirectUris),
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      jwks: { keys: [jwk as never] },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      features: { devInteractions: { enabled: false } },
      ttl: { IdToken: opts.idTokenTtlSeconds ?? 3600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600, AccessToken: 600 },
      interactions: { url: (_ctx, interaction) => `/interactie/${interaction.uid}` },
      findAccount: async (_ctx, id) => {
        const account = accounts.get(id)
        if (!account) return undefined
        return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true }) }
      },
    })
    provider.proxy = true // it sits behind the front server: the issuer's address comes in X-Forwarded-*
    return { provider, callback: provider.callback() }
  }

  // the provider's own listener; the front forwards to it
  const inner = createServer(async (req, res) => {
    made ??= make()
    if (req.url?.startsWith('/interactie/')) return interact(made.provider, req, res)
    made.callback(req, res)
  })
  const innerPort = await listen(inner)

  /** Finishes each prompt at once for the account the test named: login, then consent. */
  async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res)
    if (details.prompt.name === 'login') {
      if (!next) throw new Error('testprovider: geen account gekozen (loginAs)')
      accounts.set(next.email, next)
      return provider.interactionFinished(req, res, { login: { accountId: next.email } }, { mergeWithLastSubmission: false })
    }
    const grant = details.grantId ? (await provider.Grant.find(details.grantId))! : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) })
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] }
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
    const grantId = await grant.save()
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
  }

  let forge = false
  let redirectHook: ((url: URL) => URL | void) | undefined
  const attackerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
  front.on('request', async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host') headers[k] = v
    headers['x-forwarded-host'] = `127.0.0.1:${frontPort}`
    headers['x-forwarded-proto'] = 'http'
    const answer = await fetch(`http://127.0.0.1:${innerPort}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, redirect: 'manual' })
    let body = Buffer.from(await answer.arrayBuffer())
    if (forge && req.url?.startsWith('/token') && answer.ok) {
      forge = false
      const tokens = JSON.parse(body.toString('utf8'))
      const [header, payload] = String(tokens.id_token).split('.')
      const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(attackerKey).toString('base64url')
      tokens.id_token = `${header}.${payload}.${signature}`
      body = Buffer.from(JSON.stringify(tokens))
    }
    const out: Record<string, string | string[]> = {}
    answer.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'set-cookie' && k !== 'transfer-encoding' && k !== 'content-encoding') out[k] = v
    })
    const location = answer.headers.get('location')
    if (location && redirectHook && new URL(location, issuer).pathname === '/api/oidc/terug') out.location = (redirectHook(new URL(location, issuer)) ?? new URL(location, issuer)).href
    const cookies = answer.headers.getSetCookie()
    if (cookies.length) out['set-cookie'] = cookies
    out['content-length'] = String(body.length)
    res.writeHead(answer.status, out)
    res.end(body)
  })

  return {
    issuer,
    clientId,
    clientSecret,
    loginAs: (account) => {
      next = account
    },
    forgeNextIdToken: () => {
      forge = true
    },
    onRedirectBack: (hook) => {
      redirectHook = hook
    },
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret },
    close: async () => {
      await Promise.all([front, inner].map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))))
    },
  }
}
