// Why a sign-in through the gemeente's identity provider (OpenID Connect) was refused: a stable
// code (in the redirect to /inloggen?fout=…) and the Dutch sentence the login page shows for it.
// Shared by the server (which decides) and the web app (which shows).

export const oidcFouten = {
  'oidc-uit': 'Inloggen via uw organisatie is hier niet ingesteld. Log in met uw e-mailadres en wachtwoord.',
  'oidc-verlopen': 'Het inloggen via uw organisatie duurde te lang of is al afgerond. Probeer het opnieuw.',
  'oidc-state': 'Deze inlogpoging hoort niet bij deze browser (de controlecode klopt niet). Start het inloggen opnieuw.',
  'oidc-code': 'Deze inlogcode is al gebruikt of verlopen. Start het inloggen opnieuw.',
  'oidc-token-verlopen': 'Het bewijs van uw organisatie is verlopen. Start het inloggen opnieuw.',
  'oidc-token-ongeldig': 'Het bewijs van uw organisatie is niet te vertrouwen (de handtekening klopt niet). Inloggen is geweigerd.',
  'oidc-geweigerd': 'Uw organisatie heeft het inloggen niet toegestaan.',
  'oidc-email-onbevestigd': 'Uw organisatie gaf geen bevestigd e-mailadres door. Vraag uw beheerder om hulp.',
  'oidc-onbekend': 'Er is bij Participatieplekken geen account met het e-mailadres van uw organisatie. Vraag een beheerder om een account.',
  'oidc-uitgeschakeld': 'Uw account is uitgeschakeld. Neem contact op met een beheerder.',
  'oidc-werkgever': 'Werkgevers loggen in met hun e-mailadres en wachtwoord.',
  'oidc-provider-onbereikbaar': 'De inlogdienst van uw organisatie antwoordt nu niet. Probeer het later opnieuw of log in met uw wachtwoord.',
  'oidc-mislukt': 'Inloggen via uw organisatie is mislukt. Probeer het opnieuw of log in met uw wachtwoord.',
} as const

export type OidcFout = keyof typeof oidcFouten

export const isOidcFout = (code: unknown): code is OidcFout => typeof code === 'string' && Object.hasOwn(oidcFouten, code)
