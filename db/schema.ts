import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { MailVoorkeur, Niveau, OrganisatieStatus, Rol, TaalrijkheidItem } from '../server/domain/enums.js'

// Timestamps are ISO 8601 strings in UTC ("2026-11-23T10:00:00.000Z"); dates are "2026-11-23".
// Structured parts of a plek that are only read whole (checklists, levels) are JSON columns;
// everything search or SQL filters on is a plain column.

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}

export const organisatie = sqliteTable('organisatie', {
  id: text('id').primaryKey(),
  naam: text('naam').notNull(),
  soort: text('soort').notNull(),
  postcode: text('postcode').notNull(),
  plaats: text('plaats').notNull(),
  contactpersoon: text('contactpersoon', { mode: 'json' }).$type<{ naam: string; email: string; telefoon: string }>().notNull(),
  kvkNummer: text('kvk_nummer'),
  /**
   * Self-registration (docs/aanmelden.md): 'onbevestigd' until the e-mail is confirmed, then
   * 'aangemeld' until a beheerder decides ('goedgekeurd' | 'afgewezen'). Only a goedgekeurd
   * organisatie publishes plekken; one made by a beheerder is goedgekeurd at once.
   */
  status: text('status').$type<OrganisatieStatus>().notNull().default('goedgekeurd'),
  ...timestamps,
}, (t) => [index('organisatie_kvk_idx').on(t.kvkNummer), index('organisatie_status_idx').on(t.status)])

export const gebruiker = sqliteTable(
  'gebruiker',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    naam: text('naam').notNull(),
    passwordHash: text('password_hash').notNull(),
    rol: text('rol').$type<Rol>().notNull(),
    organisatieId: text('organisatie_id').references(() => organisatie.id),
    actief: integer('actief', { mode: 'boolean' }).notNull().default(true),
    /** A beheerder of the whole installation: every gemeente (ADMIN_EMAIL is one). Only for operations, always audited. */
    platformBeheerder: integer('platform_beheerder', { mode: 'boolean' }).notNull().default(false),
    /** How meldingen reach this person by e-mail: 'direct' (each one), 'dagelijks' (a daily digest) or 'uit'. */
    mailVoorkeur: text('mail_voorkeur').$type<MailVoorkeur>().notNull().default('direct'),
    ...timestamps,
  },
  (t) => [uniqueIndex('gebruiker_email_uq').on(t.email)],
)

/** A gemeente: the boundary of deelnemer data (docs/privacy.md "De grens: gemeenten"). */
export const gemeente = sqliteTable(
  'gemeente',
  {
    id: text('id').primaryKey(),
    naam: text('naam').notNull(),
    /** CBS code, "GM" and four digits (GM0505 is Dordrecht). */
    cbsCode: text('cbs_code').notNull(),
    /** Proactive matching: a jobhunter hears of a new plek when a deelnemer of this gemeente scores at least this (0–100; a beheerder sets it). */
    matchDrempel: integer('match_drempel').notNull().default(70),
    ...timestamps,
  },
  (t) => [uniqueIndex('gemeente_cbs_code_uq').on(t.cbsCode)],
)

/** The werkgebied of a jobhunter, jobcoach or beheerder: the gemeenten whose deelnemers they work with. */
export const werkgebied = sqliteTable(
  'werkgebied',
  {
    gebruikerId: text('gebruiker_id').notNull().references(() => gebruiker.id, { onDelete: 'cascade' }),
    gemeenteId: text('gemeente_id').notNull().references(() => gemeente.id),
  },
  (t) => [primaryKey({ columns: [t.gebruikerId, t.gemeenteId] }), index('werkgebied_gemeente_idx').on(t.gemeenteId)],
)

