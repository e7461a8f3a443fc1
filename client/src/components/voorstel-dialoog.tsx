import { useEffect, useRef, useState } from 'preact/hooks'
import { api, call, ApiError } from '../api.js'
import { deelbareVelden, standaardVelden, voorstelInput, type DeelbaarVeld } from '../../../server/domain/voorstel.js'
import { Alert, Button, ErrorSummary, KeuzeGroep, SelectField, TextAreaField } from './fields.js'
import { orderedErrors, validate, type FieldErrors } from '../lib/form-errors.js'
import { deelbaarVeldLabel, richtingLabel } from '../lib/labels.js'
import { emptyVoorstelForm, voorstelBody, voorstelFoutActie, setVeld, type VoorstelFormulier } from '../lib/voorstel.js'

// "Voorstellen" from a match result: a modal dialog (native <dialog>: focus stays inside, Escape
// closes, focus returns to the button) with a personal note, what the werkgever may see, and
// optionally the jobcoach who will do the nazorg. A refusal of the server (409) is shown with
// what to do about it.

export interface VoorstelPartijen {
  deelnemer: { id: string; naam: string; toestemmingDelen?: boolean; status?: string }
  plek: { id: string; titel: string; organisatieNaam?: string }
  modus: 'aanbodgericht' | 'vraaggericht'
  score: number
  uitgesloten: boolean
}

export type GemaaktVoorstel = Awaited<ReturnType<typeof create>>
const create = (body: ReturnType<typeof voorstelBody>) => call(api.voorstellen.$post({ json: body }))

let jobcoachesCache: Promise<{ id: string; naam: string }[]> | undefined
/**
 * The active jobcoaches to choose from; for one voorstel or deelnemer only those who work in the
 * deelnemer's gemeente (the API refuses any other), not cached.
 */
export function loadJobcoaches(voor?: { voorstelId?: string; deelnemerId?: string }): Promise<{ id: string; naam: string }[]> {
  if (voor) return call(api.jobcoaches.$get({ query: voor })).then((a) => a.items)
  jobcoachesCache ??= call(api.jobcoaches.$get({ query: {} })).then((a) => a.items).catch((e) => {
    jobcoachesCache = undefined
    throw e
  })
  return jobcoachesCache
}

const volgorde = ['toelichting', 'velden', 'jobcoachId'] as const

