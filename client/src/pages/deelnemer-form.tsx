import { useLocation, useRoute } from 'preact-iso'
import { useState } from 'preact/hooks'
import { api, call } from '../api.js'
import { deelnemerInput, doelgroepen, geletterdheden, kinderopvangOpties, leerroutes } from '../../../server/domain/deelnemer.js'
import { belastingNiveaus, sectoren, vormen } from '../../../server/domain/enums.js'
import { CheckboxField, ErrorSummary, Laden, Section, SelectField, TextAreaField, TextField } from '../components/fields.js'
import { LaadFout } from '../components/doodlopend.js'
import { DagdelenRooster, RoosterLegenda } from '../components/dagdelen-rooster.js'
import { OpslaanKnoppen, TaalniveauVelden, UrenVelden, VeldGroep } from '../components/form-delen.js'
import { Gevoelig } from '../components/gevoelig.js'
import { errorId, fieldId, orderedErrors, validate } from '../lib/form-errors.js'
import { useSave } from '../lib/use-save.js'
import { useLoad } from '../lib/use-load.js'
import { useConceptForm, type ConceptForm, type ListKey } from '../lib/use-concept-form.js'
import {
  deelnemerBody, deelnemerFormFrom, deelnemerLijstVelden, deelnemerVeldVolgorde, handmatigeStatussen, emptyDeelnemerForm, withStoredStatus, statusVolgtUitKoppeling,
  urenOpVrijeDagdelen, setDagdeel, withoutNullDeep,
  type DeelnemerFormState,
} from '../lib/deelnemer-form.js'
import { deelnemerConcept, gemeenteConcept } from '../lib/deelnemer-concept.js'
import {
  belastingLabel, deelnemerStatusLabel, doelgroepLabel, formatDatum, geletterdheidLabel, kinderopvangLabel, label, leerrouteLabel, opties, sectorLabel, vormLabel,
} from '../lib/labels.js'

export function DeelnemerNieuw() {
  return <DeelnemerFormulier />
}

export function DeelnemerBewerken() {
  const { params } = useRoute()
  const { data: start, fout } = useLoad(
    (signal) => call(api.deelnemers[':id'].$get({ param: { id: params.id! } }, { init: { signal } })).then((d) => ({ form: deelnemerFormFrom(d), naam: d.naam, toestemmingOp: d.toestemmingOp })),
    [params.id],
    'De deelnemer kon niet geladen worden.',
  )
  if (fout) return <LaadFout fout={fout} wat="Deelnemer" />
  if (!start) return <Laden />
  return <DeelnemerFormulier id={params.id} start={start.form} naam={start.naam} toestemmingOp={start.toestemmingOp} />
}

/** What every section of the form gets: the form's state and its field errors. */
type SectieProps = ConceptForm<DeelnemerFormState> & { err: (path: string) => string | undefined }

