import './theme.css'
import { render } from 'preact'
import { LocationProvider, Router, Route, useLocation } from 'preact-iso'
import { useEffect, useRef } from 'preact/hooks'
import type { ComponentChildren, ComponentType } from 'preact'
import { setUnauthorizedHandler } from './api.js'
import { gebruiker, loadSessie, logout, startPage, type Gebruiker } from './session.js'
import { rolLabel } from './lib/labels.js'
import { Laden } from './components/fields.js'
import { Inloggen } from './pages/inloggen.js'
import { MijnPlekken } from './pages/mijn-plekken.js'
import { PlekBewerken, PlekNieuw } from './pages/plek-form.js'
import { OrganisatieEigen } from './pages/organisatie.js'
import { Zoeken } from './pages/zoeken.js'
import { PlekDetail } from './pages/plek-detail.js'
import { BeheerGebruikers } from './pages/beheer-gebruikers.js'
import { BeheerOrganisaties } from './pages/beheer-organisaties.js'
import { Deelnemers } from './pages/deelnemers.js'
import { DeelnemerBewerken, DeelnemerNieuw } from './pages/deelnemer-form.js'
import { DeelnemerDetail } from './pages/deelnemer-detail.js'
import { DeelnemersVoorPlek, PlekkenVoorDeelnemer } from './pages/matches.js'
import { Voorstellen } from './pages/voorstellen.js'
import { MijnPlaatsingen, Plaatsingen } from './pages/plaatsingen.js'
import { PlaatsingDetail } from './pages/plaatsing-detail.js'
import { Monitor } from './pages/monitor.js'
import { Meldingen, Afmelden } from './pages/meldingen.js'
import { Aanmelden, AanmeldingBevestigen, Uitnodiging } from './pages/aanmelden.js'
import { AanmeldingDetail, Aanmeldingen } from './pages/aanmeldingen.js'
import { MeldingenBel } from './components/meldingen-bel.js'
import { clearAllDeelnemerConcepten } from './lib/deelnemer-concept.js'
import { Doodlopend } from './components/doodlopend.js'
import { installDutchErrors } from '../../server/domain/dutch-errors.js'

// Dutch validation messages for the shared zod schemas, before any form validates (importing the
// domain modules has no side effects, so the app installs them itself).
installDutchErrors()

type Rol = Gebruiker['rol']

const navigatie: Record<Rol, [string, string][]> = {
  werkgever: [['/mijn-plekken', 'Mijn plekken'], ['/plekken/nieuw', 'Nieuwe plek'], ['/voorstellen', 'Voorstellen'], ['/organisatie', 'Organisatie']],
  jobhunter: [['/deelnemers?regievoerder=ik', 'Mijn deelnemers'], ['/zoeken', 'Plekken zoeken'], ['/deelnemers', 'Deelnemers'], ['/voorstellen', 'Voorstellen']],
  beheerder: [
    ['/zoeken', 'Plekken zoeken'], ['/deelnemers', 'Deelnemers'], ['/plaatsingen', 'Plaatsingen'], ['/monitor', 'Monitor'],
    ['/beheer/gebruikers', 'Gebruikers'], ['/beheer/organisaties', 'Organisaties'], ['/aanmeldingen', 'Aanmeldingen'],
  ],
  jobcoach: [['/mijn-plaatsingen', 'Mijn plaatsingen']],
}

