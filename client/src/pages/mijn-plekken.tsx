import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, call, ApiError } from '../api.js'
import { Alert, Button, Laden } from '../components/fields.js'
import { formatDatum, formatScore, statusLabel } from '../lib/labels.js'

type Lijst = Awaited<ReturnType<typeof load>>
const load = () => call(api.plekken.$get({ query: { perPage: '100' } }))

const badge: Record<string, string> = { concept: 'neutral', gepubliceerd: 'success', vervuld: 'active', gesloten: 'inactive' }

export function MijnPlekken() {
  const { query } = useLocation()
  const [lijst, setLijst] = useState<Lijst>()
  const [fout, setFout] = useState<string>()
  const [melding, setMelding] = useState<string | undefined>(query.opgeslagen ? 'De plek is opgeslagen.' : undefined)
  const [bevestig, setBevestig] = useState<string>()
  const [bezig, setBezig] = useState<string>()
  const bevestigKnop = useRef<HTMLButtonElement>(null)

  const reload = () => load().then(setLijst).catch((e) => setFout(e instanceof ApiError ? e.message : 'De plekken konden niet geladen worden.'))
  useEffect(() => void reload(), [])
  useEffect(() => bevestigKnop.current?.focus(), [bevestig])

  async function actie(id: string, wat: 'publiceren' | 'sluiten', titel: string) {
    setBezig(id)
    setFout(undefined)
    try {
      if (wat === 'publiceren') await call(api.plekken[':id'].publiceren.$post({ param: { id } }))
      else await call(api.plekken[':id'].sluiten.$post({ param: { id } }))
      setMelding(wat === 'publiceren' ? `“${titel}” is gepubliceerd en nu vindbaar voor jobhunters.` : `“${titel}” is gesloten.`)
      setBevestig(undefined)
      await reload()
    } catch (e) {
      setFout(e instanceof ApiError ? e.message : 'Dat lukte niet. Probeer het opnieuw.')
    } finally {
      setBezig(undefined)
    }
  }

  return (
    <>
      <div class="pp-row" style="justify-content: space-between">
        <h1 class="utrecht-heading-1">Mijn plekken</h1>
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/plekken/nieuw">Nieuwe plek</a>
      </div>
      <div aria-live="polite" class="pp-status-line">
        {melding && <Alert type="ok"><p class="utrecht-paragraph">{melding}</p></Alert>}
      </div>
      {fout && <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>}
      {!lijst ? (
        !fout && <Laden />
      ) : lijst.items.length === 0 ? (
        <p class="utrecht-paragraph">U heeft nog geen plekken. <a class="utrecht-link" href="/plekken/nieuw">Beschrijf uw eerste plek</a>.</p>
      ) : (
        <div class="pp-table-scroll">
          <table class="utrecht-table utrecht-table--html-table pp-table pp-table--stapel">
            <caption class="utrecht-table__caption pp-visually-hidden">Uw plekken met status en acties</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Plek</th>
                <th class="utrecht-table__header-cell" scope="col">Status</th>
                <th class="utrecht-table__header-cell" scope="col">Taalrijkheid</th>
                <th class="utrecht-table__header-cell" scope="col">Gewijzigd</th>
                <th class="utrecht-table__header-cell" scope="col">Acties</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {lijst.items.map((p) => (
                <tr class="utrecht-table__row" key={p.id}>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/plekken/${p.id}`}>{p.titel}</a>
                    <div class="pp-muted">{p.plaats}</div>
                  </td>
                  <td class="utrecht-table__cell" data-label="Status">
                    <span class={`utrecht-status-badge utrecht-status-badge--${badge[p.status]}`}>{statusLabel[p.status]}</span>
                  </td>
                  <td class="utrecht-table__cell" data-label="Taalrijkheid">{formatScore(p.taalrijkheidsscore)} van 10</td>
                  <td class="utrecht-table__cell" data-label="Gewijzigd">{formatDatum(p.gewijzigdOp)}</td>
                  <td class="utrecht-table__cell">
                    <div class="pp-actions">
                      {p.status !== 'gesloten' && (
                        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/plekken/${p.id}/bewerken`} aria-label={`${p.titel} bewerken`}>Bewerken</a>
                      )}
                      {p.status === 'concept' && (
                        <Button variant="primary" busy={bezig === p.id} disabled={bezig === p.id} onClick={() => actie(p.id, 'publiceren', p.titel)} aria-label={`${p.titel} publiceren`}>Publiceren</Button>
                      )}
                      {p.status !== 'gesloten' && bevestig !== p.id && (
                        <Button onClick={() => setBevestig(p.id)} aria-label={`${p.titel} sluiten`}>Sluiten</Button>
                      )}
                    </div>
                    {bevestig === p.id && (
                      <div class="pp-confirm" role="group" aria-labelledby={`bevestig-${p.id}`}>
                        <p class="utrecht-paragraph" id={`bevestig-${p.id}`}>Weet u zeker dat u “{p.titel}” wilt sluiten? Jobhunters vinden de plek dan niet meer.</p>
                        <div class="pp-actions">
                          <button ref={bevestigKnop} type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--danger" disabled={bezig === p.id} onClick={() => actie(p.id, 'sluiten', p.titel)}>Ja, sluiten</button>
                          <Button onClick={() => setBevestig(undefined)}>Annuleren</Button>
                        </div>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
