// The words of a melding e-mail (docs/meldingen.md, docs/privacy.md "Wat een e-mail bevat"): Dutch,
// a plain-text and an HTML part with the same content. Only what the melding itself says (titel and
// tekst, which never name a deelnemer) and links into the app; personal data stays behind the login.

export interface MailInhoud {
  subject: string
  text: string
  html: string
}

export interface MeldingRegel {
  titel: string
  tekst: string
  /** An absolute link into the app. */
  url: string
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const voet = (afmeldUrl: string, instellingenUrl: string) => ({
  text: `U krijgt deze e-mail omdat u meldingen per e-mail ontvangt van Participatieplekken.\nInstellingen: ${instellingenUrl}\nGeen e-mail meer? Afmelden: ${afmeldUrl}\n`,
  html: `<p style="color:#555;font-size:13px">U krijgt deze e-mail omdat u meldingen per e-mail ontvangt van Participatieplekken.<br><a href="${escape(instellingenUrl)}">Instellingen</a> · <a href="${escape(afmeldUrl)}">Afmelden voor e-mail</a></p>`,
})

const pagina = (body: string) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Participatieplekken</title></head><body style="font-family:sans-serif;line-height:1.5">${body}</body></html>`

/** One melding, at once. */
export function meldingMail(m: MeldingRegel, links: { afmelden: string; instellingen: string }): MailInhoud {
  const v = voet(links.afmelden, links.instellingen)
  return {
    subject: m.titel,
    text: `Hallo,\n\n${m.titel}\n\n${m.tekst}\n\nBekijk het in Participatieplekken:\n${m.url}\n\n-- \n${v.text}`,
    html: pagina(`<p>Hallo,</p><p><strong>${escape(m.titel)}</strong></p><p>${escape(m.tekst)}</p><p><a href="${escape(m.url)}">Bekijk het in Participatieplekken</a></p><hr>${v.html}`),
  }
}

/** The daily digest: a day's meldingen in one mail, oldest first. */
export function samenvattingMail(datum: string, regels: MeldingRegel[], links: { afmelden: string; instellingen: string; meldingen: string }): MailInhoud {
  const v = voet(links.afmelden, links.instellingen)
  const dag = new Date(`${datum}T12:00:00Z`).toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  const aantal = regels.length === 1 ? '1 melding' : `${regels.length} meldingen`
  return {
    subject: `Uw meldingen van ${dag} (${aantal})`,
    text: `Hallo,\n\nDit zijn uw meldingen van ${dag}:\n\n${regels.map((r) => `- ${r.titel}\n  ${r.tekst}\n  ${r.url}`).join('\n\n')}\n\nAlle meldingen: ${links.meldingen}\n\n-- \n${v.text}`,
    html: pagina(
      `<p>Hallo,</p><p>Dit zijn uw meldingen van ${escape(dag)}:</p><ul>${regels
        .map((r) => `<li><a href="${escape(r.url)}"><strong>${escape(r.titel)}</strong></a><br>${escape(r.tekst)}</li>`)
        .join('')}</ul><p><a href="${escape(links.meldingen)}">Alle meldingen</a></p><hr>${v.html}`,
    ),
  }
}
