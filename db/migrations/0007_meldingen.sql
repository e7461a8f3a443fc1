CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gebruiker_id` text NOT NULL,
	`soort` text NOT NULL,
	`gebeurtenis` text NOT NULL,
	`melding_id` text,
	`samenvatting_id` integer,
	`created_at` text NOT NULL,
	`claimed_by` text,
	`claimed_until` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`sent_at` text,
	`uitkomst` text,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`melding_id`) REFERENCES `melding`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_gebeurtenis_uq` ON `mail_outbox` (`gebruiker_id`,`gebeurtenis`);--> statement-breakpoint
CREATE INDEX `mail_outbox_pending_idx` ON `mail_outbox` (`sent_at`,`id`);--> statement-breakpoint
CREATE INDEX `mail_outbox_samenvatting_idx` ON `mail_outbox` (`samenvatting_id`);--> statement-breakpoint
CREATE TABLE `melding` (
	`id` text PRIMARY KEY NOT NULL,
	`gebruiker_id` text NOT NULL,
	`soort` text NOT NULL,
	`gebeurtenis` text NOT NULL,
	`titel` text NOT NULL,
	`tekst` text NOT NULL,
	`link` text NOT NULL,
	`gelezen_op` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `melding_gebeurtenis_uq` ON `melding` (`gebruiker_id`,`gebeurtenis`);--> statement-breakpoint
CREATE INDEX `melding_gebruiker_idx` ON `melding` (`gebruiker_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `melding_ongelezen_idx` ON `melding` (`gebruiker_id`,`gelezen_op`);--> statement-breakpoint
CREATE TABLE `plek_signalering` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plek_id` text NOT NULL,
	`sleutel` text NOT NULL,
	`created_at` text NOT NULL,
	`claimed_by` text,
	`claimed_until` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`done_at` text,
	`meldingen` integer,
	FOREIGN KEY (`plek_id`) REFERENCES `plek`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plek_signalering_uq` ON `plek_signalering` (`plek_id`,`sleutel`);--> statement-breakpoint
CREATE INDEX `plek_signalering_pending_idx` ON `plek_signalering` (`done_at`,`id`);--> statement-breakpoint
ALTER TABLE `gebruiker` ADD `mail_voorkeur` text DEFAULT 'direct' NOT NULL;--> statement-breakpoint
ALTER TABLE `gemeente` ADD `match_drempel` integer DEFAULT 70 NOT NULL;