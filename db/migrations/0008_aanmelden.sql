CREATE TABLE `aanmelding` (
	`organisatie_id` text PRIMARY KEY NOT NULL,
	`gebruiker_id` text NOT NULL,
	`gemeente_id` text,
	`bevestigd_op` text,
	`beoordeeld_door` text,
	`beoordeeld_op` text,
	`reden` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisatie_id`) REFERENCES `organisatie`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gemeente_id`) REFERENCES `gemeente`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`beoordeeld_door`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `aanmelding_gemeente_idx` ON `aanmelding` (`gemeente_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `toegangslink` (
	`id` text PRIMARY KEY NOT NULL,
	`soort` text NOT NULL,
	`gebruiker_id` text NOT NULL,
	`verloopt_op` text NOT NULL,
	`gebruikt_op` text,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `toegangslink_gebruiker_idx` ON `toegangslink` (`gebruiker_id`);--> statement-breakpoint
ALTER TABLE `organisatie` ADD `status` text DEFAULT 'goedgekeurd' NOT NULL;--> statement-breakpoint
CREATE INDEX `organisatie_kvk_idx` ON `organisatie` (`kvk_nummer`);--> statement-breakpoint
CREATE INDEX `organisatie_status_idx` ON `organisatie` (`status`);