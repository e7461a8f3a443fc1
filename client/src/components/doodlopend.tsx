import { ApiError } from '../api.js'
import { gebruiker, startPage } from '../session.js'

// A page that cannot show what was asked (not found, no access, not loaded) is never a dead end:
// a heading that says what happened, the server's sentence, and two ways on.

export function Doodlopend({ titel, tekst }: { titel: string; tekst: string }) {
  const g = gebruiker.value
  return (
    <>
      <h1 class="utrecht-heading-1">{titel}</h1>
      <p class="utrecht-paragraph">{tekst}</p>
      <ul class="pp-doodlopend">
        {history.length > 1 && <li><a class="utrecht-link" href="#" onClick={(e) => { e.preventDefault(); history.back() }}>← Terug naar de vorige pagina</a></li>}
        <li><a class="utrecht-link" href={g ? startPage(g.rol) : '/'}>Naar uw startpagina</a></li>
      </ul>
    </>
  )
}

/** The page for a failed load: "niet gevonden" (404), "geen toegang" (403), or "lukt nu niet". */
export function LaadFout({ fout, wat }: { fout: ApiError | string; wat: string }) {
  const status = fout instanceof ApiError ? fout.status : 0
  const tekst = fout instanceof ApiError ? fout.message : fout
  const titel = status === 404 ? `${wat} niet gevonden` : status === 403 ? 'Geen toegang' : `${wat} laden lukt nu niet`
  return <Doodlopend titel={titel} tekst={tekst} />
}
