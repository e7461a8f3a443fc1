CREATE TABLE `agenda_token` (
	`gebruiker_id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_token_token_hash_unique` ON `agenda_token` (`token_hash`);--> statement-breakpoint
CREATE TABLE `nazorgcontact` (
	`id` text PRIMARY KEY NOT NULL,
	`plaatsing_id` text NOT NULL,
	`datum` text NOT NULL,
	`soort` text NOT NULL,
	`met` text NOT NULL,
	`kanaal` text NOT NULL,
	`samenvatting` text NOT NULL,
	`knelpunten` text NOT NULL,
	`acties` text,
	`doorbraakbudget` text,
	`volgend_contact_op` text NOT NULL,
	`corrigeert` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plaatsing_id`) REFERENCES `plaatsing`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `nazorg_plaatsing_idx` ON `nazorgcontact` (`plaatsing_id`,`datum`);--> statement-breakpoint
CREATE TABLE `plaatsing` (
	`id` text PRIMARY KEY NOT NULL,
	`voorstel_id` text NOT NULL,
	`deelnemer_id` text NOT NULL,
	`plek_id` text NOT NULL,
	`jobcoach_id` text,
	`status` text NOT NULL,
	`startdatum` text NOT NULL,
	`uren_min` integer NOT NULL,
	`uren_max` integer NOT NULL,
	`dagdelen` text NOT NULL,
	`contact_frequentie_dagen` integer NOT NULL,
	`volgend_contact_op` text NOT NULL,
	`laatste_contact_op` text,
	`einddatum` text,
	`eindreden` text,
	`eindtoelichting` text,
	`sector` text NOT NULL,
	`vorm` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`voorstel_id`) REFERENCES `voorstel`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deelnemer_id`) REFERENCES `deelnemer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plek_id`) REFERENCES `plek`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`jobcoach_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plaatsing_voorstel_idx` ON `plaatsing` (`voorstel_id`);--> statement-breakpoint
CREATE INDEX `plaatsing_jobcoach_idx` ON `plaatsing` (`jobcoach_id`,`status`,`volgend_contact_op`);--> statement-breakpoint
CREATE INDEX `plaatsing_deelnemer_idx` ON `plaatsing` (`deelnemer_id`);--> statement-breakpoint
CREATE INDEX `plaatsing_start_idx` ON `plaatsing` (`startdatum`);--> statement-breakpoint
CREATE TABLE `voorstel` (
	`id` text PRIMARY KEY NOT NULL,
	`deelnemer_id` text NOT NULL,
	`plek_id` text NOT NULL,
	`modus` text NOT NULL,
	`status` text NOT NULL,
	`score` integer NOT NULL,
	`uitgesloten` integer NOT NULL,
	`criteria` text NOT NULL,
	`gewichten_versie` text NOT NULL,
	`velden` text NOT NULL,
	`toelichting` text,
	`jobcoach_id` text,
	`afwijsreden` text,
	`beantwoord_op` text,
	`beantwoord_door` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`deelnemer_id`) REFERENCES `deelnemer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plek_id`) REFERENCES `plek`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`jobcoach_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`beantwoord_door`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voorstel_open_paar_idx` ON `voorstel` (`deelnemer_id`,`plek_id`) WHERE status = 'voorgesteld';--> statement-breakpoint
CREATE INDEX `voorstel_plek_idx` ON `voorstel` (`plek_id`);--> statement-breakpoint
CREATE INDEX `voorstel_deelnemer_idx` ON `voorstel` (`deelnemer_id`);