import { z } from 'zod'
import type { ZodType } from 'zod'

// Small helpers so each route definition reads as: method, path, who, body, answer.

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('Stabiele foutcode, bijvoorbeeld "validatie" of "niet-gevonden"'),
    message: z.string().describe('Uitleg in het Nederlands'),
    fields: z.record(z.string(), z.string()).optional().describe('Per veld (pad met punten) wat er mis is'),
  }),
})

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
})

export const errors = {
  400: errorResponse('Ongeldige invoer'),
  401: errorResponse('Niet ingelogd'),
  403: errorResponse('Geen toegang voor deze rol'),
  404: errorResponse('Niet gevonden (of niet van uw organisatie)'),
  409: errorResponse('Niet toegestaan in de huidige toestand'),
  429: errorResponse('Te veel pogingen; zie Retry-After'),
}

export const jsonBody = <T extends ZodType>(schema: T, description = 'JSON') => ({
  required: true,
  content: { 'application/json': { schema } },
  description,
})

export const jsonAnswer = <T extends ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export const listOf = <T extends ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() })

export const idParam = z.object({ id: z.string().min(1).max(64) })
