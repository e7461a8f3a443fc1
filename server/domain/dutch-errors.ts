import { z } from 'zod'

// Every validation message a user can meet is Dutch and says what to do.
// Zod's own Dutch locale is the fallback for rare issue kinds.

const typeNames: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een heel getal',
  boolean: 'ja of nee (true/false)',
  array: 'een lijst',
  object: 'een object',
}

/**
 * The user's own value, quoted in a message: only a short text, number or boolean. A list or object
 * is not echoed: JSON.stringify of a body nested thousands deep overflowed the stack, which made a
 * hostile request a 500 (test/api/vijandige-invoer.test.ts). Long texts are cut off.
 */
const ownValue = (v: unknown): string | undefined => {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return undefined
}

/** Numbers as Dutch write them: 0,5 rather than 0.5. */
// no thousands separator: "minstens 1930", not "1.930" (a year, an amount of hours); a decimal comma stays
const getal = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? n.toLocaleString('nl-NL', { useGrouping: false }) : String(n))

function dutchMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Dit veld is verplicht.'
      return `Vul hier ${typeNames[issue.expected] ?? issue.expected} in.`
    case 'invalid_value':
      if (issue.input === undefined) return 'Dit veld is verplicht.'
      if (issue.input === null || issue.input === '') return `Kies een waarde: ${issue.values.join(', ')}.`
      if (issue.values.length === 1) return `Moet ${JSON.stringify(issue.values[0])} zijn.`
      return ownValue(issue.input) === undefined
        ? `Kies uit: ${issue.values.join(', ')}.`
        : `Onbekende waarde ${ownValue(issue.input)}. Kies uit: ${issue.values.join(', ')}.`
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'Dit veld is verplicht.' : `Gebruik minstens ${issue.minimum} tekens.`
      if (issue.origin === 'array')
        return Number(issue.minimum) <= 1 ? 'Kies er minstens één.' : `Kies er minstens ${issue.minimum}.`
      return `Moet minstens ${getal(issue.minimum)} zijn.`
    case 'too_big':
      if (issue.origin === 'string') return `Gebruik hoogstens ${issue.maximum} tekens.`
      if (issue.origin === 'array') return `Kies er hoogstens ${issue.maximum}.`
      return `Mag hoogstens ${getal(issue.maximum)} zijn.`
    case 'invalid_format':
      if (issue.format === 'email') return 'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.'
      if (issue.format === 'date') return 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-11-23.'
      return 'Dit heeft niet de juiste vorm.'
    case 'unrecognized_keys':
      return `Onbekend veld: ${issue.keys.join(', ')}.`
    case 'not_multiple_of':
      return `Moet een veelvoud van ${issue.divisor} zijn.`
    default:
      return undefined
  }
}

let installed = false
/** Installs the Dutch messages once per process (idempotent). */
export function installDutchErrors(): void {
  if (installed) return
  installed = true
  z.config(z.locales.nl())
  z.config({ customError: (issue) => dutchMessage(issue) })
}

/** Fields that appear in answers but are set by the product (status through its own routes). */
const alleenLezen = new Set(['id', 'status', 'plaats', 'lat', 'lon', 'taalrijkheidsscore', 'taalrijkheidsuitleg', 'organisatieNaam', 'bezet', 'aangemaaktOp', 'gewijzigdOp', 'gepubliceerdOp', 'toestemmingOp'])

/**
 * Turns zod issues into the contract's `fields` map: dotted path → Dutch message.
 * An unknown key is reported under its own name, so the client can point at it.
 */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  // A Map, not `fields[path] ??= …` on a plain object: a body key such as `__proto__` or
  // `constructor` hit the object's prototype and the answer came back with empty `fields`.
  // Object.fromEntries makes every path an own property, `__proto__` included.
  const fields = new Map<string, string>()
  const add = (path: string, message: string) => {
    if (!fields.has(path)) fields.set(path, message)
  }
  for (const issue of issues) {
    const base = issue.path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = base ? `${base}.${key}` : key
        add(path, alleenLezen.has(key) ? 'Dit veld zet de applicatie zelf; u kunt het niet meesturen.' : 'Onbekend veld; dit veld bestaat niet.')
      }
      continue
    }
    add(base || '_', issue.message)
  }
  return Object.fromEntries(fields)
}
