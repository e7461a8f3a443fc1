import { and, count, eq, like } from 'drizzle-orm'
import { deelnemer, gebruiker, plek, voorstel } from '../../db/schema.js'
import type { Actor, Deps } from '../context.js'
import { datumInNederland, fixedClock, addDays } from '../clock.js'
import { createVoorstel, acceptVoorstel, declineVoorstel } from '../services/voorstellen.js'
import { endPlaatsing, addNazorgcontact } from '../services/plaatsingen.js'
import { evaluatePair } from '../services/matches.js'
import type { NazorgInput } from '../domain/plaatsing.js'

// Voorstellen, plaatsingen and nazorg history for the demo, made through the real services with
// a clock moved back in time, so every figure is consistent: capaciteit, deelnemer status, due
// dates, the monitor. Dates are relative to today, so "achterstallig" means something on any
// day the demo starts. Runs once: when the demo plekken were just made (by this instance, see
// seedDemo) and the database holds no voorstel yet.
//
// Roermond deelnemers are placed by Roermond's own staff (the Drechtsteden and Delft ones stay zoekend);
// two fitting Dordrecht deelnemers are proposed to the demo werkgever's woonzorgcentrum: one waits
// for an answer, one was declined.

interface Verloop {
  deelnemer: string
  /** Days ago the plaatsing started. */
  start: number
  /** Days after the start of each contact (the last ones may be long ago: overdue, silent). */
  contacten: number[]
  knelpunten?: string[][]
  einde?: { na: number; eindreden: 'werk-gevonden' | 'vervoer' | 'kinderopvang' | 'gezondheid' | 'taal' }
}

const verlopen: Verloop[] = [
  { deelnemer: 'filmon-tesfamariam', start: 200, contacten: [0, 14, 28, 42, 56, 84, 112, 140], knelpunten: [['rooster'], [], ['taal'], [], [], [], ['financien'], []], einde: { na: 150, eindreden: 'werk-gevonden' } },
  { deelnemer: 'abdulrahman-hamid', start: 170, contacten: [0, 14, 30], knelpunten: [['vervoer'], ['vervoer'], ['vervoer', 'rooster']], einde: { na: 40, eindreden: 'vervoer' } },
  { deelnemer: 'roya-sultani', start: 150, contacten: [0, 14, 28, 42, 56, 70, 84], knelpunten: [['kinderopvang'], [], ['kinderopvang'], [], ['kinderopvang', 'absentie'], [], []], einde: { na: 95, eindreden: 'kinderopvang' } },
  { deelnemer: 'mustafa-aydin', start: 130, contacten: [0, 14, 28, 42, 56, 70, 84, 98, 112, 126], knelpunten: [['taal'], ['taal'], [], ['samenwerking'], [], [], [], ['taal'], [], []] },
  { deelnemer: 'andrii-lysenko', start: 100, contacten: [0, 14, 28, 42, 56], knelpunten: [[], ['werkhouding'], [], [], ['cultuur']] },
  { deelnemer: 'khaled-yousef', start: 75, contacten: [0, 14, 28, 42, 56, 70], knelpunten: [['rooster'], [], [], ['gezondheid'], [], []] },
  { deelnemer: 'nasra-ali', start: 60, contacten: [0, 14, 28, 42], knelpunten: [['taal', 'cultuur'], ['taal'], [], []] },
  { deelnemer: 'helen-yohannes', start: 40, contacten: [0, 10], knelpunten: [['vervoer'], []] },
  { deelnemer: 'yassin-bouazza', start: 21, contacten: [0], knelpunten: [['financien']] },
  { deelnemer: 'dawit-abraha', start: 5, contacten: [] },
]

const samenvattingen = [
  'Startgesprek met deelnemer en werkbegeleider: taken, rooster en buddy afgesproken.',
  'Gaat goed; deelnemer durft steeds vaker zelf vragen te stellen aan collega’s.',
  'Werkbegeleider is tevreden over inzet; de vaktaal blijft lastig, woordenlijst meegegeven.',
  'Rooster botst soms met de taalles; met de teamleider een vaste dag afgesproken.',
  'Kort telefonisch contact: geen bijzonderheden, volgende keer weer op locatie.',
]