function DeelnemerFormulier({ id, start, naam, toestemmingOp }: { id?: string; start?: DeelnemerFormState; naam?: string; toestemmingOp?: string }) {
  const { route } = useLocation()
  const form = useConceptForm(deelnemerConcept, id, (teruggezet) => withStoredStatus(teruggezet ?? start ?? emptyDeelnemerForm(), start?.status))
  const { f } = form
  const { fields, message, pogingen, busy, save } = useSave(deelnemerLijstVelden)
  const sectie: SectieProps = { ...form, err: (path) => fields[path] }
  // A new deelnemer belongs to a gemeente of the user's werkgebied: with one, that one (the API
  // chooses it); with several, the user chooses from exactly those (the API refuses any other).
  const gemeenten = useLoad((signal) => (id ? Promise.resolve({ items: [], total: 0 }) : call(api.gemeenten.$get({}, { init: { signal } }))), [id], 'De gemeenten konden niet geladen worden.')
  const [gemeenteId, setGemeenteIdState] = useState(() => (id ? '' : (gemeenteConcept.read() ?? '')))
  const setGemeenteId = (v: string) => {
    setGemeenteIdState(v)
    gemeenteConcept.write(undefined, v)
  }
  const kiesGemeente = !id && (gemeenten.data?.items.length ?? 0) > 1

  async function submit(e: Event) {
    e.preventDefault()
    const body = deelnemerBody(f, id ? 'patch' : 'post')
    const opgeslagen = await form.submit(save, validate(deelnemerInput, withoutNullDeep(body), deelnemerLijstVelden),
      () => (id ? call(api.deelnemers[':id'].$patch({ param: { id }, json: body })) : call(api.deelnemers.$post({ json: (kiesGemeente && gemeenteId ? { ...body, gemeenteId } : body) as never }))))
    if (opgeslagen) {
      if (!id) gemeenteConcept.clear()
      route(`/deelnemers/${encodeURIComponent(opgeslagen)}?opgeslagen=1`)
    }
  }

  const terug = id ? `/deelnemers/${encodeURIComponent(id)}` : '/deelnemers'
  return (
    <>
      <p class="utrecht-paragraph"><a class="utrecht-link" href={terug}>← Terug {id ? 'naar het dossier' : 'naar Deelnemers'}</a></p>
      <h1 class="utrecht-heading-1">{id ? `${naam ?? 'Deelnemer'} bewerken` : 'Nieuwe deelnemer'}</h1>
      <p class="utrecht-paragraph pp-muted">
        Velden zonder “(niet verplicht)” zijn verplicht. Gegevens met <span class="pp-gevoelig">Gevoelig</span> worden nooit met werkgevers gedeeld.
        {form.teruggezet && ' Uw nog niet opgeslagen invoer is teruggezet.'}
      </p>
      <form class="pp-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={orderedErrors(fields, deelnemerVeldVolgorde)} message={message} focusKey={pogingen} />
        {/* voorgesteld and geplaatst follow from a voorstel or plaatsing: shown read-only and sent unchanged */}
        {kiesGemeente && (
          <Section legend="Gemeente">
            <SelectField path="gemeenteId" label="Gemeente van de deelnemer" value={gemeenteId} onValue={setGemeenteId} options={gemeenten.data!.items.map((g) => [g.id, g.naam] as const)} placeholder="Kies een gemeente" error={sectie.err('gemeenteId')} required
              description="Alleen medewerkers van deze gemeente zien het dossier." />
          </Section>
        )}
        <PersoonsgegevensSectie {...sectie} vasteStatus={start && statusVolgtUitKoppeling(start.status) ? start.status : undefined} />
        <TaalSectie {...sectie} />
        <BeschikbaarheidSectie {...sectie} />
        <MobiliteitEnBelastbaarheid {...sectie} />
        <WensenSectie {...sectie} />
        <Section legend="Toestemming">
          <CheckboxField path="toestemmingDelen" label="De deelnemer geeft toestemming om het profiel in een voorstel met een werkgever te delen" checked={f.toestemmingDelen} onValue={(v) => form.set('toestemmingDelen', v)} error={sectie.err('toestemmingDelen')}
            description={<>Gegevens met het label Gevoelig worden ook dan nooit gedeeld.{toestemmingOp && f.toestemmingDelen ? ` Toestemming gegeven op ${formatDatum(toestemmingOp)}.` : ''}</>} />
        </Section>
        <OpslaanKnoppen busy={busy} bewerken={Boolean(id)} opslaan="Deelnemer opslaan" annuleerHref={terug} onAnnuleer={() => { deelnemerConcept.clear(id); if (!id) gemeenteConcept.clear() }} />
      </form>
    </>
  )
}

