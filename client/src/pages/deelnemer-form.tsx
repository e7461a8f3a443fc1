import { useEffect, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { api, call, ApiError } from '../api.js'
import { deelnemerInput, doelgroepen, geletterdheden, kinderopvangOpties, leerroutes } from '../../../server/domain/deelnemer.js'
import { belastingNiveaus, niveaus, sectoren, vaardigheden, vormen } from '../../../server/domain/enums.js'
import { Alert, Button, CheckboxField, ErrorSummary, Laden, Section, SelectField, TextAreaField, TextField } from '../components/fields.js'
import { DagdelenRooster, RoosterLegenda } from '../components/dagdelen-rooster.js'
import { Gevoelig } from '../components/gevoelig.js'
import { errorId, fieldId, orderedErrors, validate } from '../lib/form-errors.js'
import { useSave } from '../lib/use-save.js'
import {
  deelnemerBody, deelnemerFormFrom, deelnemerLijstVelden, deelnemerVeldVolgorde, handmatigeStatussen, emptyDeelnemerForm, withStoredStatus, statusVolgtUitKoppeling,
  urenOpVrijeDagdelen, setDagdeel, withoutNullDeep,
  type DeelnemerFormState,
} from '../lib/deelnemer-form.js'
import { conceptSleutel, readConcept, clearConcept } from '../lib/deelnemer-concept.js'
import {
  belastingLabel, deelnemerStatusLabel, doelgroepLabel, formatDatum, geletterdheidLabel, kinderopvangLabel, leerrouteLabel, sectorLabel, vaardigheidLabel, vormLabel,
} from '../lib/labels.js'

export function DeelnemerNieuw() {
  return <DeelnemerFormulier />
}

export function DeelnemerBewerken() {
  const { params } = useRoute()
  const [start, setStart] = useState<{ form: DeelnemerFormState; naam: string; toestemmingOp?: string }>()
  const [fout, setFout] = useState<string>()
  useEffect(() => {
    call(api.deelnemers[':id'].$get({ param: { id: params.id! } }))
      .then((d) => setStart({ form: deelnemerFormFrom(d), naam: d.naam, toestemmingOp: d.toestemmingOp }))
      .catch((e) => setFout(e instanceof ApiError ? e.message : 'De deelnemer kon niet geladen worden.'))
  }, [params.id])
  if (fout) return <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>
  if (!start) return <Laden />
  return <DeelnemerFormulier id={params.id} start={start.form} naam={start.naam} toestemmingOp={start.toestemmingOp} />
}

const opties = (waarden: readonly string[], labels?: Record<string, string>) => waarden.map((w) => [w, labels?.[w] ?? w] as const)

function DeelnemerFormulier({ id, start, naam, toestemmingOp }: { id?: string; start?: DeelnemerFormState; naam?: string; toestemmingOp?: string }) {
  const { route } = useLocation()
  const [teruggezet] = useState(() => readConcept(id))
  const [f, setF] = useState<DeelnemerFormState>(() => withStoredStatus(teruggezet ?? start ?? emptyDeelnemerForm(), start?.status))
  // voorgesteld and geplaatst follow from a voorstel or plaatsing: shown read-only and sent unchanged
  const vasteStatus = start && statusVolgtUitKoppeling(start.status) ? start.status : undefined
  useEffect(() => {
    try {
      sessionStorage.setItem(conceptSleutel(id), JSON.stringify(f))
    } catch {
      // storage full or disabled: the form still works, only without this safety net
    }
  }, [f])
  const { fields, message, pogingen, busy, save } = useSave(deelnemerLijstVelden)

  const set = <K extends keyof DeelnemerFormState>(key: K, value: DeelnemerFormState[K]) => setF((old) => ({ ...old, [key]: value }))
  const toggle = (key: 'sectoren' | 'vormen', value: string, on: boolean) =>
    setF((old) => ({ ...old, [key]: on ? [...old[key].filter((v) => v !== value), value] : old[key].filter((v) => v !== value) }))
  const err = (path: string) => fields[path]
  const roosterFout = err('beschikbareDagdelen') ?? err('taallesDagdelen')

  async function submit(e: Event) {
    e.preventDefault()
    const body = deelnemerBody(f, id ? 'patch' : 'post')
    let opgeslagen = ''
    const check = validate(deelnemerInput, withoutNullDeep(body), deelnemerLijstVelden)
    const saved = await save(check, async () => {
      const d = id ? await call(api.deelnemers[':id'].$patch({ param: { id }, json: body })) : await call(api.deelnemers.$post({ json: body as never }))
      opgeslagen = d.id
    })
    if (!saved) return
    clearConcept(id)
    route(`/deelnemers/${encodeURIComponent(opgeslagen)}?opgeslagen=1`)
  }

  const terug = id ? `/deelnemers/${encodeURIComponent(id)}` : '/deelnemers'
  return (
    <>
      <p class="utrecht-paragraph"><a class="utrecht-link" href={terug}>← Terug {id ? 'naar het dossier' : 'naar Deelnemers'}</a></p>
      <h1 class="utrecht-heading-1">{id ? `${naam ?? 'Deelnemer'} bewerken` : 'Nieuwe deelnemer'}</h1>
      <p class="utrecht-paragraph pp-muted">
        Velden zonder “(niet verplicht)” zijn verplicht. Gegevens met <span class="pp-gevoelig">Gevoelig</span> worden nooit met werkgevers gedeeld.
        {teruggezet && ' Uw nog niet opgeslagen invoer is teruggezet.'}
      </p>
      <form class="pp-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={orderedErrors(fields, deelnemerVeldVolgorde)} message={message} focusKey={pogingen} />

        <Section legend="Persoonsgegevens">
          <TextField path="naam" label="Naam" value={f.naam} onValue={(v) => set('naam', v)} error={err('naam')} required input={{ autoComplete: 'off' }} />
          <div class="pp-grid-2">
            <TextField path="geboortejaar" label="Geboortejaar" size="numeric" input={{ inputMode: 'numeric' }} value={f.geboortejaar} onValue={(v) => set('geboortejaar', v)} error={err('geboortejaar')} required />
            <TextField path="postcode" label="Postcode" size="postcode" value={f.postcode} onValue={(v) => set('postcode', v)} error={err('postcode')} required description="Voor de reisafstand naar een plek." />
            <TextField path="telefoon" label="Telefoonnummer" type="tel" size="tel" value={f.telefoon} onValue={(v) => set('telefoon', v)} error={err('telefoon')} required={false} input={{ autoComplete: 'off' }} />
            <TextField path="email" label="E-mailadres" type="email" value={f.email} onValue={(v) => set('email', v)} error={err('email')} required={false} input={{ autoComplete: 'off' }} />
            <SelectField path="doelgroep" label="Doelgroep" value={f.doelgroep} onValue={(v) => set('doelgroep', v)} options={opties(doelgroepen, doelgroepLabel)} placeholder="Kies een doelgroep" error={err('doelgroep')} required description={<Gevoelig />} />
            {vasteStatus ? (
              <div class="utrecht-form-field pp-vaste-status" id={fieldId('status')} tabIndex={-1}>
                <p class="utrecht-form-label">Status van het dossier</p>
                <p class="utrecht-paragraph pp-vaste-status__waarde">
                  <strong>{deelnemerStatusLabel[vasteStatus as keyof typeof deelnemerStatusLabel]}</strong>
                </p>
                <p class="utrecht-form-field-description" id="status-uitleg">
                  {vasteStatus === 'voorgesteld'
                    ? 'Deze status volgt uit het voorstel: trek het voorstel in om hem te wijzigen.'
                    : 'Deze status volgt uit de plaatsing: beëindig de plaatsing om hem te wijzigen.'}
                </p>
                {err('status') && <p class="pp-error" id={errorId('status')}>{err('status')}</p>}
              </div>
            ) : (
              <SelectField path="status" label="Status van het dossier" value={f.status} onValue={(v) => set('status', v)} options={opties(handmatigeStatussen, deelnemerStatusLabel)} error={err('status')}
                description="Alleen zoekende deelnemers komen voor in de passende deelnemers bij een plek. Voorgesteld en geplaatst volgen vanzelf uit een voorstel of plaatsing." />
            )}
          </div>
        </Section>

        <Section legend="Taal">
          <div class="pp-grid-2">
            <SelectField path="leerroute" label="Leerroute" value={f.leerroute} onValue={(v) => set('leerroute', v)} options={opties(leerroutes, leerrouteLabel)} placeholder="Kies een leerroute" error={err('leerroute')} required />
            <SelectField path="geletterdheid" label="Geletterdheid" value={f.geletterdheid} onValue={(v) => set('geletterdheid', v)} options={opties(geletterdheden, geletterdheidLabel)} placeholder="Kies" error={err('geletterdheid')} required description={<Gevoelig />} />
          </div>
          <p class="utrecht-paragraph">Taalniveau per vaardigheid (lezen en schrijven lopen vaak achter op spreken en luisteren).</p>
          <div class="pp-grid-2">
            {vaardigheden.map((v) => (
              <SelectField key={v} path={`taalniveau.${v}`} label={vaardigheidLabel[v]} value={f.taalniveau[v]} onValue={(n) => set('taalniveau', { ...f.taalniveau, [v]: n as never })} options={opties(niveaus)} error={err(`taalniveau.${v}`)} />
            ))}
          </div>
          <div class="pp-grid-2">
            <TextField path="moedertaal" label="Moedertaal" value={f.moedertaal} onValue={(v) => set('moedertaal', v)} error={err('moedertaal')} required={false} description={<Gevoelig />} />
            <TextField path="andereTalen" label="Andere talen" value={f.andereTalen} onValue={(v) => set('andereTalen', v)} error={err('andereTalen')} required={false} description={<>Scheid de talen met een komma. <Gevoelig /></>} />
          </div>
        </Section>

        <Section legend="Beschikbaarheid">
          <div class="pp-grid-2">
            <TextField path="urenPerWeek.min" label="Minimaal aantal uren per week" size="numeric" input={{ inputMode: 'numeric' }} value={f.urenMin} onValue={(v) => set('urenMin', v)} error={err('urenPerWeek.min') ?? err('urenPerWeek')} required />
            <TextField path="urenPerWeek.max" label="Maximaal aantal uren per week" size="numeric" input={{ inputMode: 'numeric' }} value={f.urenMax} onValue={(v) => set('urenMax', v)} error={err('urenPerWeek.max')} required />
          </div>
          <fieldset class={`utrecht-form-fieldset ${roosterFout ? 'utrecht-form-fieldset--invalid pp-field--invalid' : ''}`} id={fieldId('beschikbareDagdelen')} tabIndex={-1}
            aria-describedby={['rooster-uitleg', roosterFout ? errorId('beschikbareDagdelen') : ''].filter(Boolean).join(' ')}>
            <legend class="utrecht-form-fieldset__legend" style="font-size: 1rem">Dagdelen: wanneer is de deelnemer vrij en wanneer is er taalles?</legend>
            <p class="utrecht-form-field-description" id="rooster-uitleg">
              Kies per dagdeel <strong>Vrij</strong>, <strong>Taalles</strong> of <strong>Niet beschikbaar</strong>.
              <span id={fieldId('taallesDagdelen')} tabIndex={-1}> Een dagdeel met taalles kan niet vrij zijn: vervalt een taalles, kies dan eerst ‘Niet beschikbaar’.</span>
            </p>
            {roosterFout && <p class="pp-error" id={errorId('beschikbareDagdelen')}>{roosterFout}</p>}
            <RoosterLegenda />
            <DagdelenRooster beschikbareDagdelen={f.beschikbareDagdelen} taallesDagdelen={f.taallesDagdelen} uitlegId="rooster-uitleg" invalid={Boolean(roosterFout)}
              onZet={(dd, staat) => setF((old) => setDagdeel(old, dd, staat))} />
            <p class="utrecht-paragraph pp-muted" id="rooster-telling" aria-live="polite">
              Vrij: {f.beschikbareDagdelen.length} {f.beschikbareDagdelen.length === 1 ? 'dagdeel' : 'dagdelen'} (ongeveer {urenOpVrijeDagdelen(f)} uur).
              {' '}Taalles: {f.taallesDagdelen.length} {f.taallesDagdelen.length === 1 ? 'dagdeel' : 'dagdelen'}.
            </p>
          </fieldset>
          <SelectField path="kinderopvang" label="Kinderopvang" value={f.kinderopvang} onValue={(v) => set('kinderopvang', v)} options={opties(kinderopvangOpties, kinderopvangLabel)} error={err('kinderopvang')} />
        </Section>

        <Section legend="Mobiliteit" path="mobiliteit" error={err('mobiliteit')}>
          <p class="utrecht-paragraph">Hoe kan de deelnemer reizen?</p>
          <CheckboxField path="mobiliteit.fiets" label="Fiets" checked={f.fiets} onValue={(v) => set('fiets', v)} />
          <CheckboxField path="mobiliteit.ov" label="Openbaar vervoer" checked={f.ov} onValue={(v) => set('ov', v)} />
          <CheckboxField path="mobiliteit.rijbewijs" label="Rijbewijs" checked={f.rijbewijs} onValue={(v) => set('rijbewijs', v)} />
          <CheckboxField path="mobiliteit.auto" label="Eigen auto" checked={f.auto} onValue={(v) => set('auto', v)} />
          <TextField path="mobiliteit.maxReisafstandKm" label="Maximale reisafstand in km" size="numeric" input={{ inputMode: 'decimal' }} value={f.maxReisafstandKm} onValue={(v) => set('maxReisafstandKm', v)} error={err('mobiliteit.maxReisafstandKm')} required />
        </Section>

        <Section legend="Belastbaarheid en ondersteuning">
          <SelectField path="belastbaarheid" label="Belastbaarheid" value={f.belastbaarheid} onValue={(v) => set('belastbaarheid', v)} options={opties(belastingNiveaus, belastingLabel)} error={err('belastbaarheid')} description={<>Hoeveel fysieke belasting en werkdruk de deelnemer aankan. <Gevoelig /></>} />
          <TextAreaField path="ondersteuningsbehoefte" label="Ondersteuningsbehoefte" rows={3} value={f.ondersteuningsbehoefte} onValue={(v) => set('ondersteuningsbehoefte', v)} error={err('ondersteuningsbehoefte')} required={false} description={<>Kort: wat helpt de deelnemer op de werkvloer? <Gevoelig /></>} />
        </Section>

        <Section legend="Wensen en ervaring">
          <fieldset class={`utrecht-form-fieldset ${err('wensen.sectoren') ? 'pp-field--invalid' : ''}`} id={fieldId('wensen.sectoren')} tabIndex={-1} aria-describedby={err('wensen.sectoren') ? errorId('wensen.sectoren') : undefined}>
            <legend class="utrecht-form-fieldset__legend" style="font-size: 1rem">Gewenste sectoren <span class="pp-muted">(niet verplicht)</span></legend>
            {err('wensen.sectoren') && <p class="pp-error" id={errorId('wensen.sectoren')}>{err('wensen.sectoren')}</p>}
            <div class="pp-grid-3">
              {sectoren.map((s) => (
                <CheckboxField key={s} path={`wensen.sector-${s}`} label={sectorLabel[s]} checked={f.sectoren.includes(s)} onValue={(v) => toggle('sectoren', s, v)} />
              ))}
            </div>
          </fieldset>
          <fieldset class={`utrecht-form-fieldset ${err('wensen.vormen') ? 'pp-field--invalid' : ''}`} id={fieldId('wensen.vormen')} tabIndex={-1} aria-describedby={err('wensen.vormen') ? errorId('wensen.vormen') : undefined}>
            <legend class="utrecht-form-fieldset__legend" style="font-size: 1rem">Gewenste vormen <span class="pp-muted">(niet verplicht)</span></legend>
            {err('wensen.vormen') && <p class="pp-error" id={errorId('wensen.vormen')}>{err('wensen.vormen')}</p>}
            <div class="pp-grid-3">
              {vormen.map((v) => (
                <CheckboxField key={v} path={`wensen.vorm-${v}`} label={vormLabel[v]} checked={f.vormen.includes(v)} onValue={(on) => toggle('vormen', v, on)} />
              ))}
            </div>
          </fieldset>
          <TextField path="wensen.wensberoep" label="Wensberoep" value={f.wensberoep} onValue={(v) => set('wensberoep', v)} error={err('wensen.wensberoep')} required={false} description="Een realistische eerste stap op weg naar dit beroep telt ook als goede match." />
          <TextAreaField path="werkervaring" label="Werkervaring" rows={3} value={f.werkervaring} onValue={(v) => set('werkervaring', v)} error={err('werkervaring')} required={false} description="Met land, bijvoorbeeld: kok in een restaurant in Aleppo (Syrië), 6 jaar." />
          <TextAreaField path="opleiding" label="Opleiding" rows={3} value={f.opleiding} onValue={(v) => set('opleiding', v)} error={err('opleiding')} required={false} description="Met land, bijvoorbeeld: middelbare school in Konya (Turkije), afgerond." />
          <CheckboxField path="vca" label="Heeft een VCA-certificaat" checked={f.vca} onValue={(v) => set('vca', v)} error={err('vca')} />
        </Section>

        <Section legend="Toestemming">
          <CheckboxField path="toestemmingDelen" label="De deelnemer geeft toestemming om het profiel in een voorstel met een werkgever te delen" checked={f.toestemmingDelen} onValue={(v) => set('toestemmingDelen', v)} error={err('toestemmingDelen')}
            description={<>Gegevens met het label Gevoelig worden ook dan nooit gedeeld.{toestemmingOp && f.toestemmingDelen ? ` Toestemming gegeven op ${formatDatum(toestemmingOp)}.` : ''}</>} />
        </Section>

        <div class="pp-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig met opslaan…' : id ? 'Wijzigingen opslaan' : 'Deelnemer opslaan'}</Button>
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={terug} onClick={() => clearConcept(id)}>Annuleren</a>
        </div>
      </form>
    </>
  )
}
