import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, call } from '../api.js'
import { Alert, Button, Laden } from '../components/fields.js'
import { ConfirmPanel } from '../components/confirm-panel.js'
import { Cel, NaamCel, StatusBadge, Tabel } from '../components/tabel.js'
import { formatDatum, formatScore, statusLabel } from '../lib/labels.js'
import { useAction } from '../lib/use-action.js'
import { useLoad } from '../lib/use-load.js'
import { EigenOrganisatieStatus } from '../components/organisatie-status.js'

type Plek = Awaited<ReturnType<typeof load>>['items'][number]
const load = (signal: AbortSignal) => call(api.plekken.$get({ query: { perPage: '100' } }, { init: { signal } }))

const badge: Record<string, string> = { concept: 'neutral', gepubliceerd: 'success', vervuld: 'active', gesloten: 'inactive' }

export function MijnPlekken() {
  const { query } = useLocation()
  const { data: lijst, fout: laadFout, reload } = useLoad(load, [], 'De plekken konden niet geladen worden.')
  const { bezig, fout: actieFout, run } = useAction()
  const [melding, setMelding] = useState<string | undefined>(query.opgeslagen ? 'De plek is opgeslagen.' : undefined)
  const [bevestig, setBevestig] = useState<string>()
  const fout = actieFout ?? laadFout?.message

  const actie = (id: string, wat: 'publiceren' | 'sluiten', titel: string) =>
    run(id, async () => {
      if (wat === 'publiceren') await call(api.plekken[':id'].publiceren.$post({ param: { id } }))
      else await call(api.plekken[':id'].sluiten.$post({ param: { id } }))
      setMelding(wat === 'publiceren' ? `“${titel}” is gepubliceerd en nu vindbaar voor jobhunters.` : `“${titel}” is gesloten.`)
      setBevestig(undefined)
      reload()
      // the button is gone: the keyboard stays on this row, at its status (not on <body>)
      setTimeout(() => document.getElementById(`status-${id}`)?.focus(), 0)
    }, 'Dat lukte niet. Probeer het opnieuw.')

  return (
    <>
      <div class="pp-row" style="justify-content: space-between">
        <h1 class="utrecht-heading-1">Mijn plekken</h1>
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/plekken/nieuw">Nieuwe plek</a>
      </div>
      <EigenOrganisatieStatus />
      <div aria-live="polite" class="pp-status-line">
        {melding && <Alert type="ok" tekst={melding} />}
      </div>
      {fout && <Alert type="error" tekst={fout} />}
      {!lijst ? (
        !fout && <Laden />
      ) : lijst.items.length === 0 ? (
        <p class="utrecht-paragraph">U heeft nog geen plekken. <a class="utrecht-link" href="/plekken/nieuw">Beschrijf uw eerste plek</a>.</p>
      ) : (
        <Tabel caption="Uw plekken met status en acties" class="pp-table--stapel" kolommen={['Plek', 'Status', 'Taalrijkheid', 'Gewijzigd', 'Acties']}>
          {lijst.items.map((p) => (
            <PlekRij key={p.id} p={p} bezig={bezig === p.id} bevestigen={bevestig === p.id}
              onPubliceer={() => actie(p.id, 'publiceren', p.titel)} onSluit={() => setBevestig(p.id)}
              onBevestig={() => actie(p.id, 'sluiten', p.titel)} onAnnuleer={() => setBevestig(undefined)} />
          ))}
        </Tabel>
      )}
    </>
  )
}

/** One plek with what can be done with it: edit, publish a concept, close (after a confirmation). */
function PlekRij({ p, bezig, bevestigen, onPubliceer, onSluit, onBevestig, onAnnuleer }: {
  p: Plek; bezig: boolean; bevestigen: boolean; onPubliceer: () => void; onSluit: () => void; onBevestig: () => void; onAnnuleer: () => void
}) {
  return (
    <tr class="utrecht-table__row">
      <NaamCel href={`/plekken/${p.id}`} naam={p.titel} onder={p.plaats} />
      <Cel label="Status"><span id={`status-${p.id}`} tabIndex={-1}><StatusBadge variant={badge[p.status]}>{statusLabel[p.status]}</StatusBadge></span></Cel>
      <Cel label="Taalrijkheid">{formatScore(p.taalrijkheidsscore)} van 10</Cel>
      <Cel label="Gewijzigd">{formatDatum(p.gewijzigdOp)}</Cel>
      <td class="utrecht-table__cell">
        <div class="pp-actions">
          {p.status !== 'gesloten' && (
            <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/plekken/${p.id}/bewerken`} aria-label={`${p.titel} bewerken`}>Bewerken</a>
          )}
          {p.status === 'concept' && (
            <Button variant="primary" busy={bezig} disabled={bezig} onClick={onPubliceer} aria-label={`${p.titel} publiceren`}>Publiceren</Button>
          )}
          {p.status !== 'gesloten' && !bevestigen && (
            <Button onClick={onSluit} aria-label={`${p.titel} sluiten`}>Sluiten</Button>
          )}
        </div>
        {bevestigen && (
          <ConfirmPanel id={`bevestig-${p.id}`} ja="Ja, sluiten" busy={bezig} onJa={onBevestig} onNee={onAnnuleer}
            vraag={p.status === 'concept'
              ? <>Weet u zeker dat u het concept “{p.titel}” wilt sluiten? Het wordt dan niet gepubliceerd en u kunt het niet meer bewerken.</>
              : <>Weet u zeker dat u “{p.titel}” wilt sluiten? Jobhunters vinden de plek dan niet meer.</>} />
        )}
      </td>
    </tr>
  )
}