function Header() {
  const { path, route } = useLocation()
  const g = gebruiker.value
  return (
    <header class="pp-header">
      <a class="pp-skip-link" href="#inhoud">Naar de inhoud</a>
      <div class="pp-header__inner">
        <a class="pp-header__brand" href="/">Participatieplekken</a>
        {g && (
          <nav aria-label="Hoofdmenu">
            <ul>
              {navigatie[g.rol].map(([href, tekst]) => (
                <li key={href}>
                  <a href={href} aria-current={path === href || path.startsWith(`${href}/`) ? 'page' : undefined}>{tekst}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {g && (
          <div class="pp-header__user">
            <MeldingenBel />
            <span>
              {g.naam} <span class="pp-visually-hidden">, ingelogd als </span>
              <span aria-hidden="true">·</span> {rolLabel[g.rol]}
            </span>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              onClick={async () => {
                await logout().catch(() => {})
                clearAllDeelnemerConcepten()
                route('/inloggen')
              }}
            >
              Uitloggen
            </button>
          </div>
        )}
      </div>
    </header>
  )
}

/** Pages only for logged-in users with one of these roles; others are sent to the login page. */
function Beveiligd({ rollen, children }: { rollen: Rol[]; children: ComponentChildren }) {
  const { url, route } = useLocation()
  const g = gebruiker.value
  useEffect(() => {
    if (g === null) route(`/inloggen?terug=${encodeURIComponent(url)}`, true)
  }, [g])
  if (g === undefined || g === null) return <Laden />
  if (!rollen.includes(g.rol)) {
    // e.g. a werkgever opening a jobcoach's link: say for whom the page is, and offer a way on
    const voor = rollen.map((r) => (rolLabel[r] ?? r).toLowerCase()).join(', ').replace(/, ([^,]*)$/, ' en $1')
    return <Doodlopend titel="Geen toegang" tekst={`Deze pagina is er voor de rollen ${voor}. U bent ingelogd als ${(rolLabel[g.rol] ?? g.rol).toLowerCase()}, daarom kunt u hem niet openen. Heeft iemand u deze link gestuurd? Vraag dan wat u zou moeten zien.`} />
  }
  return <>{children}</>
}

const guard = (rollen: Rol[], Page: ComponentType) => () => (
  <Beveiligd rollen={rollen}>
    <Page />
  </Beveiligd>
)

const GWelkom = guard(['jobcoach', 'werkgever', 'jobhunter', 'beheerder'], Welkom)
const GMijnPlekken = guard(['werkgever', 'beheerder'], MijnPlekken)
const GPlekNieuw = guard(['werkgever', 'beheerder'], PlekNieuw)
const GPlekBewerken = guard(['werkgever', 'beheerder'], PlekBewerken)
const GPlekDetail = guard(['werkgever', 'jobhunter', 'beheerder'], PlekDetail)
const GOrganisatieEigen = guard(['werkgever'], OrganisatieEigen)
const GZoeken = guard(['jobhunter', 'beheerder'], Zoeken)
const GBeheerGebruikers = guard(['beheerder'], BeheerGebruikers)
const GBeheerOrganisaties = guard(['beheerder'], BeheerOrganisaties)
const matchers: Rol[] = ['jobhunter', 'beheerder']
const GDeelnemers = guard(matchers, Deelnemers)
const GDeelnemerNieuw = guard(matchers, DeelnemerNieuw)
const GDeelnemerBewerken = guard(matchers, DeelnemerBewerken)
const GDeelnemerDetail = guard(matchers, DeelnemerDetail)
const GPlekkenVoorDeelnemer = guard(matchers, PlekkenVoorDeelnemer)
const GDeelnemersVoorPlek = guard(matchers, DeelnemersVoorPlek)
const GVoorstellen = guard(['werkgever', 'jobhunter', 'beheerder'], Voorstellen)
const GMijnPlaatsingen = guard(['jobcoach'], MijnPlaatsingen)
const GPlaatsingen = guard(['beheerder'], Plaatsingen)
const GPlaatsingDetail = guard(['jobcoach', 'beheerder'], PlaatsingDetail)
const GMonitor = guard(['beheerder'], Monitor)
const GAanmeldingen = guard(['beheerder'], Aanmeldingen)
const GAanmeldingDetail = guard(['beheerder'], AanmeldingDetail)
const GMeldingen = guard(['jobcoach', 'werkgever', 'jobhunter', 'beheerder'], Meldingen)

function Start() {
  const { route } = useLocation()
  const g = gebruiker.value
  useEffect(() => {
    if (g === null) route('/inloggen', true)
    else if (g) route(startPage(g.rol), true)
  }, [g])
  return <Laden />
}

function Welkom() {
  return (
    <>
      <h1 class="utrecht-heading-1">Welkom</h1>
      <p class="utrecht-paragraph">Kies in het menu waar u aan wilt werken.</p>
    </>
  )
}

function NietGevonden() {
  return (
    <>
      <h1 class="utrecht-heading-1">Pagina niet gevonden</h1>
      <p class="utrecht-paragraph">Deze pagina bestaat niet. <a class="utrecht-link" href="/">Ga naar de startpagina</a>.</p>
    </>
  )
}

const titels: [RegExp, string][] = [
  [/^\/deelnemers$/, 'Deelnemers'], [/^\/deelnemers\/nieuw$/, 'Nieuwe deelnemer'], [/^\/deelnemers\/[^/]+\/bewerken$/, 'Deelnemer bewerken'],
  [/^\/deelnemers\/[^/]+\/matches$/, 'Passende plekken'], [/^\/plekken\/[^/]+\/matches$/, 'Passende deelnemers'], [/^\/deelnemers\//, 'Deelnemer'],
  [/^\/inloggen/, 'Inloggen'], [/^\/mijn-plekken/, 'Mijn plekken'], [/^\/plekken\/nieuw/, 'Nieuwe plek'], [/\/bewerken$/, 'Plek bewerken'],
  [/^\/organisatie$/, 'Organisatie'], [/^\/zoeken/, 'Plekken zoeken'], [/^\/plekken\//, 'Plek'], [/^\/beheer\/gebruikers/, 'Gebruikers'],
  [/^\/beheer\/organisaties/, 'Organisaties'], [/^\/voorstellen/, 'Voorstellen'], [/^\/mijn-plaatsingen/, 'Mijn plaatsingen'],
  [/^\/plaatsingen$/, 'Plaatsingen'], [/^\/plaatsingen\//, 'Plaatsing'], [/^\/monitor/, 'Monitor'],
  [/^\/meldingen/, 'Meldingen'], [/^\/afmelden/, 'Afmelden voor e-mail'],
  [/^\/aanmelden\/bevestigen/, 'E-mailadres bevestigen'], [/^\/aanmelden$/, 'Plekken aanbieden'], [/^\/uitnodiging/, 'Uitnodiging'],
  [/^\/aanmeldingen$/, 'Aanmeldingen'], [/^\/aanmeldingen\//, 'Aanmelding'],
]

/** On a route change: a page title, and focus to the main content so screen readers start there. */
function Shell({ children }: { children: ComponentChildren }) {
  const { path, url, route } = useLocation()
  const main = useRef<HTMLElement>(null)
  const first = useRef(true)
  const urlRef = useRef(url)
  urlRef.current = url
  useEffect(() => {
    setUnauthorizedHandler(() => {
      gebruiker.value = null
      const here = urlRef.current
      if (!here.startsWith('/inloggen')) route(`/inloggen?terug=${encodeURIComponent(here)}`)
    })
  }, [])
  useEffect(() => {
    const titel = titels.find(([re]) => re.test(path))?.[1]
    document.title = titel ? `${titel} · Participatieplekken` : 'Participatieplekken'
    if (first.current) first.current = false
    else main.current?.focus({ preventScroll: false })
  }, [path])
  return (
    <>
      <Header />
      <main id="inhoud" class="pp-main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer class="pp-footer">
        <p>Participatieplekken · taalrijke werkplekken voor inburgeraars</p>
      </footer>
    </>
  )
}

export function App() {
  return (
    <LocationProvider>
      <Shell>
        <Router>
          <Route path="/" component={Start} />
          <Route path="/inloggen" component={Inloggen} />
          <Route path="/welkom" component={GWelkom} />
          <Route path="/mijn-plekken" component={GMijnPlekken} />
          <Route path="/plekken/nieuw" component={GPlekNieuw} />
          <Route path="/plekken/:id/bewerken" component={GPlekBewerken} />
          <Route path="/plekken/:id/matches" component={GDeelnemersVoorPlek} />
          <Route path="/plekken/:id" component={GPlekDetail} />
          <Route path="/organisatie" component={GOrganisatieEigen} />
          <Route path="/zoeken" component={GZoeken} />
          <Route path="/deelnemers" component={GDeelnemers} />
          <Route path="/deelnemers/nieuw" component={GDeelnemerNieuw} />
          <Route path="/deelnemers/:id/bewerken" component={GDeelnemerBewerken} />
          <Route path="/deelnemers/:id/matches" component={GPlekkenVoorDeelnemer} />
          <Route path="/deelnemers/:id" component={GDeelnemerDetail} />
          <Route path="/beheer/gebruikers" component={GBeheerGebruikers} />
          <Route path="/beheer/organisaties" component={GBeheerOrganisaties} />
          <Route path="/voorstellen" component={GVoorstellen} />
          <Route path="/mijn-plaatsingen" component={GMijnPlaatsingen} />
          <Route path="/plaatsingen" component={GPlaatsingen} />
          <Route path="/plaatsingen/:id" component={GPlaatsingDetail} />
          <Route path="/monitor" component={GMonitor} />
          <Route path="/meldingen" component={GMeldingen} />
          <Route path="/afmelden" component={Afmelden} />
          <Route path="/aanmelden" component={Aanmelden} />
          <Route path="/aanmelden/bevestigen" component={AanmeldingBevestigen} />
          <Route path="/uitnodiging" component={Uitnodiging} />
          <Route path="/aanmeldingen" component={GAanmeldingen} />
          <Route path="/aanmeldingen/:id" component={GAanmeldingDetail} />
          <Route default component={NietGevonden} />
        </Router>
      </Shell>
    </LocationProvider>
  )
}

void loadSessie()
render(<App />, document.getElementById('app')!)