function PersoonsgegevensSectie({ f, set, err, vasteStatus }: SectieProps & { vasteStatus?: string }) {
  return (
    <Section legend="Persoonsgegevens">
      <TextField path="naam" label="Naam" value={f.naam} onValue={(v) => set('naam', v)} error={err('naam')} required input={{ autoComplete: 'off' }} />
      <div class="pp-grid-2">
        <TextField path="geboortejaar" label="Geboortejaar" size="numeric" input={{ inputMode: 'numeric' }} value={f.geboortejaar} onValue={(v) => set('geboortejaar', v)} error={err('geboortejaar')} required />
        <TextField path="postcode" label="Postcode" size="postcode" value={f.postcode} onValue={(v) => set('postcode', v)} error={err('postcode')} required description="Voor de reisafstand naar een plek." />
        <TextField path="telefoon" label="Telefoonnummer" type="tel" size="tel" value={f.telefoon} onValue={(v) => set('telefoon', v)} error={err('telefoon')} required={false} input={{ autoComplete: 'off' }} />
        <TextField path="email" label="E-mailadres" type="email" value={f.email} onValue={(v) => set('email', v)} error={err('email')} required={false} input={{ autoComplete: 'off' }} />
        <SelectField path="doelgroep" label="Doelgroep" value={f.doelgroep} onValue={(v) => set('doelgroep', v)} options={opties(doelgroepen, doelgroepLabel)} placeholder="Kies een doelgroep" error={err('doelgroep')} required description={<Gevoelig />} />
        {vasteStatus ? <VasteStatus status={vasteStatus} error={err('status')} /> : (
          <SelectField path="status" label="Status van het dossier" value={f.status} onValue={(v) => set('status', v)} options={opties(handmatigeStatussen, deelnemerStatusLabel)} error={err('status')}
            description="Alleen zoekende deelnemers komen voor in de passende deelnemers bij een plek. Voorgesteld en geplaatst volgen vanzelf uit een voorstel of plaatsing." />
        )}
      </div>
    </Section>
  )
}

/** A status that follows from a voorstel or plaatsing, read-only, with how to change it. */
function VasteStatus({ status, error }: { status: string; error?: string }) {
  return (
    <div class="utrecht-form-field pp-vaste-status" id={fieldId('status')} tabIndex={-1}>
      <p class="utrecht-form-label">Status van het dossier</p>
      <p class="utrecht-paragraph pp-vaste-status__waarde">
        <strong>{label(deelnemerStatusLabel, status)}</strong>
      </p>
      <p class="utrecht-form-field-description" id="status-uitleg">
        {status === 'voorgesteld'
          ? 'Deze status volgt uit het voorstel: trek het voorstel in om hem te wijzigen.'
          : 'Deze status volgt uit de plaatsing: beëindig de plaatsing om hem te wijzigen.'}
      </p>
      {error && <p class="pp-error" id={errorId('status')}>{error}</p>}
    </div>
  )
}

function TaalSectie({ f, set, err }: SectieProps) {
  return (
    <Section legend="Taal">
      <div class="pp-grid-2">
        <SelectField path="leerroute" label="Leerroute" value={f.leerroute} onValue={(v) => set('leerroute', v)} options={opties(leerroutes, leerrouteLabel)} placeholder="Kies een leerroute" error={err('leerroute')} required />
        <SelectField path="geletterdheid" label="Geletterdheid" value={f.geletterdheid} onValue={(v) => set('geletterdheid', v)} options={opties(geletterdheden, geletterdheidLabel)} placeholder="Kies" error={err('geletterdheid')} required description={<Gevoelig />} />
      </div>
      <p class="utrecht-paragraph">Taalniveau per vaardigheid (lezen en schrijven lopen vaak achter op spreken en luisteren).</p>
      <TaalniveauVelden taalniveau={f.taalniveau} onValue={(t) => set('taalniveau', t)} err={err} />
      <div class="pp-grid-2">
        <TextField path="moedertaal" label="Moedertaal" value={f.moedertaal} onValue={(v) => set('moedertaal', v)} error={err('moedertaal')} required={false} description={<Gevoelig />} />
        <TextField path="andereTalen" label="Andere talen" value={f.andereTalen} onValue={(v) => set('andereTalen', v)} error={err('andereTalen')} required={false} description={<>Scheid de talen met een komma. <Gevoelig /></>} />
      </div>
    </Section>
  )
}

