import { createRequire } from 'node:module'
import type { components, Orama } from '@orama/orama'

// The one module that reads Orama's index structures directly (its radix tree per text field,
// term statistics and internal document ids). They are typed in Orama's published declarations
// (no casts) but not documented API, so their meaning may change in any release: this module
// refuses to load with another Orama than the one it was checked against. After an upgrade: read
// these structures in the new version, run test/search (the contract suite runs this path and
// Orama's public search, test/search/orama-internals.test.ts checks the structures), then update
// ORAMA_VERSION.

/** The @orama/orama version these reads were written and tested against. */
export const ORAMA_VERSION = '3.1.18'

/** The installed version, from @orama/orama's own package.json. */
export const installedOramaVersion: string = (createRequire(import.meta.url)('@orama/orama/package.json') as { version: string }).version

/** Throws, with what to do, when the installed Orama is not the one these reads were checked against. */
export function checkOramaVersion(found: string = installedOramaVersion): void {
  if (found === ORAMA_VERSION) return
  throw new Error(
    `search/embedded/orama-internals.ts leest de interne structuren van @orama/orama ${ORAMA_VERSION}, maar ${found} is geïnstalleerd. ` +
      `Installeer @orama/orama@${ORAMA_VERSION}, of controleer die structuren in ${found}, draai test/search en pas ORAMA_VERSION aan.`,
  )
}
checkOramaVersion()

type Index = components.index.Index
/** A node of a field's radix tree: `w` the word so far, `e` a word ends here, `d` its documents' internal ids, `c` the children by next letter, `s` the edge label. */
export type RadixNode = Extract<components.index.Tree, { type: 'Radix' }>['node']

/** What a BM25 lookup needs of one text field. */
export interface FieldIndex {
  root: RadixNode
  avgLength: number
  /** Number of tokens per internal document id. */
  lengths: Index['fieldLengths'][string]
  /** Number of documents per word. */
  occurrences: Index['tokenOccurrences'][string]
}

type TextOrama = Orama<Record<string, 'string'>>

/** The radix tree and term statistics of one text field (undefined if it has none yet). */
export function fieldIndexOf(orama: TextOrama, prop: string): FieldIndex | undefined {
  const index = orama.data.index
  const tree = index.indexes[prop]
  if (tree?.type !== 'Radix') return undefined
  return { root: tree.node, avgLength: index.avgFieldLength[prop] ?? 1, lengths: index.fieldLengths[prop] ?? {}, occurrences: index.tokenOccurrences[prop] ?? {} }
}

/** Orama's internal number for a document id (what the radix nodes hold). */
export const internalIdOf = (orama: TextOrama, id: string): number | undefined => orama.internalDocumentIDStore.idToInternalId.get(id)

/** The node whose subtree holds the words that start with `term` (undefined if none). */
export function descend(root: RadixNode, term: string): RadixNode | undefined {
  let node = root
  let i = 0
  while (i < term.length) {
    const child = node.c.get(term[i]!)
    if (!child) return undefined
    const label = child.s
    let j = 0
    while (j < label.length && i + j < term.length && label[j] === term[i + j]) j++
    if (j === label.length) {
      node = child
      i += j
    } else if (i + j === term.length) return child // the term ends inside this edge
    else return undefined
  }
  return node
}

/** Every word with documents below `node` of at most `maxLength` letters, each with `weight`. */
export function collectWords(node: RadixNode, weight: number, out: [RadixNode, number][], maxLength: number): void {
  const stack = [node]
  while (stack.length) {
    const n = stack.pop()!
    if (n.w.length > maxLength) continue
    if (n.e && n.d.size) out.push([n, weight])
    for (const child of n.c.values()) stack.push(child)
  }
}

/** Every word indexed in these fields. */
export function indexedWords(orama: TextOrama, props: readonly string[]): Set<string> {
  const words = new Set<string>()
  const walk = (node: RadixNode) => {
    if (node.e && node.w) words.add(node.w)
    for (const child of node.c.values()) walk(child)
  }
  for (const prop of props) {
    const field = fieldIndexOf(orama, prop)
    if (field) walk(field.root)
  }
  return words
}
