CREATE TABLE `deelnemer` (
	`id` text PRIMARY KEY NOT NULL,
	`naam` text NOT NULL,
	`status` text NOT NULL,
	`postcode` text NOT NULL,
	`plaats` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`uren_min` integer NOT NULL,
	`uren_max` integer NOT NULL,
	`max_reisafstand_km` real NOT NULL,
	`profiel` text NOT NULL,
	`toestemming_op` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deelnemer_status_idx` ON `deelnemer` (`status`);--> statement-breakpoint
CREATE INDEX `deelnemer_naam_idx` ON `deelnemer` (`naam`);