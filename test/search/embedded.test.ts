import { EmbeddedSearchIndex } from '../../search/embedded.js'
import { runSearchContract } from './contract.js'

runSearchContract('embedded', async () => new EmbeddedSearchIndex())
