import { z } from 'zod'
import { id, tekst } from './common.js'

/** A gemeente, the boundary of deelnemer data; `cbsCode` is the CBS code, "GM" and four digits. */
export const gemeenteInput = z
  .object({
    naam: tekst(120),
    cbsCode: z.string().trim().regex(/^GM\d{4}$/, 'Een CBS-code is GM met vier cijfers, bijvoorbeeld GM0505.'),
  })
  .strict()

export const gemeente = z.object({ id, naam: z.string(), cbsCode: z.string() })
export type Gemeente = z.infer<typeof gemeente>

/**
 * Gemeenten the product knows by plaats (the woonplaats of a PC4 in db/data/pc4-nl.csv): used by
 * migration 0005 (the same list, in SQL) for existing deelnemers and by the demo data. The id of
 * such a gemeente is `gemeente-<cbsCode>`.
 */
export const bekendeGemeenten: { cbsCode: string; naam: string; plaatsen: string[] }[] = [
  { cbsCode: 'GM0505', naam: 'Dordrecht', plaatsen: ['Dordrecht'] },
  { cbsCode: 'GM0642', naam: 'Zwijndrecht', plaatsen: ['Zwijndrecht', 'Heerjansdam'] },
  { cbsCode: 'GM0590', naam: 'Papendrecht', plaatsen: ['Papendrecht'] },
  { cbsCode: 'GM0610', naam: 'Sliedrecht', plaatsen: ['Sliedrecht'] },
  { cbsCode: 'GM0503', naam: 'Delft', plaatsen: ['Delft'] },
  { cbsCode: 'GM0957', naam: 'Roermond', plaatsen: ['Roermond', 'Herten'] },
  { cbsCode: 'GM0363', naam: 'Amsterdam', plaatsen: ['Amsterdam'] },
  { cbsCode: 'GM0599', naam: 'Rotterdam', plaatsen: ['Rotterdam'] },
  { cbsCode: 'GM0518', naam: "'s-Gravenhage", plaatsen: ['Den Haag'] },
  { cbsCode: 'GM0344', naam: 'Utrecht', plaatsen: ['Utrecht'] },
]

export const gemeenteIdVan = (cbsCode: string) => `gemeente-${cbsCode}`

/** The known gemeente of a plaats, if any. */
export function gemeenteVanPlaats(plaats: string) {
  return bekendeGemeenten.find((g) => g.plaatsen.includes(plaats))
}
