import { SMTPServer, type SMTPServerSession } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'

// A real SMTP server inside the test process (smtp-server): it receives what the app sends over a
// real socket and keeps every message's envelope and raw source; mailparser reads them.

export interface Ontvangen {
  /** RCPT TO of the SMTP envelope. */
  aan: string[]
  /** The message as it came over the wire. */
  bron: string
  mail: ParsedMail
}

export interface TestSmtp {
  url: string
  port: number
  ontvangen: Ontvangen[]
  /** Refuse the next n messages with a temporary error (451), as a busy server does. */
  weigerVolgende(n: number): void
  /** Hold the next message's DATA until `laat()` is called (a delivery in progress); resolves when it arrived. */
  houdVast(): { binnen: Promise<void>; laat: () => void }
  close(): Promise<void>
}

export async function startSmtp(): Promise<TestSmtp> {
  const ontvangen: Ontvangen[] = []
  let weigeren = 0
  let vasthouden: { binnen: () => void; wacht: Promise<void> } | undefined
  const gesloten = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onClose(session) {
      gesloten.add(session.id)
    },
    onRcptTo(address, _session, callback) {
      if (weigeren > 0) {
        weigeren--
        const e = Object.assign(new Error('Probeer het later opnieuw'), { responseCode: 451 })
        return callback(e)
      }
      callback()
    },
    onData(stream, session: SMTPServerSession, callback) {
      const delen: Buffer[] = []
      stream.on('data', (b: Buffer) => delen.push(b))
      stream.on('end', async () => {
        const houd = vasthouden
        vasthouden = undefined
        if (houd) {
          houd.binnen()
          await houd.wacht // the client may die meanwhile: then this message was never accepted
          // the sender died meanwhile: the message was never accepted, as with a real server
          if (gesloten.has(session.id)) return
        }
        const bron = Buffer.concat(delen).toString('utf8')
        ontvangen.push({ aan: session.envelope.rcptTo.map((r) => r.address), bron, mail: await simpleParser(bron) })
        callback()
      })
    },
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    ontvangen,
    weigerVolgende: (n) => void (weigeren = n),
    houdVast() {
      let laat!: () => void
      let binnen!: () => void
      const wacht = new Promise<void>((r) => (laat = r))
      const aangekomen = new Promise<void>((r) => (binnen = r))
      vasthouden = { binnen, wacht }
      return { binnen: aangekomen, laat }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
