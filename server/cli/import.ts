import { runImportCli } from './import-run.js'

// Entry of `npm run import -- bestand.json [--beheerder e-mail]`; the work is in import-run.ts.
process.exitCode = await runImportCli(process.argv.slice(2))
