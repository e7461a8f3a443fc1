import { openDatabase } from '../../db/client.js'
import { loadConfig } from '../config.js'

// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (start-up does this too).
const config = loadConfig()
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken)
database.close()
console.log('Migraties toegepast.')
