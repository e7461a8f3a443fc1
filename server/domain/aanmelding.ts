import { z } from 'zod'
import { organisatieSoorten, organisatieStatussen, soortenMetKvk } from './enums.js'
import { id, langeTekst, postcode, tekst } from './common.js'
import { telefoon } from './organisatie.js'
import { wachtwoord } from './wachtwoord.js'

// Self-registration of an organisatie ("Plekken aanbieden", docs/aanmelden.md): the public form,
// the links from e-mail, the beheerder's decision and colleague invitations.

const email = z.email().max(200).transform((v) => v.toLowerCase())
const kvkNummer = z.string().trim().regex(/^[0-9]{8}$/, 'Een KvK-nummer bestaat uit 8 cijfers.')

export const aanmeldingInput = z
  .object({
    naam: tekst(160),
    soort: z.enum(organisatieSoorten),
    kvkNummer: kvkNummer.optional(),
    postcode,
    /** Optional: when left out, the plaats of the postcode is used. */
    plaats: tekst(80).optional(),
    /** The person who registers: the contactpersoon and the first account. */
    contactpersoon: z.object({ naam: tekst(120), telefoon }).strict(),
    email,
    wachtwoord,
    /** Honeypot: hidden from people (and from screen readers); a form that fills it is a robot. */
    website: z.string().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((soortenMetKvk as readonly string[]).includes(v.soort) && !v.kvkNummer)
      ctx.addIssue({ code: 'custom', path: ['kvkNummer'], message: 'Vul het KvK-nummer van uw organisatie in (8 cijfers).' })
  })
export type AanmeldingInput = z.infer<typeof aanmeldingInput>

/** A link from an e-mail: "<id>.<signature>". */
export const tokenInput = z.object({ token: z.string().trim().min(10).max(300) }).strict()

export const afwijsInput = z.object({ reden: langeTekst(1000, 10) }).strict()

export const uitnodigingInput = z.object({ email, naam: tekst(120).optional() }).strict()

export const accepteerInput = z.object({ token: z.string().trim().min(10).max(300), naam: tekst(120), wachtwoord }).strict()

/** The same answer for every registration, new address or known one (nothing is revealed). */
export const aanmeldAntwoord = z.object({ bericht: z.string() })

export const aanmeldingStatus = z.enum(organisatieStatussen)

const persoon = z.object({ id, naam: z.string(), email: z.string(), actief: z.boolean(), uitgenodigd: z.boolean().describe('Uitgenodigd, nog niet aangenomen') })
export const organisatieGebruiker = persoon

export const vergelijkbareOrganisatie = z.object({
  id,
  naam: z.string(),
  plaats: z.string(),
  kvkNummer: z.string().optional(),
  status: aanmeldingStatus,
  waarom: z.array(z.enum(['zelfde-kvk', 'vergelijkbare-naam'])),
})

export const aanmelding = z.object({
  id: id.describe('Het id van de organisatie'),
  naam: z.string(),
  soort: z.enum(organisatieSoorten),
  kvkNummer: z.string().optional(),
  postcode: z.string(),
  plaats: z.string(),
  contactpersoon: z.object({ naam: z.string(), email: z.string(), telefoon: z.string() }),
  status: aanmeldingStatus,
  gemeente: z.object({ id, naam: z.string() }).optional().describe('De gemeente van de postcode; zonder: geen gemeente van deze installatie'),
  aangemeldOp: z.string(),
  bevestigdOp: z.string().optional(),
  beoordeeldOp: z.string().optional(),
  beoordeeldDoor: z.string().optional().describe('Naam van de beheerder'),
  reden: z.string().optional(),
})

export const aanmeldingDetail = aanmelding.extend({
  vergelijkbaar: z.array(vergelijkbareOrganisatie).describe('Bestaande organisaties met hetzelfde KvK-nummer of een naam die erop lijkt'),
  gebruikers: z.array(persoon),
})

export const aanmeldingLijstQuery = z.object({
  status: z.enum(['aangemeld', 'goedgekeurd', 'afgewezen']).default('aangemeld'),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
})

// Similar names: what a person checking the register would also call "the same one". Legal forms,
// punctuation and case do not count; then equal, one inside the other, or a few typing differences.

const RECHTSVORM = /\b(b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|c\.?\s?v\.?|stichting|vereniging|holding|coöperatie|cooperatie|eenmanszaak)\b/g

export function naamSleutel(naam: string): string {
  return naam
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(RECHTSVORM, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function afstand(a: string, b: string): number {
  const vorige = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let links = i
    let diagonaal = i - 1
    for (let j = 1; j <= b.length; j++) {
      const boven = vorige[j]!
      const nu = Math.min(boven + 1, links + 1, diagonaal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonaal = boven
      vorige[j] = links = nu
    }
    vorige[0] = i
  }
  return vorige[b.length]!
}

const LIDWOORD = new Set(['de', 'het', 'een', 't'])

/** Whether two organisatie names probably mean the same organisatie. */
export function lijktOp(a: string, b: string): boolean {
  const x = naamSleutel(a)
  const y = naamSleutel(b)
  if (!x || !y) return false
  if (x === y) return true
  // the same words in another order ("Korenschoof Bakkerij" / "Bakkerij De Korenschoof")
  const woorden = (k: string) => [...new Set(k.split(' ').filter((w) => !LIDWOORD.has(w)))].sort().join(' ')
  if (woorden(x).length >= 5 && woorden(x) === woorden(y)) return true
  const [kort, lang] = x.length <= y.length ? [x, y] : [y, x]
  if (kort.length >= 5 && ` ${lang} `.includes(` ${kort} `)) return true
  return kort.length >= 6 && afstand(x, y) <= Math.max(1, Math.floor(lang.length / 8))
}
