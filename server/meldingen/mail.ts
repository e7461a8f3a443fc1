import { and, asc, eq, sql } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import { gebruiker, mailOutbox, melding } from '../../db/schema.js'
import type { Deps } from '../context.js'
import type { Config } from '../config.js'
import { errorFields, errorKind } from '../domain/log-fields.js'
import { afmeldToken } from '../services/meldingen.js'
import { ClaimWorker, claimRows, releaseWithBackoff } from './claim.js'
import { meldingMail, samenvattingMail, type MailInhoud } from './bericht.js'
import { composeAccountMail } from './account-mail.js'

// Delivery of the e-mail outbox (docs/meldingen.md): every instance runs a MailWorker; rows are
// claimed (server/meldingen/claim.ts), so each is sent by one instance, and `sent_at` is written
// right after the SMTP server accepted the message. A worker that dies mid-delivery leaves its
// claim to run out; the row is then sent again, once. A failure is retried with exponential
// backoff. Rows of people who chose the daily digest wait for it (samenvatting.ts); rows of people
// who chose no e-mail (or while SMTP_URL is unset) are closed without sending.

export interface Verzender {
  send(m: MailInhoud & { to: string; messageId: string; headers: Record<string, string> }): Promise<void>
}

/** The SMTP connection of SMTP_URL (nodemailer); undefined when e-mail is off. */
export function createVerzender(config: Config): Verzender | undefined {
  if (!config.mail) return undefined
  const timeout = config.mailTimeoutSeconds * 1000
  // each step of a delivery is bounded, so one never outlasts the claim on its row (see mailClaimMs)
  const transport = nodemailer.createTransport(
    { url: config.mail.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as Parameters<typeof nodemailer.createTransport>[0],
    { from: config.mail.from },
  )
  return {
    async send(m) {
      await transport.sendMail({ to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId, headers: m.headers })
    },
  }
}

/** A claim outlasts a whole delivery (three timeouts: connect, greeting, data) with room to spare. */
export const mailClaimMs = (config: Config) => config.mailTimeoutSeconds * 1000 * 3 + 5000

const basisUrl = (config: Config) => config.publicUrl ?? `http://localhost:${config.port}`

export class MailWorker extends ClaimWorker {
  constructor(
    private deps: Deps,
    private verzender: Verzender | undefined,
    pollMs = 5000,
  ) {
    super(pollMs)
  }

  /** Sends what is due; answers how many rows were handled. */
  async drain(): Promise<number> {
    let handled = 0
    for (;;) {
      const rows = await claimRows(this.deps.db, 'mail_outbox', {
        workerId: this.workerId,
        now: this.deps.clock.now(),
        claimMs: mailClaimMs(this.deps.config),
        batchSize: 20,
        // a melding of someone on the daily digest waits for it
        // (account mails of self-registration are not meldingen: they never wait)
        where: sql`(w.soort <> 'melding' or (select g.mail_voorkeur from gebruiker g where g.id = w.gebruiker_id) <> 'dagelijks')`,
      })
      if (!rows.length) return handled
      for (const r of rows) {
        await this.deliver(r.id, r.attempts)
        handled++
      }
    }
  }

  private async deliver(id: number, attempts: number) {
    const { db, clock, config } = this.deps
    const [row] = await db
      .select({ o: mailOutbox, email: gebruiker.email, actief: gebruiker.actief, voorkeur: gebruiker.mailVoorkeur })
      .from(mailOutbox)
      .innerJoin(gebruiker, eq(gebruiker.id, mailOutbox.gebruikerId))
      .where(eq(mailOutbox.id, id))
    if (!row) return
    const close = (uitkomst: string) =>
      db
        .update(mailOutbox)
        .set({ sentAt: clock.now().toISOString(), uitkomst, claimedBy: null, claimedUntil: null, lastError: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.claimedBy, this.workerId)))
    if (!this.verzender) return void (await close('geen-smtp'))
    // account mails (docs/aanmelden.md) reach an address not yet confirmed or an account just switched off
    const account = row.o.soort === 'account'
    if (!account && (!row.actief || row.voorkeur === 'uit')) return void (await close('uit'))
    try {
      const inhoud = await this.compose(row.o)
      if (!inhoud) return void (await close('leeg'))
      const afmelden = `${basisUrl(config)}/afmelden?token=${afmeldToken(config, row.o.gebruikerId)}`
      await this.verzender.send({
        ...inhoud,
        to: row.email,
        // stable per row: a copy sent again after a crash is recognisably the same message
        messageId: `<${row.o.gebeurtenis.replace(/[^a-z0-9.-]/gi, '.')}.${row.o.id}@participatieplek>`,
        headers: account ? { 'Auto-Submitted': 'auto-generated' } : { 'List-Unsubscribe': `<${afmelden}>`, 'Auto-Submitted': 'auto-generated' },
      })
      await close('verzonden')
      this.deps.log({ t: clock.now().toISOString(), event: 'mail-verzonden', mailId: id, soort: row.o.soort })
    } catch (e) {
      const f = errorFields(e)
      this.deps.log({ t: clock.now().toISOString(), level: 'warn', event: 'mail-mislukt', mailId: id, poging: attempts + 1, ...f })
      await releaseWithBackoff(db, 'mail_outbox', id, attempts, this.workerId, clock.now(), errorKind(e), 60 * 60_000)
    }
  }

  private async compose(o: typeof mailOutbox.$inferSelect): Promise<MailInhoud | undefined> {
    const basis = basisUrl(this.deps.config)
    const links = {
      afmelden: `${basis}/afmelden?token=${afmeldToken(this.deps.config, o.gebruikerId)}`,
      instellingen: `${basis}/meldingen`,
      meldingen: `${basis}/meldingen`,
    }
    if (o.soort === 'account') return composeAccountMail(this.deps, o.gebeurtenis, basis)
    const regel = (m: typeof melding.$inferSelect) => ({ titel: m.titel, tekst: m.tekst, url: `${basis}${m.link}` })
    if (o.soort === 'melding') {
      const [m] = await this.deps.db.select().from(melding).where(eq(melding.id, o.meldingId ?? ''))
      return m ? meldingMail(regel(m), links) : undefined
    }
    const ms = await this.deps.db
      .select({ m: melding })
      .from(mailOutbox)
      .innerJoin(melding, eq(melding.id, mailOutbox.meldingId))
      .where(eq(mailOutbox.samenvattingId, o.id))
      .orderBy(asc(melding.createdAt))
    return ms.length ? samenvattingMail(o.gebeurtenis.slice('samenvatting:'.length), ms.map((r) => regel(r.m)), links) : undefined
  }
}
