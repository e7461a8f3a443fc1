import { lookupPostcode, type Locatie } from '../../db/postcode.js'
import { validatieFout } from '../domain/errors.js'

/**
 * The PC4 area of a postcode the user typed (plaats and coordinates), or a validation error on
 * `veld` in Dutch when the area is unknown. Every service that takes a postcode uses this.
 */
export function locatieOf(postcode: string, veld = 'postcode'): Locatie {
  const locatie = lookupPostcode(postcode)
  if (!locatie) throw validatieFout({ [veld]: 'Deze postcode kennen we niet. Controleer de vier cijfers.' })
  return locatie
}

/** The location columns of a plek or deelnemer row: the postcode as typed, its plaats and coordinates. */
export function locatieColumns(postcode: string) {
  const { plaats, lat, lon } = locatieOf(postcode)
  return { postcode, plaats, lat, lon }
}
