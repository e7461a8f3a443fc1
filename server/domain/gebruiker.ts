import { z } from 'zod'
import { rollen } from './enums.js'
import { id, tekst } from './common.js'
import { wachtwoord } from './wachtwoord.js'

const email = z
  .email()
  .max(200)
  .transform((v) => v.toLowerCase())

export const loginInput = z
  .object({ email: z.string().trim().min(1).max(200), wachtwoord: z.string().min(1).max(200) })
  .strict()

export const gebruikerInput = z
  .object({ email, wachtwoord, naam: tekst(120), rol: z.enum(rollen), organisatieId: id.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.rol === 'werkgever' && !v.organisatieId)
      ctx.addIssue({ code: 'custom', path: ['organisatieId'], message: 'Een werkgever hoort bij een organisatie: kies de organisatie.' })
    if (v.rol !== 'werkgever' && v.organisatieId)
      ctx.addIssue({ code: 'custom', path: ['organisatieId'], message: 'Alleen een werkgever hoort bij een organisatie.' })
  })

export const gebruikerPatch = z
  .object({ naam: tekst(120).optional(), actief: z.boolean().optional(), wachtwoord: wachtwoord.optional() })
  .strict()

export const gebruiker = z.object({
  id,
  email: z.string(),
  naam: z.string(),
  rol: z.enum(rollen),
  organisatieId: z.string().nullable(),
  actief: z.boolean().optional(),
})
