CREATE TABLE `gebruiker` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`naam` text NOT NULL,
	`password_hash` text NOT NULL,
	`rol` text NOT NULL,
	`organisatie_id` text,
	`actief` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gebruiker_email_uq` ON `gebruiker` (`email`);--> statement-breakpoint
CREATE TABLE `login_poging` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sleutel` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_poging_sleutel_at_idx` ON `login_poging` (`sleutel`,`at`);--> statement-breakpoint
CREATE TABLE `organisatie` (
	`id` text PRIMARY KEY NOT NULL,
	`naam` text NOT NULL,
	`soort` text NOT NULL,
	`postcode` text NOT NULL,
	`plaats` text NOT NULL,
	`contactpersoon` text NOT NULL,
	`kvk_nummer` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plek_id` text NOT NULL,
	`versie` integer NOT NULL,
	`created_at` text NOT NULL,
	`claimed_by` text,
	`claimed_until` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`done_at` text
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`done_at`,`id`);--> statement-breakpoint
CREATE TABLE `plek` (
	`id` text PRIMARY KEY NOT NULL,
	`organisatie_id` text NOT NULL,
	`status` text NOT NULL,
	`titel` text NOT NULL,
	`omschrijving` text NOT NULL,
	`beroep` text,
	`sector` text NOT NULL,
	`vorm` text NOT NULL,
	`postcode` text NOT NULL,
	`plaats` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`uren_min` integer NOT NULL,
	`uren_max` integer NOT NULL,
	`dagdelen` text NOT NULL,
	`capaciteit` integer NOT NULL,
	`bezet` integer DEFAULT 0 NOT NULL,
	`taalniveau` text NOT NULL,
	`lager_niveau_met_ondersteuning` integer NOT NULL,
	`taalrijkheid` text NOT NULL,
	`taalrijkheidsscore` real NOT NULL,
	`begeleiding` text NOT NULL,
	`opbouw` integer NOT NULL,
	`fysieke_belasting` text NOT NULL,
	`werkdruk` text NOT NULL,
	`binnen_schooltijden` integer NOT NULL,
	`vereisten` text NOT NULL,
	`vergoeding` text NOT NULL,
	`startdatum` text,
	`duur_weken` integer,
	`published_at` text,
	`versie` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plek_organisatie_idx` ON `plek` (`organisatie_id`);--> statement-breakpoint
CREATE INDEX `plek_status_idx` ON `plek` (`status`);--> statement-breakpoint
CREATE TABLE `sessie` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`gebruiker_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessie_gebruiker_idx` ON `sessie` (`gebruiker_id`);