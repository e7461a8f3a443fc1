import { installDutchErrors } from '../server/domain/dutch-errors.js'

// The app installs zod's Dutch messages when it is created (server/app.ts) and the web app at
// start (client/src/main.tsx); tests that validate with the schemas directly get them here.
installDutchErrors()
