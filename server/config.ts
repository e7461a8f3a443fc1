import { z } from 'zod'
import { installDutchErrors } from './domain/dutch-errors.js'

installDutchErrors()

// All configuration comes from environment variables, parsed once here.
// A bad value stops start-up with one line naming the variable (see loadConfig).

const bool = z
  .enum(['true', 'false', '1', '0', 'ja', 'nee', 'on', 'off'])
  .transform((v) => ['true', '1', 'ja', 'on'].includes(v))

/** A whole number from min to max, with one message for anything else ("abc", "1.5", "0"). */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message)

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:|:memory:$)/, 'moet beginnen met file:, libsql:, http(s): of ws(s):')
      .default('file:data/participatieplek.db'),
    DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
    MEILI_URL: z.url({ message: 'moet een URL zijn, bijvoorbeeld http://localhost:7700' }).optional(),
    MEILI_API_KEY: z.string().min(1).optional(),
    SESSION_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
    ADMIN_EMAIL: z.email({ message: 'moet een e-mailadres zijn' }).optional(),
    ADMIN_PASSWORD: z.string().min(12, 'moet minstens 12 tekens lang zijn').optional(),
    DEMO_DATA: bool.optional(),
    TRUST_PROXY: bool.default(false),
    PUBLIC_URL: z
      .url({ message: 'moet een URL zijn, bijvoorbeeld https://plekken.gemeente.nl' })
      .regex(/^https?:\/\/[^/?#]+\/?$/, 'moet alleen het adres van de website zijn (http(s)://host[:poort]), zonder pad, bijvoorbeeld https://plekken.gemeente.nl')
      .optional(),
    OIDC_ISSUER: z.url({ message: 'moet de URL van de identity provider zijn, bijvoorbeeld https://login.gemeente.nl/realms/medewerkers' }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
    TOTP_VERPLICHT: bool.optional(),
    LOG_REQUESTS: bool.default(true),
    RETENTIE_MAANDEN: z.coerce.number().int().min(1, 'moet minstens 1 zijn').max(240).default(24),
    WORKERS: wholeNumber(1, 64, 'moet een geheel getal van 1 tot en met 64 zijn (het aantal instanties op deze machine)').default(1),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'moet een smtp:// of smtps:// URL zijn, bijvoorbeeld smtp://gebruiker:wachtwoord@mail.example.nl:587')
      .optional(),
    MAIL_TIMEOUT_SECONDS: wholeNumber(1, 300, 'moet een geheel aantal seconden van 1 tot en met 300 zijn').default(30),
    MAIL_FROM: z.string().min(3).max(200).regex(/@/, 'moet een afzender met e-mailadres zijn, bijvoorbeeld "Participatieplekken <noreply@gemeente.nl>"').optional(),
    LOG_METRICS_SECONDS: wholeNumber(0, 3600, 'moet een geheel aantal seconden van 0 tot en met 3600 zijn (0 zet het uit)').default(60),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET)
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is verplicht in productie (minstens 32 tekens)' })
    if (env.NODE_ENV === 'production' && !env.PUBLIC_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message:
          'is verplicht in productie: het publieke adres van de website, voor links en de controle op herkomst (CSRF), bijvoorbeeld https://plekken.gemeente.nl / ' +
          'required in production: the public origin used for links and the Origin (CSRF) check',
      })
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length
    if (oidc > 0 && oidc < 3)
      ctx.addIssue({ code: 'custom', path: [!env.OIDC_ISSUER ? 'OIDC_ISSUER' : !env.OIDC_CLIENT_ID ? 'OIDC_CLIENT_ID' : 'OIDC_CLIENT_SECRET'], message: 'is verplicht wanneer een van OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET is gezet (alle drie of geen)' })
    if (env.WORKERS > 1 && env.DATABASE_URL === ':memory:')
      ctx.addIssue({ code: 'custom', path: ['WORKERS'], message: 'kan niet boven 1 met DATABASE_URL=:memory: (elke instantie had dan een eigen lege database)' })
    if (env.SMTP_URL && !env.MAIL_FROM)
      ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is verplicht wanneer SMTP_URL is gezet (de afzender van de meldingen)' })
    if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD)
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'is verplicht wanneer ADMIN_EMAIL is gezet' })
  })

export interface Config {
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  databaseUrl: string
  databaseAuthToken?: string
  meili?: { url: string; apiKey?: string }
  sessionSecret: string
  admin?: { email: string; password: string }
  demoData: boolean
  trustProxy: boolean
  /** The public origin (PUBLIC_URL) for links and the Origin check; required in production. */
  publicUrl?: string
  /** OpenID Connect sign-in for gemeente staff (docs/security.md); absent: password only. */
  oidc?: { issuer: string; clientId: string; clientSecret: string }
  /** Beheerders who log in with a password must use a second step (TOTP). */
  totpVerplicht: boolean
  logRequests: boolean
  /** Deelnemers whose last plaatsing ended longer ago than this are anonymised (AVG). */
  retentieMaanden: number
  /** Instances on this machine sharing the port (node:cluster, server/cluster.ts); 1 is one process. */
  workers: number
  /** E-mail of meldingen (SMTP_URL, MAIL_FROM); absent: e-mail is off, meldingen stay in the app. */
  mail?: { url: string; from: string }
  /** How long one step of an SMTP delivery may take; a crashed instance's deliveries are taken over after about three times this. */
  mailTimeoutSeconds: number
  /** Every this many seconds each instance logs its event-loop delay, RSS and requests; 0 is off. */
  logMetricsSeconds: number
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable counts as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0] ?? 'omgeving')
    const value = env[name]
    const unset = value === undefined || value === '' // a missing variable has no value to show
    const shown = name.includes('SECRET') || name.includes('PASSWORD') || name.includes('TOKEN') || name.includes('KEY') || name === 'SMTP_URL' ? '' : ` (nu: ${JSON.stringify(value)})`
    throw new ConfigError(`Configuratiefout: ${name}: ${issue.message}${unset ? '' : shown}`)
  }
  const e = parsed.data
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    meili: e.MEILI_URL ? { url: e.MEILI_URL, apiKey: e.MEILI_API_KEY } : undefined,
    // Only used in development: production requires its own (checked above).
    sessionSecret: e.SESSION_SECRET ?? 'ontwikkel-geheim-niet-voor-productie-gebruiken',
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : undefined,
    demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    oidc: e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET } : undefined,
    totpVerplicht: e.TOTP_VERPLICHT ?? e.NODE_ENV === 'production',
    logRequests: e.LOG_REQUESTS,
    retentieMaanden: e.RETENTIE_MAANDEN,
    workers: e.WORKERS,
    logMetricsSeconds: e.LOG_METRICS_SECONDS,
    mail: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    mailTimeoutSeconds: e.MAIL_TIMEOUT_SECONDS,
  }
}
