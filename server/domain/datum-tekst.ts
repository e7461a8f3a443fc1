// A calendar date as a Dutch reader writes it, for messages the server sends ("28 augustus 2026",
// never "2026-08-28"). Fixed month names: the text must not depend on the server's ICU data.

const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']

/** "2026-08-28" → "28 augustus 2026"; anything else is returned as it is. */
export function datumTekst(datum: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum)
  const maand = m ? maanden[Number(m[2]) - 1] : undefined
  return m && maand ? `${Number(m[3])} ${maand} ${m[1]}` : datum
}