export const sessie = sqliteTable(
  'sessie',
  {
    // sha-256 of the cookie token: a copy of the database alone does not yield live sessions
    tokenHash: text('token_hash').primaryKey(),
    gebruikerId: text('gebruiker_id')
      .notNull()
      .references(() => gebruiker.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessie_gebruiker_idx').on(t.gebruikerId)],
)

/** Login attempts, for the database-backed rate limit (works across instances, no Redis). */
export const loginPoging = sqliteTable(
  'login_poging',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sleutel: text('sleutel').notNull(), // "account:<sha256 e-mail>" or "adres:<ip>"
    at: text('at').notNull(),
  },
  (t) => [index('login_poging_sleutel_at_idx').on(t.sleutel, t.at)],
)

export const plek = sqliteTable(
  'plek',
  {
    id: text('id').primaryKey(),
    organisatieId: text('organisatie_id')
      .notNull()
      .references(() => organisatie.id),
    status: text('status').notNull(),
    titel: text('titel').notNull(),
    omschrijving: text('omschrijving').notNull(),
    beroep: text('beroep'),
    sector: text('sector').notNull(),
    vorm: text('vorm').notNull(),
    postcode: text('postcode').notNull(),
    plaats: text('plaats').notNull(),
    lat: real('lat').notNull(),
    lon: real('lon').notNull(),
    urenMin: integer('uren_min').notNull(),
    urenMax: integer('uren_max').notNull(),
    dagdelen: text('dagdelen', { mode: 'json' }).$type<string[]>().notNull(),
    capaciteit: integer('capaciteit').notNull(),
    bezet: integer('bezet').notNull().default(0),
    taalniveau: text('taalniveau', { mode: 'json' })
      .$type<{ spreken: Niveau; luisteren: Niveau; lezen: Niveau; schrijven: Niveau }>()
      .notNull(),
    lagerNiveauMetOndersteuning: integer('lager_niveau_met_ondersteuning', { mode: 'boolean' }).notNull(),
    taalrijkheid: text('taalrijkheid', { mode: 'json' }).$type<Record<TaalrijkheidItem, boolean>>().notNull(),
    taalrijkheidsscore: real('taalrijkheidsscore').notNull(),
    begeleiding: text('begeleiding', { mode: 'json' }).$type<string[]>().notNull(),
    opbouw: integer('opbouw', { mode: 'boolean' }).notNull(),
    fysiekeBelasting: text('fysieke_belasting').notNull(),
    werkdruk: text('werkdruk').notNull(),
    binnenSchooltijden: integer('binnen_schooltijden', { mode: 'boolean' }).notNull(),
    vereisten: text('vereisten', { mode: 'json' })
      .$type<{ rijbewijs: boolean; vog: boolean; vca: boolean; diploma?: string }>()
      .notNull(),
    vergoeding: text('vergoeding', { mode: 'json' }).$type<{ soort: string; bedragPerMaand?: number }>().notNull(),
    startdatum: text('startdatum'),
    duurWeken: integer('duur_weken'),
    publishedAt: text('published_at'),
    /** Bumped on every change; the indexer uses it to never apply an older state over a newer one. */
    versie: integer('versie').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('plek_organisatie_idx').on(t.organisatieId), index('plek_status_idx').on(t.status)],
)

/**
 * Search outbox: written in the same transaction as the plek change, drained by search/indexer.
 * A worker claims rows (claimedBy/claimedUntil); a crashed claim simply expires.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    plekId: text('plek_id').notNull(),
    versie: integer('versie').notNull(),
    createdAt: text('created_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: text('claimed_until'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    doneAt: text('done_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.doneAt, t.id)],
)


/**
 * A deelnemer: sensitive personal data (AVG). The profile is one JSON document (read and written
 * whole, validated by server/domain/deelnemer.ts); the columns beside it are what lists and
 * vraaggericht matching filter on in SQL.
 */
export const deelnemer = sqliteTable(
  'deelnemer',
  {
    id: text('id').primaryKey(),
    naam: text('naam').notNull(),
    status: text('status').notNull(),
    postcode: text('postcode').notNull(),
    plaats: text('plaats').notNull(),
    lat: real('lat').notNull(),
    lon: real('lon').notNull(),
    urenMin: integer('uren_min').notNull(),
    urenMax: integer('uren_max').notNull(),
    maxReisafstandKm: real('max_reisafstand_km').notNull(),
    profiel: text('profiel', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    toestemmingOp: text('toestemming_op'),
    /** Set when the personal data was erased (on request or by the retention rule); the row stays for the counts. */
    gewistOp: text('gewist_op'),
    createdBy: text('created_by').references(() => gebruiker.id),
    /**
     * The gemeente responsible for this person: nobody outside its werkgebied sees the row.
     * Required; the migration (0005) cannot add a REFERENCES clause to an existing table, so the
     * services check it against the gemeente table.
     */
    gemeenteId: text('gemeente_id').notNull(),
    /** The responsible jobhunter (caseload, "Mijn deelnemers"). */
    regievoerderId: text('regievoerder_id'),
    /**
     * Raised by the trigger deelnemer_versie (migration 0010) on every UPDATE of the row, so the
     * matcher's memory of a deelnemer (services/match-deelnemers.ts) knows when it is stale,
     * whichever code path changed the row.
     */
    versie: integer('versie').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('deelnemer_status_idx').on(t.status),
    index('deelnemer_naam_idx').on(t.naam),
    index('deelnemer_gemeente_idx').on(t.gemeenteId, t.naam),
    index('deelnemer_regievoerder_idx').on(t.regievoerderId),
    // vraaggericht candidates (server/services/matches.ts): zoekende deelnemers in a band of
    // latitude, everything the filter reads and the id and versie it answers in the index itself
    // (no table row is read); and the widest travel limit among them, which sets the band's width
    index('deelnemer_zoekend_geo_idx').on(t.status, t.lat, t.lon, t.maxReisafstandKm, t.gewistOp, t.gemeenteId, t.versie, t.id),
    index('deelnemer_reisafstand_idx').on(t.status, t.maxReisafstandKm),
  ],
)

/**
 * Weights of the matcher per richting, one row per change (never updated): the latest row is in
 * force, older rows say which weights produced an earlier result. No row means the defaults of
 * server/matching/config.ts (versie "standaard").
 */
export const matchingGewichten = sqliteTable(
  'matching_gewichten',
  {
    id: text('id').primaryKey(),
    richting: text('richting').notNull(),
    gewichten: text('gewichten', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    toelichting: text('toelichting').notNull(),
    gewijzigdDoor: text('gewijzigd_door').notNull().references(() => gebruiker.id),
    gewijzigdOp: text('gewijzigd_op').notNull(),
  },
  (t) => [index('matching_gewichten_richting_idx').on(t.richting, t.gewijzigdOp)],
)

/**
 * Audit log: who did what to which record, written in the same transaction as the change. Holds
 * ids and field names, never the personal data itself.
 */
export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    op: text('op').notNull(),
    gebruikerId: text('gebruiker_id'),
    rol: text('rol'),
    actie: text('actie').notNull(),
    objectSoort: text('object_soort').notNull(),
    objectId: text('object_id').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_object_idx').on(t.objectSoort, t.objectId), index('audit_op_idx').on(t.op)],
)

/**
 * A voorstel: one deelnemer proposed for one plek by a jobhunter, with the match as it was then
 * (score, criteria, weights version). `velden` are the deelnemer fields the werkgever may see;
 * at most one open (voorgesteld) voorstel per deelnemer–plek pair.
 */
export const voorstel = sqliteTable(
  'voorstel',
  {
    id: text('id').primaryKey(),
    deelnemerId: text('deelnemer_id').notNull().references(() => deelnemer.id),
    plekId: text('plek_id').notNull().references(() => plek.id),
    modus: text('modus').notNull(),
    status: text('status').notNull(),
    score: integer('score').notNull(),
    uitgesloten: integer('uitgesloten', { mode: 'boolean' }).notNull(),
    criteria: text('criteria', { mode: 'json' }).$type<{ code: string; score: number; knockout: boolean; kleur: string; uitleg: string }[]>().notNull(),
    gewichtenVersie: text('gewichten_versie').notNull(),
    velden: text('velden', { mode: 'json' }).$type<string[]>().notNull(),
    toelichting: text('toelichting'),
    jobcoachId: text('jobcoach_id').references(() => gebruiker.id),
    afwijsreden: text('afwijsreden'),
    beantwoordOp: text('beantwoord_op'),
    beantwoordDoor: text('beantwoord_door').references(() => gebruiker.id),
    createdBy: text('created_by').notNull().references(() => gebruiker.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('voorstel_open_paar_idx').on(t.deelnemerId, t.plekId).where(sql`status = 'voorgesteld'`),
    index('voorstel_plek_idx').on(t.plekId),
    index('voorstel_deelnemer_idx').on(t.deelnemerId),
  ],
)

/**
 * A plaatsing: an accepted voorstel, taking one unit of the plek's capaciteit while actief.
 * `volgendContactOp` and `laatsteContactOp` are kept with every nazorg entry so lists, the
 * agenda feed and the overdue flags need no scan of the log.
 */
export const plaatsing = sqliteTable(
  'plaatsing',
  {
    id: text('id').primaryKey(),
    voorstelId: text('voorstel_id').notNull().references(() => voorstel.id),
    deelnemerId: text('deelnemer_id').notNull().references(() => deelnemer.id),
    plekId: text('plek_id').notNull().references(() => plek.id),
    jobcoachId: text('jobcoach_id').references(() => gebruiker.id),
    status: text('status').notNull(),
    startdatum: text('startdatum').notNull(),
    urenMin: integer('uren_min').notNull(),
    urenMax: integer('uren_max').notNull(),
    dagdelen: text('dagdelen', { mode: 'json' }).$type<string[]>().notNull(),
    contactFrequentieDagen: integer('contact_frequentie_dagen').notNull(),
    volgendContactOp: text('volgend_contact_op').notNull(),
    laatsteContactOp: text('laatste_contact_op'),
    einddatum: text('einddatum'),
    eindreden: text('eindreden'),
    eindtoelichting: text('eindtoelichting'),
    /** Copied from the plek at the start, so monitor figures survive later plek changes and erasure. */
    sector: text('sector').notNull(),
    vorm: text('vorm').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('plaatsing_voorstel_idx').on(t.voorstelId),
    index('plaatsing_jobcoach_idx').on(t.jobcoachId, t.status, t.volgendContactOp),
    index('plaatsing_deelnemer_idx').on(t.deelnemerId),
    index('plaatsing_start_idx').on(t.startdatum),
  ],
)

/** One entry of a plaatsing's nazorg log. Append-only: a correction is a new entry that names the one it corrects. */
export const nazorgcontact = sqliteTable(
  'nazorgcontact',
  {
    id: text('id').primaryKey(),
    plaatsingId: text('plaatsing_id').notNull().references(() => plaatsing.id),
    datum: text('datum').notNull(),
    soort: text('soort').notNull(),
    met: text('met').notNull(),
    kanaal: text('kanaal').notNull(),
    samenvatting: text('samenvatting').notNull(),
    knelpunten: text('knelpunten', { mode: 'json' }).$type<string[]>().notNull(),
    acties: text('acties'),
    doorbraakbudget: text('doorbraakbudget', { mode: 'json' }).$type<{ bedrag: number; doel: string }>(),
    volgendContactOp: text('volgend_contact_op').notNull(),
    corrigeert: text('corrigeert'),
    createdBy: text('created_by').notNull().references(() => gebruiker.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('nazorg_plaatsing_idx').on(t.plaatsingId, t.datum)],
)

/** A jobcoach's secret agenda feed: only the hash of the token is stored; revoking deletes it. */
export const agendaToken = sqliteTable('agenda_token', {
  gebruikerId: text('gebruiker_id').primaryKey().references(() => gebruiker.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: text('created_at').notNull(),
})

/**
 * A melding: one signal for one gebruiker about something to act on (docs/meldingen.md). Written
 * in the transaction of the event itself; `gebeurtenis` names that event ("voorstel-nieuw:<id>"),
 * and the unique key per gebruiker makes writing it twice (a retry, a second instance) a no-op.
 * Titel and tekst never hold personal data of a deelnemer: they are also the e-mail's text.
 */
export const melding = sqliteTable(
  'melding',
  {
    id: text('id').primaryKey(),
    gebruikerId: text('gebruiker_id').notNull().references(() => gebruiker.id, { onDelete: 'cascade' }),
    soort: text('soort').notNull(),
    gebeurtenis: text('gebeurtenis').notNull(),
    titel: text('titel').notNull(),
    tekst: text('tekst').notNull(),
    /** A path in the web app where the person acts on it ("/voorstellen/…"). */
    link: text('link').notNull(),
    gelezenOp: text('gelezen_op'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('melding_gebeurtenis_uq').on(t.gebruikerId, t.gebeurtenis),
    index('melding_gebruiker_idx').on(t.gebruikerId, t.createdAt),
    index('melding_ongelezen_idx').on(t.gebruikerId, t.gelezenOp),
  ],
)

/**
 * E-mail outbox: one row per melding (soort 'melding', written in the same transaction) or per
 * daily digest (soort 'samenvatting', gebeurtenis "samenvatting:<datum>"). Unique per gebruiker and
 * gebeurtenis, so an event is mailed at most once. Workers claim rows (claimedBy/claimedUntil, as
 * the search outbox); a crashed claim runs out. `sentAt` is set once handled, `uitkomst` says how:
 * 'verzonden', 'uit' (the person wants no mail) or 'samenvatting' (went into digest `samenvattingId`).
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    gebruikerId: text('gebruiker_id').notNull().references(() => gebruiker.id, { onDelete: 'cascade' }),
    soort: text('soort').notNull(),
    gebeurtenis: text('gebeurtenis').notNull(),
    meldingId: text('melding_id').references(() => melding.id, { onDelete: 'cascade' }),
    samenvattingId: integer('samenvatting_id'),
    createdAt: text('created_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: text('claimed_until'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    uitkomst: text('uitkomst'),
  },
  (t) => [
    uniqueIndex('mail_outbox_gebeurtenis_uq').on(t.gebruikerId, t.gebeurtenis),
    index('mail_outbox_pending_idx').on(t.sentAt, t.id),
    index('mail_outbox_samenvatting_idx').on(t.samenvattingId),
  ],
)

/**
 * Proactive matching: one row per published state of a plek that matters for matching (dagdelen,
 * uren, taalniveau, place; `sleutel` is a hash of them), written in the publish or change
 * transaction. Unique per plek and sleutel, so a republish with the same state adds nothing; a
 * worker claims each row once (as the search outbox), runs vraaggericht and writes the meldingen.
 */
export const plekSignalering = sqliteTable(
  'plek_signalering',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    plekId: text('plek_id').notNull().references(() => plek.id),
    sleutel: text('sleutel').notNull(),
    createdAt: text('created_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: text('claimed_until'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    doneAt: text('done_at'),
    /** How many meldingen the run wrote (one per jobhunter). */
    meldingen: integer('meldingen'),
  },
  (t) => [uniqueIndex('plek_signalering_uq').on(t.plekId, t.sleutel), index('plek_signalering_pending_idx').on(t.doneAt, t.id)],
)

/**
 * A self-registration (docs/aanmelden.md): one per organisatie that signed up itself, with its
 * first account and the gemeente whose beheerders vet it (from the postcode; null when the
 * postcode lies in no gemeente of the installation: then the platform beheerders do).
 */
export const aanmelding = sqliteTable(
  'aanmelding',
  {
    organisatieId: text('organisatie_id').primaryKey().references(() => organisatie.id),
    gebruikerId: text('gebruiker_id').notNull().references(() => gebruiker.id),
    gemeenteId: text('gemeente_id').references(() => gemeente.id),
    bevestigdOp: text('bevestigd_op'),
    beoordeeldDoor: text('beoordeeld_door').references(() => gebruiker.id),
    beoordeeldOp: text('beoordeeld_op'),
    /** Why it was rejected (mailed to the organisatie); empty when approved. */
    reden: text('reden'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('aanmelding_gemeente_idx').on(t.gemeenteId, t.createdAt)],
)

/**
 * A link sent by e-mail that opens one thing once: confirming an address ('bevestigen', 24 h) or
 * accepting an invitation to an organisatie ('uitnodiging'). The link carries the id and an HMAC
 * of it (server/services/toegangslinks.ts), so the table holds nothing that works as a link alone.
 */
export const toegangslink = sqliteTable(
  'toegangslink',
  {
    id: text('id').primaryKey(),
    soort: text('soort').notNull(),
    gebruikerId: text('gebruiker_id').notNull().references(() => gebruiker.id, { onDelete: 'cascade' }),
    verlooptOp: text('verloopt_op').notNull(),
    gebruiktOp: text('gebruikt_op'),
    createdBy: text('created_by').references(() => gebruiker.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('toegangslink_gebruiker_idx').on(t.gebruikerId)],
)

/**
 * Two-step verification (TOTP, RFC 6238) of a beheerder who logs in with a password
 * (docs/security.md "Twee stappen"). The secret is stored encrypted under SESSION_SECRET;
 * `laatsteStap` is the last time step used, so a code works once. `bevestigdOp` is null while the
 * beheerder is still setting it up (the first correct code confirms it).
 */
export const tweestap = sqliteTable('tweestap', {
  gebruikerId: text('gebruiker_id')
    .primaryKey()
    .references(() => gebruiker.id, { onDelete: 'cascade' }),
  geheim: text('geheim').notNull(),
  laatsteStap: integer('laatste_stap'),
  bevestigdOp: text('bevestigd_op'),
  createdAt: text('created_at').notNull(),
})

/** One-time recovery codes for two-step verification, stored as hashes; each works once. */
export const herstelcode = sqliteTable(
  'herstelcode',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    gebruikerId: text('gebruiker_id')
      .notNull()
      .references(() => gebruiker.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull(),
    gebruiktOp: text('gebruikt_op'),
  },
  (t) => [index('herstelcode_gebruiker_idx').on(t.gebruikerId)],
)