/** Hours, and the week grid of free and taalles dagdelen (one grid, so the two never overlap). */
function BeschikbaarheidSectie({ f, set, setF, err }: SectieProps) {
  const roosterFout = err('beschikbareDagdelen') ?? err('taallesDagdelen')
  const dagdelen = (n: number) => `${n} ${n === 1 ? 'dagdeel' : 'dagdelen'}`
  return (
    <Section legend="Beschikbaarheid">
      <UrenVelden min={f.urenMin} max={f.urenMax} onMin={(v) => set('urenMin', v)} onMax={(v) => set('urenMax', v)} err={err} />
      <VeldGroep path="beschikbareDagdelen" legend="Dagdelen: wanneer is de deelnemer vrij en wanneer is er taalles?" error={roosterFout} uitlegId="rooster-uitleg" uitleg={<>
        Kies per dagdeel <strong>Vrij</strong>, <strong>Taalles</strong> of <strong>Niet beschikbaar</strong>.
        <span id={fieldId('taallesDagdelen')} tabIndex={-1}> Een dagdeel met taalles kan niet vrij zijn: vervalt een taalles, kies dan eerst ‘Niet beschikbaar’.</span>
      </>}>
        <RoosterLegenda />
        <DagdelenRooster beschikbareDagdelen={f.beschikbareDagdelen} taallesDagdelen={f.taallesDagdelen} uitlegId="rooster-uitleg" invalid={Boolean(roosterFout)}
          onZet={(dd, staat) => setF((old) => setDagdeel(old, dd, staat))} />
        <p class="utrecht-paragraph pp-muted" id="rooster-telling" aria-live="polite">
          Vrij: {dagdelen(f.beschikbareDagdelen.length)} (ongeveer {urenOpVrijeDagdelen(f)} uur).
          {' '}Taalles: {dagdelen(f.taallesDagdelen.length)}.
        </p>
      </VeldGroep>
      <SelectField path="kinderopvang" label="Kinderopvang" value={f.kinderopvang} onValue={(v) => set('kinderopvang', v)} options={opties(kinderopvangOpties, kinderopvangLabel)} error={err('kinderopvang')} />
    </Section>
  )
}

function MobiliteitEnBelastbaarheid({ f, set, err }: SectieProps) {
  return (
    <>
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
    </>
  )
}

function WensenSectie({ f, set, toggle, err }: SectieProps) {
  return (
    <Section legend="Wensen en ervaring">
      <WensKeuze {...{ f, toggle, err }} veld="sectoren" path="wensen.sectoren" optiePath="wensen.sector" legend="Gewenste sectoren" waarden={sectoren} labels={sectorLabel} />
      <WensKeuze {...{ f, toggle, err }} veld="vormen" path="wensen.vormen" optiePath="wensen.vorm" legend="Gewenste vormen" waarden={vormen} labels={vormLabel} />
      <TextField path="wensen.wensberoep" label="Wensberoep" value={f.wensberoep} onValue={(v) => set('wensberoep', v)} error={err('wensen.wensberoep')} required={false} description="Een realistische eerste stap op weg naar dit beroep telt ook als goede match." />
      <TextAreaField path="werkervaring" label="Werkervaring" rows={3} value={f.werkervaring} onValue={(v) => set('werkervaring', v)} error={err('werkervaring')} required={false} description="Met land, bijvoorbeeld: kok in een restaurant in Aleppo (Syrië), 6 jaar." />
      <TextAreaField path="opleiding" label="Opleiding" rows={3} value={f.opleiding} onValue={(v) => set('opleiding', v)} error={err('opleiding')} required={false} description="Met land, bijvoorbeeld: middelbare school in Konya (Turkije), afgerond." />
      <CheckboxField path="vca" label="Heeft een VCA-certificaat" checked={f.vca} onValue={(v) => set('vca', v)} error={err('vca')} />
    </Section>
  )
}

/** The wished sectoren or vormen: a checkbox per value, in three columns. */
function WensKeuze({ f, toggle, err, veld, path, optiePath, legend, waarden, labels }: Pick<SectieProps, 'f' | 'toggle' | 'err'> & {
  veld: ListKey<DeelnemerFormState>; path: string; optiePath: string; legend: string; waarden: readonly string[]; labels: Record<string, string>
}) {
  return (
    <VeldGroep path={path} legend={legend} required={false} error={err(path)}>
      <div class="pp-grid-3">
        {waarden.map((w) => (
          <CheckboxField key={w} path={`${optiePath}-${w}`} label={labels[w]} checked={f[veld].includes(w)} onValue={(on) => toggle(veld, w, on)} />
        ))}
      </div>
    </VeldGroep>
  )
}
