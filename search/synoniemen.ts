// A small, maintained list of Dutch synonyms shared by both adapters. Each group is mutual:
// searching any word finds plekken with any other word of its group. Keep groups small and
// about work, so a search never drifts far from what the jobhunter typed.
export const synoniemGroepen: string[][] = [
  ['magazijn', 'logistiek', 'orderpicker', 'orderpicken'],
  ['schoonmaak', 'schoonmaker', 'schoonmaakster', 'schoonmaken'],
  ['horeca', 'restaurant', 'keuken', 'kok'],
  ['zorg', 'verzorgende', 'verzorging', 'zorgcentrum'],
  ['kinderopvang', 'peuterspeelzaal', 'kinderdagverblijf'],
  ['groen', 'hovenier', 'tuin', 'groenvoorziening'],
  ['winkel', 'detailhandel', 'supermarkt', 'vakkenvuller'],
  ['techniek', 'monteur', 'installatie'],
  ['administratie', 'administratief', 'kantoor'],
  ['productie', 'productiemedewerker', 'inpakken'],
  ['chauffeur', 'bezorger', 'bezorging'],
]

const byWord = new Map<string, string[]>()
for (const group of synoniemGroepen) for (const word of group) byWord.set(word, group.filter((w) => w !== word))

/** The other words of the word's group (empty when it has none). */
export const synonymsOf = (word: string): string[] => byWord.get(word.toLowerCase()) ?? []

/** The same list in Meilisearch's settings shape: every word maps to the rest of its group. */
export const meiliSynonyms = (): Record<string, string[]> => Object.fromEntries(byWord)
