import { createRoute, type RouteConfig } from '@hono/zod-openapi'
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

type Verzoek = NonNullable<RouteConfig['request']>
type Fout = keyof typeof errors
type Antwoord<S extends number, T extends ZodType> = { [K in S]: { description: string; content: { 'application/json': { schema: T } } } }

/** The success answer of a route: its status, schema and description. */
export const ok = <const S extends 200 | 201, T extends ZodType>(status: S, schema: T, description: string) => ({ status, schema, description })

/**
 * One route definition in one expression: who may call it is in the summary, the request parts
 * are validated by zod, the success answer is documented with its schema and every error answer
 * that can occur is named by status (each in the contract's error shape).
 */
export function apiRoute<const M extends 'get' | 'post' | 'put' | 'patch' | 'delete', const P extends string, const R extends Verzoek, const S extends 200 | 201, T extends ZodType>(
  def: { method: M; path: P; tags: string[]; summary: string; request?: R; ok: { status: S; schema: T; description: string }; fouten: Fout[] },
) {
  const responses = { [def.ok.status]: jsonAnswer(def.ok.schema, def.ok.description) } as Antwoord<S, T>
  for (const f of def.fouten) (responses as Record<number, unknown>)[f] = errors[f]
  return createRoute({ method: def.method, path: def.path, tags: def.tags, summary: def.summary, request: def.request ?? ({} as R), responses })
}
