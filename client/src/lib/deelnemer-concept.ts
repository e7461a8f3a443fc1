import type { DeelnemerFormState } from './deelnemer-form.js'
import { conceptStore } from './concept.js'

// The deelnemer form's concept (lib/concept.ts). It is personal data: it stays in this one tab,
// is removed on save, on Annuleren and on logout, and never goes anywhere but the API.

export const deelnemerConcept = conceptStore<DeelnemerFormState>('deelnemer-concept:')

/** The gemeente chosen for a new deelnemer (users with several); under the same prefix, so logout clears it too. */
export const gemeenteConcept = conceptStore<string>('deelnemer-concept:gemeente:')

/** On logout: no deelnemer draft stays behind in the tab. */
export const clearAllDeelnemerConcepten = () => deelnemerConcept.clearAll()
