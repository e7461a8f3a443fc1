import { z } from 'zod'

// Password policy: long enough to resist guessing, not a well-known password, not the e-mail.
// Length beats composition rules (NIST SP 800-63B), so there are no "one capital, one digit" rules.

const veelGebruikt = new Set([
  'wachtwoord123', 'wachtwoord1234', 'welkom123456', 'welkomwelkom', 'password1234', 'password12345',
  'qwertyuiop12', '123456789012', '1234567890ab', 'abcdefghijkl', 'administrator', 'geheimgeheim',
  'zomer2026zomer', 'winter2026winter', 'gemeente1234', 'voorjaar2026', 'najaar2026!!', 'iloveyou1234',
  'letmein12345', 'wachtwoord01', 'wachtwoord!!', 'passwordpassword', 'qwerty123456', 'azertyuiop12',
])

export const wachtwoord = z
  .string()
  .min(12, 'Kies een wachtwoord van minstens 12 tekens.')
  .max(200, 'Kies een wachtwoord van hoogstens 200 tekens.')
  .refine((w) => !veelGebruikt.has(w.toLowerCase()), 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.')
  .refine((w) => new Set(w).size >= 5, 'Dit wachtwoord bestaat uit te weinig verschillende tekens.')
