import { audit } from '../../db/schema.js'
import type { Db } from '../../db/client.js'
import type { Actor } from '../context.js'

// One audit row per action on sensitive data, written with the same transaction (or connection)
// as the change itself so the log and the data never disagree. Details hold ids, field names and
// settings, never the personal data itself.

type Writer = Pick<Db, 'insert'>

export interface AuditRegel {
  actie: string
  objectSoort: string
  objectId: string
  details?: Record<string, unknown>
}

export async function schrijfAudit(db: Writer, actor: Actor | undefined, op: string, regel: AuditRegel) {
  await db.insert(audit).values({
    op,
    gebruikerId: actor?.id ?? null,
    rol: actor?.rol ?? null,
    actie: regel.actie,
    objectSoort: regel.objectSoort,
    objectId: regel.objectId,
    details: regel.details ?? null,
  })
}
