import type { Actor } from '../context.js'
import type { Rol } from '../domain/enums.js'
import { geenToegang } from '../domain/errors.js'

/** First line of every service verb: the actor's role must be one of these (geen-toegang otherwise). */
export function requireRole(actor: Actor, ...rollen: Rol[]): void {
  if (!rollen.includes(actor.rol)) throw geenToegang()
}
