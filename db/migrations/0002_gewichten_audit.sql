CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op` text NOT NULL,
	`gebruiker_id` text,
	`rol` text,
	`actie` text NOT NULL,
	`object_soort` text NOT NULL,
	`object_id` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_object_idx` ON `audit` (`object_soort`,`object_id`);--> statement-breakpoint
CREATE INDEX `audit_op_idx` ON `audit` (`op`);--> statement-breakpoint
CREATE TABLE `matching_gewichten` (
	`id` text PRIMARY KEY NOT NULL,
	`richting` text NOT NULL,
	`gewichten` text NOT NULL,
	`toelichting` text NOT NULL,
	`gewijzigd_door` text NOT NULL,
	`gewijzigd_op` text NOT NULL,
	FOREIGN KEY (`gewijzigd_door`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `matching_gewichten_richting_idx` ON `matching_gewichten` (`richting`,`gewijzigd_op`);