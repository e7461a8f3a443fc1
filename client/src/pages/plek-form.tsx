import { useEffect, useMemo, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { api, call } from '../api.js'
import { gebruiker } from '../session.js'
import { plekInput } from '../../../server/domain/plek.js'
import { taalrijkheidsscore } from '../../../server/domain/taalrijkheid.js'
import { begeleidingSoorten, belastingNiveaus, sectoren, taalrijkheidItems, vergoedingSoorten, vormen } from '../../../server/domain/enums.js'
import { Alert, CheckboxField, ErrorSummary, Laden, Section, SelectField, TextAreaField, TextField } from '../components/fields.js'
import { LaadFout } from '../components/doodlopend.js'
import { DagdelenKeuze } from '../components/dagdelen-rooster.js'
import { OpslaanKnoppen, TaalniveauVelden, UrenVelden, VeldGroep } from '../components/form-delen.js'
import { fieldId, orderedErrors, validate } from '../lib/form-errors.js'
import { useSave } from '../lib/use-save.js'
import { useLoad } from '../lib/use-load.js'
import { conceptStore } from '../lib/concept.js'
import { useConceptForm, type ConceptForm } from '../lib/use-concept-form.js'
import { emptyPlekForm, plekBody, plekFormFrom, plekLijstVelden, plekVeldVolgorde, urenPassenNiet, withoutNull, type PlekFormState } from '../lib/plek-form.js'
import { begeleidingLabel, belastingLabel, formatScore, opties, sectorLabel, taalrijkheidLabel, vergoedingLabel, vormLabel } from '../lib/labels.js'

export function PlekNieuw() {
  return <PlekFormulier />
}

export function PlekBewerken() {
  const { params } = useRoute()
  const { data: start, fout } = useLoad(
    (signal) => call(api.plekken[':id'].$get({ param: { id: params.id! } }, { init: { signal } })).then((p) => ({ form: plekFormFrom(p), status: p.status })),
    [params.id],
    'De plek kon niet geladen worden.',
  )
  if (fout) return <LaadFout fout={fout} wat="Plek" />
  if (!start) return <Laden />
  return <PlekFormulier id={params.id} start={start.form} status={start.status} />
}

/** What the werkgever typed stays in the tab until it is saved (lib/concept.ts). A plek holds no personal data. */
const plekConcept = conceptStore<PlekFormState>('plek-concept:')

/** What every section of the form gets: the form's state and its field errors. */
type SectieProps = ConceptForm<PlekFormState> & { err: (path: string) => string | undefined }

function PlekFormulier({ id, start, status }: { id?: string; start?: PlekFormState; status?: string }) {
  const { route } = useLocation()
  const form = useConceptForm(plekConcept, id, (teruggezet) => teruggezet ?? start ?? emptyPlekForm())
  const { fields, message, pogingen, busy, save } = useSave(plekLijstVelden)
  const [organisatieId, setOrganisatieId] = useState('')
  const [organisaties, setOrganisaties] = useState<[string, string][]>([])
  const beheerder = gebruiker.value?.rol === 'beheerder'

  useEffect(() => {
    if (beheerder && !id) call(api.organisaties.$get({ query: { perPage: '100' } })).then((l) => setOrganisaties(l.items.map((o) => [o.id, o.naam]))).catch(() => {})
  }, [beheerder])

  const sectie: SectieProps = { ...form, err: (path) => fields[path] }

  async function submit(e: Event) {
    e.preventDefault()
    const body = plekBody(form.f, id ? 'patch' : 'post')
    if (beheerder && !id) body.organisatieId = organisatieId || undefined
    const opgeslagen = await form.submit(save, validate(plekInput, withoutNull(body), plekLijstVelden),
      () => (id ? call(api.plekken[':id'].$patch({ param: { id }, json: body })) : call(api.plekken.$post({ json: body as never }))))
    if (opgeslagen) route(`/mijn-plekken?opgeslagen=${encodeURIComponent(opgeslagen)}`)
  }

  return (
    <>
      <h1 class="utrecht-heading-1">{id ? 'Plek bewerken' : 'Nieuwe plek'}</h1>
      <p class="utrecht-paragraph pp-muted">
        {id ? `Status: ${status}. ` : 'De plek wordt opgeslagen als concept; u publiceert hem daarna vanuit Mijn plekken. '}
        Velden zonder “(niet verplicht)” zijn verplicht.
        {form.teruggezet && ' Uw nog niet opgeslagen invoer is teruggezet.'}
      </p>
      <form class="pp-form" onSubmit={submit} noValidate aria-describedby={undefined}>
        <ErrorSummary errors={orderedErrors(fields, plekVeldVolgorde)} message={message} focusKey={pogingen} />
        <WerkSectie {...sectie} organisatie={beheerder && !id ? { id: organisatieId, onId: setOrganisatieId, opties: organisaties } : undefined} />
        <TijdenSectie {...sectie} />
        <TaalSectie {...sectie} />
        <Section legend="Begeleiding" path="begeleiding" error={sectie.err('begeleiding')}>
          <p class="utrecht-paragraph">Welke begeleiding is er op de werkvloer?</p>
          {begeleidingSoorten.map((b) => (
            <CheckboxField key={b} path={`begeleiding-${b}`} label={begeleidingLabel[b]} checked={form.f.begeleiding.includes(b)} onValue={(v) => form.toggle('begeleiding', b, v)} />
          ))}
        </Section>
        <VereistenEnVergoeding {...sectie} />
        <OpslaanKnoppen busy={busy} bewerken={Boolean(id)} opslaan="Plek opslaan" annuleerHref="/mijn-plekken" />
      </form>
    </>
  )
}

/** What the work is and where; a beheerder also chooses the organisatie of a new plek. */
function WerkSectie({ f, set, err, organisatie }: SectieProps & { organisatie?: { id: string; onId: (id: string) => void; opties: [string, string][] } }) {
  return (
    <Section legend="Werk">
      {organisatie && (
        <SelectField path="organisatieId" label="Organisatie" value={organisatie.id} onValue={organisatie.onId} options={organisatie.opties} placeholder="Kies een organisatie" error={err('organisatieId')} required />
      )}
      <TextField path="titel" label="Titel" value={f.titel} onValue={(v) => set('titel', v)} error={err('titel')} required description="Bijvoorbeeld: Medewerker bediening in ons buurtrestaurant" />
      <TextAreaField path="omschrijving" label="Omschrijving van het werk" value={f.omschrijving} onValue={(v) => set('omschrijving', v)} error={err('omschrijving')} required />
      <div class="pp-grid-2">
        <TextField path="beroep" label="Beroep" value={f.beroep} onValue={(v) => set('beroep', v)} error={err('beroep')} required={false} />
        <SelectField path="sector" label="Sector" value={f.sector} onValue={(v) => set('sector', v)} options={opties(sectoren, sectorLabel)} placeholder="Kies een sector" error={err('sector')} required />
        <SelectField path="vorm" label="Vorm" value={f.vorm} onValue={(v) => set('vorm', v)} options={opties(vormen, vormLabel)} placeholder="Kies een vorm" error={err('vorm')} required />
        <TextField path="postcode" label="Postcode van de werkplek" size="postcode" value={f.postcode} onValue={(v) => set('postcode', v)} error={err('postcode')} required input={{ autoComplete: 'postal-code' }} />
        <TextField path="capaciteit" label="Aantal deelnemers tegelijk" size="numeric" input={{ inputMode: 'numeric' }} value={f.capaciteit} onValue={(v) => set('capaciteit', v)} error={err('capaciteit')} required />
      </div>
    </Section>
  )
}

/** Hours, dagdelen (deelnemers have taalles on fixed dagdelen), start and duration, load. */
function TijdenSectie({ f, set, toggle, err }: SectieProps) {
  return (
    <Section legend="Tijden">
      <UrenVelden min={f.urenMin} max={f.urenMax} onMin={(v) => set('urenMin', v)} onMax={(v) => set('urenMax', v)} err={err} />
      <VeldGroep path="dagdelen" legend="Dagdelen waarop het werk plaatsvindt" error={err('dagdelen')} uitlegId="dagdelen-uitleg"
        uitleg="Deelnemers hebben op vaste dagdelen taalles; kies alleen de dagdelen waarop echt gewerkt wordt.">
        <DagdelenKeuze gekozen={f.dagdelen} onToggle={(dd, aan) => toggle('dagdelen', dd, aan)} />
      </VeldGroep>
      <div aria-live="polite">{urenPassenNiet(f) && <Alert type="warning" tekst={urenPassenNiet(f)} />}</div>
      <div class="pp-grid-2">
        <TextField path="startdatum" label="Startdatum" type="date" value={f.startdatum} onValue={(v) => set('startdatum', v)} error={err('startdatum')} required={false} />
        <TextField path="duurWeken" label="Duur in weken" size="numeric" input={{ inputMode: 'numeric' }} value={f.duurWeken} onValue={(v) => set('duurWeken', v)} error={err('duurWeken')} required={false} />
      </div>
      <CheckboxField path="opbouw" label="Opbouw mogelijk: beginnen met minder uren en uitbreiden" checked={f.opbouw} onValue={(v) => set('opbouw', v)} error={err('opbouw')} />
      <CheckboxField path="binnenSchooltijden" label="Het werk past binnen schooltijden" checked={f.binnenSchooltijden} onValue={(v) => set('binnenSchooltijden', v)} error={err('binnenSchooltijden')} />
      <div class="pp-grid-2">
        <SelectField path="fysiekeBelasting" label="Fysieke belasting" value={f.fysiekeBelasting} onValue={(v) => set('fysiekeBelasting', v)} options={opties(belastingNiveaus, belastingLabel)} error={err('fysiekeBelasting')} />
        <SelectField path="werkdruk" label="Werkdruk" value={f.werkdruk} onValue={(v) => set('werkdruk', v)} options={opties(belastingNiveaus, belastingLabel)} error={err('werkdruk')} />
      </div>
    </Section>
  )
}

/** The minimum language levels and the taalrijkheid checklist, with the score as it is ticked. */
function TaalSectie({ f, set, err }: SectieProps) {
  const score = useMemo(() => taalrijkheidsscore(f.taalrijkheid), [f.taalrijkheid])
  return (
    <Section legend="Taal">
      <p class="utrecht-paragraph">Minimaal taalniveau per vaardigheid (A0 is geen Nederlands, B1 is het doel van de meeste inburgeraars).</p>
      <TaalniveauVelden taalniveau={f.taalniveau} onValue={(t) => set('taalniveau', t)} err={err} />
      <CheckboxField path="lagerNiveauMetOndersteuning" label="Een lager niveau is goed als er ondersteuning is" checked={f.lagerNiveauMetOndersteuning} onValue={(v) => set('lagerNiveauMetOndersteuning', v)} />
      <div class="pp-taal-layout">
        <fieldset class="utrecht-form-fieldset" id={fieldId('taalrijkheid')} tabIndex={-1}>
          <legend class="utrecht-form-fieldset__legend" style="font-size: 1rem">Taalrijkheid: wat gebeurt er op de werkvloer?</legend>
          {taalrijkheidItems.map((item) => (
            <CheckboxField key={item} path={`taalrijkheid.${item}`} label={taalrijkheidLabel[item]} checked={f.taalrijkheid[item]} onValue={(v) => set('taalrijkheid', { ...f.taalrijkheid, [item]: v })} />
          ))}
        </fieldset>
        <div class="pp-score" aria-live="polite" aria-atomic="true" id="taalrijkheidsscore">
          <p class="pp-score__value">Taalrijkheidsscore: {formatScore(score.score)} van 10</p>
          <ul>
            {score.uitleg.map((u) => <li key={u}>{u}</li>)}
          </ul>
        </div>
      </div>
    </Section>
  )
}

function VereistenEnVergoeding({ f, set, err }: SectieProps) {
  return (
    <>
      <Section legend="Vereisten">
        <CheckboxField path="vereisten.rijbewijs" label="Rijbewijs nodig" checked={f.rijbewijs} onValue={(v) => set('rijbewijs', v)} />
        <CheckboxField path="vereisten.vog" label="Verklaring omtrent het gedrag (VOG) nodig" checked={f.vog} onValue={(v) => set('vog', v)} />
        <CheckboxField path="vereisten.vca" label="VCA-certificaat nodig" checked={f.vca} onValue={(v) => set('vca', v)} />
        <TextField path="vereisten.diploma" label="Diploma" value={f.diploma} onValue={(v) => set('diploma', v)} error={err('vereisten.diploma')} required={false} />
      </Section>
      <Section legend="Vergoeding">
        <div class="pp-grid-2">
          <SelectField path="vergoeding.soort" label="Soort vergoeding" value={f.vergoedingSoort} onValue={(v) => set('vergoedingSoort', v)} options={opties(vergoedingSoorten, vergoedingLabel)} error={err('vergoeding.soort') ?? err('vergoeding')} />
          <TextField path="vergoeding.bedragPerMaand" label="Bedrag per maand in euro" size="numeric" input={{ inputMode: 'decimal', disabled: f.vergoedingSoort === 'geen' }} value={f.vergoedingSoort === 'geen' ? '' : f.bedragPerMaand} onValue={(v) => set('bedragPerMaand', v)} error={err('vergoeding.bedragPerMaand')} required={false} />
        </div>
      </Section>
    </>
  )
}
