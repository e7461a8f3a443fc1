CREATE TABLE `herstelcode` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gebruiker_id` text NOT NULL,
	`hash` text NOT NULL,
	`gebruikt_op` text,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `herstelcode_gebruiker_idx` ON `herstelcode` (`gebruiker_id`);--> statement-breakpoint
CREATE TABLE `tweestap` (
	`gebruiker_id` text PRIMARY KEY NOT NULL,
	`geheim` text NOT NULL,
	`laatste_stap` integer,
	`bevestigd_op` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE cascade
);
