import { useEffect, useMemo, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { api, call, ApiError } from '../api.js'
import { gebruiker } from '../session.js'
import { plekInput } from '../../../server/domain/plek.js'
import { taalrijkheidsscore } from '../../../server/domain/taalrijkheid.js'
import {
  begeleidingSoorten, belastingNiveaus, dagen, delen, niveaus, sectoren, taalrijkheidItems, vaardigheden, vergoedingSoorten, vormen,
} from '../../../server/domain/enums.js'
import { Alert, Button, CheckboxField, ErrorSummary, Laden, Section, SelectField, TextAreaField, TextField } from '../components/fields.js'
import { errorId, fieldId, orderedErrors, validate } from '../lib/form-errors.js'
import { useSave } from '../lib/use-save.js'
import { emptyPlekForm, plekBody, plekFormFrom, plekLijstVelden, plekVeldVolgorde, withoutNull, type PlekFormState } from '../lib/plek-form.js'
import {
  begeleidingLabel, belastingLabel, dagLabel, formatScore, sectorLabel, taalrijkheidLabel, vaardigheidLabel, vergoedingLabel, vormLabel,
} from '../lib/labels.js'

export function PlekNieuw() {
  return <PlekFormulier />
}

export function PlekBewerken() {
  const { params } = useRoute()
  const [start, setStart] = useState<{ form: PlekFormState; titel: string; status: string }>()
  const [fout, setFout] = useState<string>()
  useEffect(() => {
    call(api.plekken[':id'].$get({ param: { id: params.id! } }))
      .then((p) => setStart({ form: plekFormFrom(p), titel: p.titel, status: p.status }))
      .catch((e) => setFout(e instanceof ApiError ? e.message : 'De plek kon niet geladen worden.'))
  }, [params.id])
  if (fout) return <Alert type="error"><p class="utrecht-paragraph">{fout}</p></Alert>
  if (!start) return <Laden />
  return <PlekFormulier id={params.id} start={start.form} status={start.status} />
}

const opties = (waarden: readonly string[], labels?: Record<string, string>) => waarden.map((w) => [w, labels?.[w] ?? w] as const)

/**
 * What the werkgever typed is kept in this tab's sessionStorage until it is saved, so an expired
 * session (login, then back here) or a reload loses nothing. A plek holds no personal data.
 */
const conceptSleutel = (id?: string) => `plek-concept:${id ?? 'nieuw'}`
function readPlekConcept(id?: string): PlekFormState | undefined {
  try {
    const raw = sessionStorage.getItem(conceptSleutel(id))
    return raw ? (JSON.parse(raw) as PlekFormState) : undefined
  } catch {
    return undefined
  }
}

function PlekFormulier({ id, start, status }: { id?: string; start?: PlekFormState; status?: string }) {
  const { route } = useLocation()
  const [teruggezet] = useState(() => readPlekConcept(id))
  const [f, setF] = useState<PlekFormState>(teruggezet ?? start ?? emptyPlekForm())
  useEffect(() => {
    try {
      sessionStorage.setItem(conceptSleutel(id), JSON.stringify(f))
    } catch {
      // storage full or disabled: the form still works, only without this safety net
    }
  }, [f])
  const { fields, message, pogingen, busy, save } = useSave(plekLijstVelden)
  const [organisatieId, setOrganisatieId] = useState('')
  const [organisaties, setOrganisaties] = useState<[string, string][]>([])
  const beheerder = gebruiker.value?.rol === 'beheerder'

  useEffect(() => {
    if (beheerder && !id) call(api.organisaties.$get({ query: { perPage: '100' } })).then((l) => setOrganisaties(l.items.map((o) => [o.id, o.naam]))).catch(() => {})
  }, [beheerder])

  const set = <K extends keyof PlekFormState>(key: K, value: PlekFormState[K]) => setF((old) => ({ ...old, [key]: value }))
  const toggle = (key: 'dagdelen' | 'begeleiding', value: string, on: boolean) =>
    setF((old) => ({ ...old, [key]: on ? [...old[key].filter((v) => v !== value), value] : old[key].filter((v) => v !== value) }))
  const err = (path: string) => fields[path]
  const score = useMemo(() => taalrijkheidsscore(f.taalrijkheid), [f.taalrijkheid])

  async function submit(e: Event) {
    e.preventDefault()
    const body = plekBody(f, id ? 'patch' : 'post')
    if (beheerder && !id) body.organisatieId = organisatieId || undefined
    let opgeslagen = ''
    const check = validate(plekInput, withoutNull(body), plekLijstVelden)
    const saved = await save(check, async () => {
      const plek = id ? await call(api.plekken[':id'].$patch({ param: { id }, json: body })) : await call(api.plekken.$post({ json: body as never }))
      opgeslagen = plek.id
    })
    if (!saved) return
    sessionStorage.removeItem(conceptSleutel(id))
    route(`/mijn-plekken?opgeslagen=${encodeURIComponent(opgeslagen)}`)
  }

  return (
    <>
      <h1 class="utrecht-heading-1">{id ? 'Plek bewerken' : 'Nieuwe plek'}</h1>
      <p class="utrecht-paragraph pp-muted">
        {id ? `Status: ${status}. ` : 'De plek wordt opgeslagen als concept; u publiceert hem daarna vanuit Mijn plekken. '}
        Velden zonder “(niet verplicht)” zijn verplicht.
        {teruggezet && ' Uw nog niet opgeslagen invoer is teruggezet.'}
      </p>
      <form class="pp-form" onSubmit={submit} noValidate aria-describedby={undefined}>
        <ErrorSummary errors={orderedErrors(fields, plekVeldVolgorde)} message={message} focusKey={pogingen} />

        <Section legend="Werk">
          {beheerder && !id && (
            <SelectField path="organisatieId" label="Organisatie" value={organisatieId} onValue={setOrganisatieId} options={organisaties} placeholder="Kies een organisatie" error={err('organisatieId')} required />
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

        <Section legend="Tijden">
          <div class="pp-grid-2">
            <TextField path="urenPerWeek.min" label="Minimaal aantal uren per week" size="numeric" input={{ inputMode: 'numeric' }} value={f.urenMin} onValue={(v) => set('urenMin', v)} error={err('urenPerWeek.min') ?? err('urenPerWeek')} required />
            <TextField path="urenPerWeek.max" label="Maximaal aantal uren per week" size="numeric" input={{ inputMode: 'numeric' }} value={f.urenMax} onValue={(v) => set('urenMax', v)} error={err('urenPerWeek.max')} required />
          </div>
          <fieldset class={`utrecht-form-fieldset ${err('dagdelen') ? 'utrecht-form-fieldset--invalid pp-field--invalid' : ''}`} id={fieldId('dagdelen')} tabIndex={-1} aria-describedby={err('dagdelen') ? errorId('dagdelen') : 'dagdelen-uitleg'}>
            <legend class="utrecht-form-fieldset__legend" style="font-size: 1rem">Dagdelen waarop het werk plaatsvindt</legend>
            <p class="utrecht-form-field-description" id="dagdelen-uitleg">Deelnemers hebben op vaste dagdelen taalles; kies alleen de dagdelen waarop echt gewerkt wordt.</p>
            {err('dagdelen') && <p class="pp-error" id={errorId('dagdelen')}>{err('dagdelen')}</p>}
            <div class="pp-table-scroll">
              <table class="pp-dagdelen utrecht-table">
                <thead>
                  <tr>
                    <td />
                    {delen.map((d) => <th scope="col" key={d}>{d}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {dagen.map((dag) => (
                    <tr key={dag}>
                      <th scope="row">{dagLabel[dag]}</th>
                      {delen.map((deel) => {
                        const dd = `${dag}-${deel}`
                        return (
                          <td key={deel}>
                            <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={`dagdeel-${dd}`} name="dagdelen" value={dd}
                              checked={f.dagdelen.includes(dd)} onChange={(e) => toggle('dagdelen', dd, e.currentTarget.checked)}
                              aria-label={`${dagLabel[dag]}${deel}`} />
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
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

        <Section legend="Taal">
          <p class="utrecht-paragraph">Minimaal taalniveau per vaardigheid (A0 is geen Nederlands, B1 is het doel van de meeste inburgeraars).</p>
          <div class="pp-grid-2">
            {vaardigheden.map((v) => (
              <SelectField key={v} path={`taalniveau.${v}`} label={vaardigheidLabel[v]} value={f.taalniveau[v]} onValue={(n) => set('taalniveau', { ...f.taalniveau, [v]: n as never })} options={opties(niveaus)} error={err(`taalniveau.${v}`)} />
            ))}
          </div>
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

        <Section legend="Begeleiding" path="begeleiding" error={err('begeleiding')}>
          <p class="utrecht-paragraph">Welke begeleiding is er op de werkvloer?</p>
          {begeleidingSoorten.map((b) => (
            <CheckboxField key={b} path={`begeleiding-${b}`} label={begeleidingLabel[b]} checked={f.begeleiding.includes(b)} onValue={(v) => toggle('begeleiding', b, v)} />
          ))}
        </Section>

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

        <div class="pp-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig met opslaan…' : id ? 'Wijzigingen opslaan' : 'Plek opslaan'}</Button>
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/mijn-plekken">Annuleren</a>
        </div>
      </form>
    </>
  )
}
