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
  .object({
    email, wachtwoord, naam: tekst(120), rol: z.enum(rollen), organisatieId: id.optional(),
    /** gemeente ids; without it a jobhunter, jobcoach or beheerder gets the creating beheerder's own */
    werkgebied: z.array(id).max(50).optional(),
    /** a beheerder of every gemeente, for running the installation (only a platform beheerder makes one) */
    platformBeheerder: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.rol === 'werkgever' && !v.organisatieId)
      ctx.addIssue({ code: 'custom', path: ['organisatieId'], message: 'Een werkgever hoort bij een organisatie: kies de organisatie.' })
    if (v.rol !== 'werkgever' && v.organisatieId)
      ctx.addIssue({ code: 'custom', path: ['organisatieId'], message: 'Alleen een werkgever hoort bij een organisatie.' })
  })

export const gebruikerPatch = z
  .object({ naam: tekst(120).optional(), actief: z.boolean().optional(), wachtwoord: wachtwoord.optional(), werkgebied: z.array(id).max(50).optional() })
  .strict()

export const gebruiker = z.object({
  id,
  email: z.string(),
  naam: z.string(),
  rol: z.enum(rollen),
  organisatieId: z.string().nullable(),
  actief: z.boolean().optional(),
  platformBeheerder: z.boolean().optional(),
  /** gemeente ids */
  werkgebied: z.array(z.string()).optional(),
})
