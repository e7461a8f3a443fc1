import { gebruiker } from '../session.js'
import { useEffect, useState } from 'preact/hooks'
import { api, call, ApiError } from '../api.js'
import { gebruikerInput } from '../../../server/domain/gebruiker.js'
import { rollen } from '../../../server/domain/enums.js'
import { Alert, Button, CheckboxField, ErrorSummary, Laden, Section, SelectField, TextField } from '../components/fields.js'
import { Cel, Tabel } from '../components/tabel.js'
import { ConfirmPanel } from '../components/confirm-panel.js'
import { orderedErrors, validate } from '../lib/form-errors.js'
import { useLoad } from '../lib/use-load.js'
import { useSave } from '../lib/use-save.js'
import { rolLabel } from '../lib/labels.js'

const load = (signal: AbortSignal) => call(api.gebruikers.$get({ query: { perPage: '100' } }, { init: { signal } }))
const leeg = { email: '', naam: '', rol: 'jobhunter', organisatieId: '', wachtwoord: '' }

export function BeheerGebruikers() {
  const { data: lijst, fout: laadFout, reload } = useLoad(load, [], 'Laden lukte niet.')
  const [orgs, setOrgs] = useState<[string, string][]>([])
  // the gemeenten of the beheerder's own werkgebied: the only ones a new account can get
  const [gemeenten, setGemeenten] = useState<{ id: string; naam: string }[]>([])
  const [werkgebied, setWerkgebied] = useState<string[]>([])
  const [actieFout, setActieFout] = useState<string>()
  const [melding, setMelding] = useState<string>()
  // disabling an account is asked again in place, like Sluiten and Intrekken: one click is not enough
  const [uitschakelen, setUitschakelen] = useState<string>()
  const [f, setF] = useState(leeg)
  const { fields, message, pogingen, busy, save } = useSave()
  const fout = actieFout ?? laadFout?.message
  useEffect(() => {
    call(api.organisaties.$get({ query: { perPage: '100' } })).then((l) => setOrgs(l.items.map((o) => [o.id, o.naam]))).catch(() => {})
    call(api.gemeenten.$get()).then((l) => { setGemeenten(l.items); setWerkgebied(l.items.map((g) => g.id)) }).catch(() => {})
  }, [])
  const naamVan = new Map(gemeenten.map((g) => [g.id, g.naam]))
  const gebiedTekst = (g: { rol: string; platformBeheerder?: boolean; werkgebied?: string[] }) =>
    g.rol === 'werkgever' ? '—' : g.platformBeheerder ? 'Alle gemeenten (platformbeheerder)' : (g.werkgebied ?? []).map((id) => naamVan.get(id) ?? 'andere gemeente').sort().join(', ') || 'Geen'
  const kiesGebied = f.rol !== 'werkgever' && gemeenten.length > 1
  const set = (k: keyof typeof leeg) => (v: string) => setF((o) => ({ ...o, [k]: v }))

  async function create(e: Event) {
    e.preventDefault()
    const body = { email: f.email, naam: f.naam, rol: f.rol, wachtwoord: f.wachtwoord, ...(f.rol === 'werkgever' && f.organisatieId ? { organisatieId: f.organisatieId } : {}), ...(kiesGebied ? { werkgebied } : {}) }
    const saved = await save(validate(gebruikerInput, body), () => call(api.gebruikers.$post({ json: body as never })))
    if (!saved) return
    setMelding(`Het account voor ${f.email} is aangemaakt.`)
    setF(leeg)
    setWerkgebied(gemeenten.map((g) => g.id))
    reload()
  }

  async function setActief(id: string, actief: boolean, naam: string) {
    try {
      await call(api.gebruikers[':id'].$patch({ param: { id }, json: { actief } }))
      setUitschakelen(undefined)
      setMelding(actief ? `${naam} kan weer inloggen.` : `${naam} is uitgeschakeld en kan niet meer inloggen.`)
      reload()
    } catch (err) { setActieFout(err instanceof ApiError ? err.message : 'Dat lukte niet.') }
  }
  const terugNaarKnop = (id: string) => {
    setUitschakelen(undefined)
    setTimeout(() => document.getElementById(`uitschakelen-${id}`)?.focus(), 0)
  }

  return (
    <>
      <h1 class="utrecht-heading-1">Gebruikers</h1>
      <div aria-live="polite" class="pp-status-line">{melding && <Alert type="ok" tekst={melding} />}</div>
      {fout && <Alert type="error" tekst={fout} />}
      {!lijst ? !fout && <Laden /> : (
        <Tabel caption="Alle accounts" class="pp-table--stapel" kolommen={['Naam', 'E-mailadres', 'Rol', 'Werkgebied', 'Status', 'Actie']}>
          {lijst.items.map((g) => (
            <tr class="utrecht-table__row" key={g.id}>
              <td class="utrecht-table__cell">{g.naam}</td><Cel label="E-mailadres">{g.email}</Cel><Cel label="Rol">{rolLabel[g.rol]}</Cel>
              <Cel label="Werkgebied">{gebiedTekst(g)}</Cel>
              <Cel label="Status">{g.actief === false ? 'Uitgeschakeld' : 'Actief'}</Cel>
              <td class="utrecht-table__cell">
                {g.id === gebruiker.value?.id ? <span class="pp-muted">Uw eigen account</span> : g.actief === false
                  ? <Button onClick={() => setActief(g.id, true, g.naam)} aria-label={`${g.naam} weer inschakelen`}>Inschakelen</Button>
                  : uitschakelen === g.id
                    ? <ConfirmPanel id={`uitschakelen-vraag-${g.id}`} vraag={<>{g.naam} uitschakelen? Dit account kan dan niet meer inloggen; u kunt het later weer inschakelen.</>}
                        ja="Ja, uitschakelen" onJa={() => setActief(g.id, false, g.naam)} onNee={() => terugNaarKnop(g.id)} />
                    : <Button id={`uitschakelen-${g.id}`} onClick={() => { setMelding(undefined); setUitschakelen(g.id) }} aria-label={`${g.naam} uitschakelen`}>Uitschakelen</Button>}
              </td>
            </tr>
          ))}
        </Tabel>
      )}
      <h2 class="utrecht-heading-2">Nieuw account</h2>
      <form class="pp-form" onSubmit={create} noValidate style="max-width: 44rem">
        <ErrorSummary errors={orderedErrors(fields, ['email', 'naam', 'rol', 'organisatieId', 'werkgebied', 'wachtwoord'])} message={message} focusKey={pogingen} />
        <Section legend="Account">
          <TextField path="email" label="E-mailadres" type="email" value={f.email} onValue={set('email')} error={fields.email} required input={{ autoComplete: 'off' }} />
          <TextField path="naam" label="Naam" value={f.naam} onValue={set('naam')} error={fields.naam} required input={{ autoComplete: 'off' }} />
          <SelectField path="rol" label="Rol" value={f.rol} onValue={set('rol')} options={rollen.map((r) => [r, rolLabel[r]!] as const)} error={fields.rol} />
          {f.rol === 'werkgever' && (
            <SelectField path="organisatieId" label="Organisatie" value={f.organisatieId} onValue={set('organisatieId')} options={orgs} placeholder="Kies een organisatie" error={fields.organisatieId} required />
          )}
          {kiesGebied && (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-label">Werkgebied: de gemeenten van wie dit account de deelnemers ziet</legend>
              {gemeenten.map((g) => (
                <CheckboxField key={g.id} path={`werkgebied.${g.id}`} label={g.naam} checked={werkgebied.includes(g.id)}
                  onValue={(aan) => setWerkgebied((w) => (aan ? [...w, g.id] : w.filter((x) => x !== g.id)))} />
              ))}
              {fields.werkgebied && <p class="utrecht-form-field-error-message">{fields.werkgebied}</p>}
            </fieldset>
          )}
          <TextField path="wachtwoord" label="Eerste wachtwoord" type="password" value={f.wachtwoord} onValue={set('wachtwoord')} error={fields.wachtwoord} required description="Minstens 12 tekens. Geef het wachtwoord persoonlijk door." input={{ autoComplete: 'new-password' }} />
        </Section>
        <Button type="submit" variant="primary" busy={busy} disabled={busy}>{busy ? 'Bezig…' : 'Account aanmaken'}</Button>
      </form>
    </>
  )
}
