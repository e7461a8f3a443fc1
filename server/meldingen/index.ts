import type { Deps } from '../context.js'
import type { Config } from '../config.js'
import { createVerzender, MailWorker, type Verzender } from './mail.js'
import { SignaleringWorker } from './signalering.js'

// The background side of meldingen in one place: proactive matching and e-mail delivery, one worker
// of each per instance (claims keep them from doing the same row twice). server/main.ts starts it;
// tests start it with a Verzender of their own choosing or drain the workers themselves.

export interface MeldingenRuntime {
  mail: MailWorker
  signalering: SignaleringWorker
  stop(): void
}

export function startMeldingen(deps: Deps, opts: { verzender?: Verzender; pollMs?: number; background?: boolean } = {}): MeldingenRuntime {
  const mail = new MailWorker(deps, opts.verzender ?? createVerzender(deps.config), opts.pollMs)
  const signalering = new SignaleringWorker(deps, opts.pollMs)
  deps.meldingen = { mail, signalering }
  if (opts.background !== false) {
    mail.start()
    signalering.start()
  }
  return {
    mail,
    signalering,
    stop() {
      mail.stop()
      signalering.stop()
    },
  }
}

/** For the start-up line: where e-mail goes, without credentials, or that it is off. */
export function describeMail(config: Config): string {
  if (!config.mail) return 'e-mail: uit (SMTP_URL is niet gezet)'
  const u = new URL(config.mail.url)
  return `e-mail: via ${u.protocol}//${u.host}`
}
