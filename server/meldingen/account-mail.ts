import { eq } from 'drizzle-orm'
import { aanmelding, gebruiker, organisatie, toegangslink } from '../../db/schema.js'
import type { Deps } from '../context.js'
import { linkToken } from '../services/toegangslinks.js'
import type { MailInhoud } from './bericht.js'

// The words of the account e-mails of self-registration (docs/aanmelden.md): outbox rows of soort
// 'account', written by server/services/aanmeldingen.ts, sent by the one MailWorker (mail.ts). They
// are not meldingen: they go out whatever the person's mail_voorkeur, also to an account that is
// not (or no longer) active, and carry no unsubscribe link. The gebeurtenis says which mail:
//   bevestigen:<linkId>  uitnodiging:<linkId>  bestaand-account:<uuid>  goedgekeurd:<orgId>  afgewezen:<orgId>
// Links are written from the link's id (toegangslinks.ts), so no secret is stored in the outbox.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Paragraphs of plain text; a paragraph that is a URL becomes a link in the HTML part. */
function mail(subject: string, alineas: string[]): MailInhoud {
  const html = alineas.map((a) => (/^https?:\/\//.test(a) ? `<p><a href="${escape(a)}">${escape(a)}</a></p>` : `<p>${escape(a).replace(/\n/g, '<br>')}</p>`)).join('')
  return {
    subject,
    text: `${alineas.join('\n\n')}\n\n-- \nParticipatieplekken\n`,
    html: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">${html}<hr><p style="color:#555;font-size:13px">Participatieplekken</p></body></html>`,
  }
}

export async function composeAccountMail(deps: Deps, gebeurtenis: string, basis: string): Promise<MailInhoud | undefined> {
  const [soort, id = ''] = gebeurtenis.split(':')
  const { db, config } = deps
  // the link's account and organisatie (bevestigen, uitnodiging)
  const [r] = soort === 'bevestigen' || soort === 'uitnodiging'
    ? await db
      .select({ naam: gebruiker.naam, org: organisatie.naam, door: toegangslink.createdBy })
      .from(toegangslink)
      .innerJoin(gebruiker, eq(gebruiker.id, toegangslink.gebruikerId))
      .innerJoin(organisatie, eq(organisatie.id, gebruiker.organisatieId))
      .where(eq(toegangslink.id, id))
    : []
  if (soort === 'bevestigen' && r)
    return mail(`Bevestig de aanmelding van ${r.org}`, [
      `Hallo ${r.naam},`,
      `U heeft ${r.org} aangemeld bij Participatieplekken om plekken aan te bieden. Bevestig uw e-mailadres met de link hieronder. De link werkt 24 uur en maar één keer.`,
      `${basis}/aanmelden/bevestigen?token=${linkToken(config, id)}`,
      'Heeft u zich niet aangemeld? Dan hoeft u niets te doen. Zonder bevestiging verwijderen we de gegevens vanzelf.',
    ])
  if (soort === 'uitnodiging' && r) {
    const [door] = r.door ? await db.select({ naam: gebruiker.naam }).from(gebruiker).where(eq(gebruiker.id, r.door)) : []
    return mail(`Uitnodiging voor ${r.org} op Participatieplekken`, [
      'Hallo,',
      `${door?.naam ?? 'Een collega'} nodigt u uit om samen plekken van ${r.org} aan te bieden op Participatieplekken. Maak uw account met de link hieronder. De link werkt 7 dagen en maar één keer.`,
      `${basis}/uitnodiging?token=${linkToken(config, id)}`,
      'Kent u deze organisatie niet? Dan hoeft u niets te doen.',
    ])
  }
  if (soort === 'bestaand-account')
    return mail('Aanmelding met uw e-mailadres', [
      'Hallo,',
      'Iemand wilde met dit e-mailadres een organisatie aanmelden of een account maken bij Participatieplekken. Voor dit adres bestaat al een account. Er is niets veranderd.',
      `Was u dat? Log dan in met uw eigen account: ${basis}/inloggen. Weet u uw wachtwoord niet meer? Vraag de beheerder van uw gemeente om een nieuw wachtwoord.`,
      'Was u dat niet? Dan hoeft u niets te doen.',
    ])
  if (soort === 'goedgekeurd' || soort === 'afgewezen') {
    const [b] = await db.select({ org: organisatie.naam, reden: aanmelding.reden }).from(aanmelding).innerJoin(organisatie, eq(organisatie.id, aanmelding.organisatieId)).where(eq(aanmelding.organisatieId, id))
    if (!b) return undefined
    if (soort === 'goedgekeurd')
      return mail(`Goedgekeurd: ${b.org} kan plekken aanbieden`, [
        'Hallo,',
        `De gemeente heeft de aanmelding van ${b.org} goedgekeurd. U kunt nu uw plekken publiceren. Ook kunt u collega's uitnodigen.`,
        `Log in: ${basis}/inloggen`,
      ])
    return mail(`Afgewezen: de aanmelding van ${b.org}`, [
      'Hallo,',
      `De gemeente heeft de aanmelding van ${b.org} afgewezen. Daarom kunt u geen plekken aanbieden, en uw account werkt niet meer.`,
      `De reden:\n${b.reden ?? ''}`,
      'Heeft u vragen? Neem dan contact op met de gemeente.',
    ])
  }
  return undefined
}
