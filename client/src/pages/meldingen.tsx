import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, call } from '../api.js'
import { Alert, Button, KeuzeGroep, Laden } from '../components/fields.js'
import { MeldingRegio, useMelding } from '../components/melding.js'
import { ongelezenTekst, setOngelezen } from '../components/meldingen-bel.js'
import { formatDatum } from '../lib/labels.js'
import { useAction } from '../lib/use-action.js'
import { useLoad } from '../lib/use-load.js'

// Meldingen: newest first, each with where to act (opening it marks it read), all read at once,
// and how meldingen come by e-mail. Afmelden: the page behind the unsubscribe link of an e-mail,
// without logging in; a button, so a mail scanner that opens the link changes nothing.

const PER_PAGE = 30
const voorkeurOpties = [
  ['direct', 'Elke melding meteen per e-mail'],
  ['dagelijks', 'Eén e-mail per dag met de meldingen van die dag'],
  ['uit', 'Geen e-mail, alleen hier in de app'],
] as const

const tijd = (iso: string) => `${formatDatum(iso)}, ${new Date(iso).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })}`

export function Meldingen() {
  const { route } = useLocation()
  const [page, setPage] = useState(1)
  const lijst = useLoad(
    (signal) => call(api.meldingen.$get({ query: { page: String(page), perPage: String(PER_PAGE) } }, { init: { signal } })),
    [page],
    'De meldingen konden niet geladen worden.',
    (d) => setOngelezen(d.ongelezen),
  )
  const actie = useAction()
  const { melding, announce, regio } = useMelding()

  const open = async (id: string, link: string, gelezen: boolean) => {
    if (!gelezen) await call(api.meldingen[':id'].gelezen.$post({ param: { id } })).catch(() => {})
    route(link)
  }
  const allesGelezen = () =>
    actie.run('alles', async () => {
      const r = await call(api.meldingen['alles-gelezen'].$post())
      setOngelezen(0)
      lijst.reload()
      announce(r.gemarkeerd === 1 ? '1 melding is gelezen.' : `${r.gemarkeerd} meldingen zijn gelezen.`)
    }, 'De meldingen konden niet als gelezen worden gemarkeerd.')

  const d = lijst.data
  return (
    <>
      <h1 class="utrecht-heading-1">Meldingen</h1>
      <MeldingRegio melding={melding} regio={regio} />
      {lijst.fout && <Alert type="error" tekst={lijst.fout.message} />}
      {actie.fout && <Alert type="error" tekst={actie.fout} />}
      {!d && !lijst.fout && <Laden />}
      {d && (
        <>
          <p class="utrecht-paragraph" aria-live="polite">
            {d.total === 0 ? 'U heeft nog geen meldingen.' : `${d.total} ${d.total === 1 ? 'melding' : 'meldingen'}, ${ongelezenTekst(d.ongelezen)}.`}
          </p>
          {d.ongelezen > 0 && (
            <Button busy={actie.bezig === 'alles'} onClick={allesGelezen}>Alles gelezen</Button>
          )}
          <ul class="pp-meldingen">
            {d.items.map((m) => (
              <li key={m.id} class={m.gelezen ? '' : 'pp-melding--nieuw'}>
                <p class="utrecht-paragraph">
                  <strong>{m.gelezen ? 'Gelezen' : 'Nieuw'}</strong> · <span class="pp-muted">{tijd(m.aangemaaktOp)}</span>
                </p>
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={m.link} onClick={(e) => { e.preventDefault(); void open(m.id, m.link, m.gelezen) }}>{m.titel}</a>
                </p>
                <p class="utrecht-paragraph">{m.tekst}</p>
              </li>
            ))}
          </ul>
          {d.total > PER_PAGE && (
            <nav aria-label="Pagina's" class="pp-paginering">
              {page > 1 && <Button onClick={() => setPage(page - 1)}>Nieuwere meldingen</Button>}
              {page * PER_PAGE < d.total && <Button onClick={() => setPage(page + 1)}>Oudere meldingen</Button>}
            </nav>
          )}
        </>
      )}
      <MailVoorkeur />
    </>
  )
}

function MailVoorkeur() {
  const v = useLoad((signal) => call(api.meldingen.voorkeur.$get({}, { init: { signal } })), [], 'Uw e-mailkeuze kon niet geladen worden.')
  const actie = useAction()
  const { melding, announce, regio } = useMelding()
  const [keuze, setKeuze] = useState<string>()
  const huidig = keuze ?? v.data?.mail
  const bewaar = () =>
    actie.run('voorkeur', async () => {
      await call(api.meldingen.voorkeur.$put({ json: { mail: huidig as 'direct' | 'dagelijks' | 'uit' } }))
      announce('Uw keuze voor e-mail is bewaard.')
    }, 'Uw keuze kon niet bewaard worden.')
  return (
    <section aria-labelledby="mail-kop">
      <h2 class="utrecht-heading-2" id="mail-kop">Meldingen per e-mail</h2>
      <MeldingRegio melding={melding} regio={regio} />
      {v.fout && <Alert type="error" tekst={v.fout.message} />}
      {actie.fout && <Alert type="error" tekst={actie.fout} />}
      {v.data && !v.data.mailAan && <Alert type="info" tekst="Deze installatie verstuurt (nog) geen e-mail. Uw keuze geldt zodra e-mail aan staat." />}
      {v.data && (
        <form onSubmit={(e) => { e.preventDefault(); void bewaar() }}>
          <KeuzeGroep type="radio" path="mail" legend="Hoe wilt u meldingen per e-mail krijgen?" options={voorkeurOpties} value={huidig ?? 'direct'} onValue={setKeuze}
            description="Een e-mail zegt wat er gebeurd is en linkt naar deze app. Er staan nooit gegevens van deelnemers in." />
          <Button type="submit" variant="primary" busy={actie.bezig === 'voorkeur'}>Keuze bewaren</Button>
        </form>
      )}
    </section>
  )
}

export function Afmelden() {
  const token = new URLSearchParams(typeof location === 'undefined' ? '' : location.search).get('token') ?? ''
  const actie = useAction()
  const [klaar, setKlaar] = useState(false)
  const afmelden = () =>
    actie.run('afmelden', async () => {
      await call(api.afmelden.$post({ json: { token } }), { allow401: true })
      setKlaar(true)
    }, 'Afmelden is niet gelukt. Probeer het later opnieuw.')
  return (
    <>
      <h1 class="utrecht-heading-1">Afmelden voor e-mail</h1>
      {klaar ? (
        <Alert type="ok" tekst="U krijgt geen meldingen meer per e-mail. In de app ziet u ze nog wel. U kunt dit na inloggen weer aanzetten bij Meldingen." />
      ) : (
        <>
          <p class="utrecht-paragraph">Wilt u geen meldingen van Participatieplekken meer per e-mail ontvangen?</p>
          {actie.fout && <Alert type="error" tekst={actie.fout} />}
          <Button variant="primary" busy={actie.bezig === 'afmelden'} onClick={() => void afmelden()} disabled={!token}>Afmelden voor e-mail</Button>
          {!token && <Alert type="warning" tekst="Deze link is niet compleet. Gebruik de link uit de e-mail, of log in en kies bij Meldingen." />}
        </>
      )}
    </>
  )
}
