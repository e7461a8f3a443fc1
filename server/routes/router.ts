import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../context.js'
import { fromZod } from '../domain/errors.js'

/** Every route module is built on this, so validation failures all take the contract's error shape. */
export const router = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw fromZod(result.error)
    },
  })