export async function seedDemoJourney(deps: Deps) {
  const [telling] = await deps.db.select({ n: count() }).from(voorstel)
  if ((telling?.n ?? 0) > 0) return
  const account = async (email: string): Promise<Actor> => {
    const [g] = await deps.db.select().from(gebruiker).where(eq(gebruiker.email, email))
    return { id: g!.id, email: g!.email, naam: g!.naam, rol: g!.rol, organisatieId: g!.organisatieId }
  }
  // Roermond has its own jobhunter and jobcoach; the Drechtsteden voorstellen are the regional jobhunter's
  const jobhunterRoermond = await account('jobhunter.roermond@demo.example')
  const jobcoach = await account('jobcoach@demo.example')
  const jobhunter = await account('jobhunter@demo.example')
  const jobcoachDrechtsteden = await account('jobcoach.drechtsteden@demo.example')
  const beheerder = await account('beheerder@demo.example')
  const werkgever = await account('werkgever@demo.example')
  const vandaag = datumInNederland(deps.clock.now())
  const clock = fixedClock(deps.clock.now())
  const op = (datum: string, actor: Actor) => {
    clock.set(`${datum}T09:30:00Z`)
    return { ...deps, search: undefined, clock, actor }
  }

  /** The best fitting open plek in the deelnemer's region, by the matcher itself. */
  const findBestPlek = async (deelnemerId: string, postcodePrefix: string) => {
    const [d] = await deps.db.select().from(deelnemer).where(eq(deelnemer.id, deelnemerId))
    const open = await deps.db.select().from(plek).where(and(eq(plek.status, 'gepubliceerd'), like(plek.postcode, `${postcodePrefix}%`)))
    let beste: { id: string; score: number } | undefined
    for (const p of open) {
      if (p.bezet >= p.capaciteit) continue
      const m = await evaluatePair({ ...deps, actor: jobhunterRoermond }, d!, p, 'aanbodgericht')
      if (!m.uitgesloten && (!beste || m.score > beste.score)) beste = { id: p.id, score: m.score }
    }
    return beste?.id
  }

  for (const [i, v] of verlopen.entries()) {
    const deelnemerId = `demo-deelnemer-${v.deelnemer}`
    const plekId = await findBestPlek(deelnemerId, '60')
    if (!plekId) continue
    const start = addDays(vandaag, -v.start)
    const voorstelDag = addDays(start, -10)
    const vs = await createVoorstel({
      ctx: op(voorstelDag, jobhunterRoermond),
      input: { deelnemerId, plekId, modus: i % 3 === 0 ? 'vraaggericht' : 'aanbodgericht', toelichting: 'Gemotiveerd en goed bereikbaar; past bij de wensen uit de intake.', velden: ['naam', 'taalniveau', 'beschikbareDagdelen', 'urenPerWeek', 'werkervaring'], jobcoachId: jobcoach.id },
    })
    const plaatsing = await acceptVoorstel({ ctx: op(addDays(voorstelDag, 3), beheerder), id: vs.id, input: { startdatum: start } })
    for (const [k, dag] of v.contacten.entries()) {
      if (v.einde && dag > v.einde.na) break
      const datum = addDays(start, dag)
      const input: NazorgInput = {
        datum,
        soort: k === 0 ? 'startgesprek' : k % 4 === 3 ? 'voortgangsgesprek' : 'contactmoment',
        met: k === 0 || k % 4 === 3 ? 'beiden' : k % 2 ? 'deelnemer' : 'werkgever',
        kanaal: k === 0 || k % 4 === 3 ? 'bezoek' : 'telefoon',
        samenvatting: samenvattingen[k % samenvattingen.length]!,
        knelpunten: (v.knelpunten?.[k] ?? []) as NazorgInput['knelpunten'],
        ...(k === 1 && v.deelnemer === 'khaled-yousef' ? { doorbraakbudget: { bedrag: 450, doel: 'Tweedehands e-bike voor woon-werkverkeer' } } : {}),
      }
      await addNazorgcontact({ ctx: op(datum, jobcoach), id: plaatsing.id, input })
    }
    if (v.einde) {
      const einddatum = addDays(start, v.einde.na)
      await endPlaatsing({ ctx: op(einddatum, jobcoach), id: plaatsing.id, input: { einddatum, eindreden: v.einde.eindreden } })
    }
  }

  // The demo werkgever has one voorstel waiting and declined one earlier.
  // the plek of the woonzorgcentrum that most Dordrecht deelnemers fit, and its best fits
  // (not excluded), so the werkgever sees sensible proposals
  const plekken = await deps.db.select().from(plek).where(and(eq(plek.organisatieId, werkgever.organisatieId!), eq(plek.status, 'gepubliceerd')))
  const kandidaten = (await deps.db.select().from(deelnemer).where(and(eq(deelnemer.status, 'zoekend'), like(deelnemer.postcode, '33%')))).filter(
    (d) => (d.profiel as { toestemmingDelen?: boolean }).toestemmingDelen === true,
  )
  let woonzorg: (typeof plekken)[number] | undefined
  let passend: { id: string; score: number }[] = []
  for (const p of plekken) {
    const fits: { id: string; score: number }[] = []
    for (const d of kandidaten) {
      const m = await evaluatePair({ ...deps, actor: jobhunter }, d, p, 'vraaggericht')
      if (!m.uitgesloten) fits.push({ id: d.id, score: m.score })
    }
    if (fits.length > passend.length) [woonzorg, passend] = [p, fits]
  }
  if (!woonzorg) return
  passend.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
  // two, so that fitting deelnemers with consent are left for the user to propose themselves
  const gekozen = passend.slice(0, 2)
  for (const [i, { id: deelnemerId }] of gekozen.entries()) {
    const vs = await createVoorstel({
      ctx: op(addDays(vandaag, -6 + i), jobhunter),
      input: { deelnemerId, plekId: woonzorg.id, modus: 'vraaggericht', toelichting: i === 0 ? 'Heeft in het land van herkomst in de ouderenzorg gewerkt; wil graag weer met mensen werken.' : undefined, velden: ['naam', 'taalniveau', 'beschikbareDagdelen', 'urenPerWeek', 'werkervaring'], jobcoachId: jobcoachDrechtsteden.id },
    })
    if (i === 1) await declineVoorstel({ ctx: op(addDays(vandaag, -2), werkgever), id: vs.id, reden: 'Op de gevraagde dagdelen is geen begeleider aanwezig.' })
  }
}