export function VoorstelDialoog({ partijen, onKlaar, onSluit }: { partijen: VoorstelPartijen; onKlaar: (v: GemaaktVoorstel) => void; onSluit: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const [f, setF] = useState<VoorstelFormulier>(emptyVoorstelForm)
  const [jobcoaches, setJobcoaches] = useState<{ id: string; naam: string }[]>([])
  const [fields, setFields] = useState<FieldErrors>({})
  const [weigering, setWeigering] = useState<{ code: string; message: string }>()
  const [pogingen, setPogingen] = useState(0)
  const [busy, setBusy] = useState(false)
  const { deelnemer, plek } = partijen
  const geenToestemming = deelnemer.toestemmingDelen === false

  useEffect(() => {
    ref.current?.showModal()
    loadJobcoaches({ deelnemerId: deelnemer.id }).then(setJobcoaches).catch(() => setJobcoaches([]))
  }, [])

  async function submit(e: Event) {
    e.preventDefault()
    setWeigering(undefined)
    const body = voorstelBody(f, { deelnemerId: deelnemer.id, plekId: plek.id, modus: partijen.modus })
    const check = validate(voorstelInput, body, ['velden'])
    if (!check.ok) {
      setFields(check.fields)
      setPogingen((n) => n + 1)
      return
    }
    setBusy(true)
    try {
      const v = await create(body)
      setFields({})
      ref.current?.close()
      onKlaar(v)
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setWeigering({ code: err.code, message: err.message })
      else if (err instanceof ApiError && Object.keys(err.fields).length) setFields(err.fields)
      else setWeigering({ code: err instanceof ApiError ? err.code : 'onbekend', message: err instanceof ApiError ? err.message : 'Versturen lukt nu niet. Probeer het later opnieuw.' })
      setPogingen((n) => n + 1)
    } finally {
      setBusy(false)
    }
  }

  const actie = weigering && voorstelFoutActie(weigering.code, deelnemer.id)
  const titelId = 'voorstel-titel'
  return (
    <dialog ref={ref} class="pp-dialoog" aria-labelledby={titelId} onClose={onSluit}>
      <form class="pp-form" method="dialog" onSubmit={submit} noValidate>
        <h2 class="utrecht-heading-2" id={titelId}>Voorstellen: {deelnemer.naam} voor “{plek.titel}”</h2>
        <p class="utrecht-paragraph pp-muted">
          {/* "Oudelandse Logistiek B.V." already ends the sentence: no second full stop */}
          {`${richtingLabel[partijen.modus]} · score ${partijen.score} van 100${plek.organisatieNaam ? ` · ${plek.organisatieNaam}` : ''}`.replace(/\.?$/, '.')} De score en de redenen van dit moment gaan mee met het voorstel.
        </p>
        {partijen.uitgesloten && (
          <Alert type="warning" tekst="Deze match valt af op een harde grens. Stel alleen voor als u met de deelnemer en de werkgever heeft besproken hoe dat wordt opgelost." />
        )}
        {weigering && (
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__content"><div class="utrecht-alert__message">
              <p class="utrecht-paragraph"><strong>Het voorstel is niet verstuurd.</strong> {weigering.message}</p>
              {actie && <p class="utrecht-paragraph"><a class="utrecht-link" href={actie.href}>{actie.tekst}</a></p>}
            </div></div>
          </div>
        )}
        {geenToestemming ? (
          <>
            <Alert type="warning">
              <p class="utrecht-paragraph">{deelnemer.naam} heeft (nog) geen toestemming gegeven om gegevens met een werkgever te delen. Zonder toestemming kunt u niet voorstellen.</p>
              <p class="utrecht-paragraph"><a class="utrecht-link" href={`/deelnemers/${encodeURIComponent(deelnemer.id)}/bewerken`}>Leg de toestemming vast in het dossier</a></p>
            </Alert>
            <div class="pp-actions"><Button onClick={() => ref.current?.close()}>Sluiten</Button></div>
          </>
        ) : (
          <>
            <ErrorSummary errors={orderedErrors(fields, volgorde)} focusKey={weigering ? 0 : pogingen} />
            <TextAreaField path="toelichting" label="Persoonlijke toelichting voor de werkgever" required={false} rows={4} value={f.toelichting}
              onValue={(v) => setF((o) => ({ ...o, toelichting: v }))} error={fields.toelichting}
              description="Waarom past deze deelnemer bij de plek? Wat is al besproken?" />
            <KeuzeGroep type="checkbox" kolommen path="velden" legend="Wat mag de werkgever zien?" error={fields.velden}
              options={deelbareVelden.map((v) => [v, deelbaarVeldLabel[v] ?? v] as const)} values={f.velden}
              onToggle={(v, aan) => setF((o) => ({ ...o, velden: setVeld(o.velden, v as DeelbaarVeld, aan) }))}
              description={<>
                Alleen wat u aanvinkt, en alleen zolang de deelnemer toestemming geeft. Standaard: {standaardVelden.map((v) => deelbaarVeldLabel[v]!.toLowerCase()).join(', ')}.{' '}
                <strong>Doelgroep, moedertaal, geletterdheid en gezondheid (belastbaarheid, ondersteuningsbehoefte) worden nooit gedeeld.</strong>
              </>} />
            <SelectField path="jobcoachId" label="Jobcoach voor de nazorg" required={false} value={f.jobcoachId} onValue={(v) => setF((o) => ({ ...o, jobcoachId: v }))}
              options={jobcoaches.map((j) => [j.id, j.naam] as const)} placeholder="Nog niet kiezen" error={fields.jobcoachId}
              description="Als de werkgever accepteert, krijgt deze jobcoach de plaatsing." />
            <div class="pp-actions">
              <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig…' : 'Voorstel versturen'}</Button>
              <Button onClick={() => ref.current?.close()}>Annuleren</Button>
            </div>
          </>
        )}
      </form>
    </dialog>
  )
}
