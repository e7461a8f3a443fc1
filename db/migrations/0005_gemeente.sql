CREATE TABLE `gemeente` (
	`id` text PRIMARY KEY NOT NULL,
	`naam` text NOT NULL,
	`cbs_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gemeente_cbs_code_uq` ON `gemeente` (`cbs_code`);--> statement-breakpoint
CREATE TABLE `werkgebied` (
	`gebruiker_id` text NOT NULL,
	`gemeente_id` text NOT NULL,
	PRIMARY KEY(`gebruiker_id`, `gemeente_id`),
	FOREIGN KEY (`gebruiker_id`) REFERENCES `gebruiker`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`gemeente_id`) REFERENCES `gemeente`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `werkgebied_gemeente_idx` ON `werkgebied` (`gemeente_id`);--> statement-breakpoint
-- Hand-edited (drizzle-kit cannot add a required column to a table with rows). SQLite allows no
-- REFERENCES on an added NOT NULL column, so the services check gemeente_id (docs/privacy.md).
-- The rule for existing data, documented in docs/privacy.md "Bestaande gegevens":
-- 1. a deelnemer whose plaats is one of the known gemeenten below belongs to that gemeente;
-- 2. every other deelnemer belongs to the gemeente "Onbekend" (GM0000), which a beheerder fixes;
-- 3. every existing jobhunter, jobcoach and beheerder gets all gemeenten made here (nobody loses
--    what they saw the day before; a beheerder narrows the werkgebied afterwards).
-- Only gemeenten that existing deelnemers need are made: a new database starts without any.
ALTER TABLE `deelnemer` ADD `gemeente_id` text NOT NULL DEFAULT '';--> statement-breakpoint
-- A plain table, dropped below, not a TEMP one: a libSQL server (sqld) refuses CREATE TEMP TABLE
-- ("unsupported statement"), and the whole migration runs in one transaction anyway.
CREATE TABLE `bekende_plaats` (`plaats` text NOT NULL, `cbs_code` text NOT NULL, `naam` text NOT NULL);--> statement-breakpoint
INSERT INTO `bekende_plaats` VALUES
	('Dordrecht', 'GM0505', 'Dordrecht'), ('Zwijndrecht', 'GM0642', 'Zwijndrecht'), ('Heerjansdam', 'GM0642', 'Zwijndrecht'),
	('Papendrecht', 'GM0590', 'Papendrecht'), ('Sliedrecht', 'GM0610', 'Sliedrecht'), ('Delft', 'GM0503', 'Delft'),
	('Roermond', 'GM0957', 'Roermond'), ('Herten', 'GM0957', 'Roermond'), ('Amsterdam', 'GM0363', 'Amsterdam'),
	('Rotterdam', 'GM0599', 'Rotterdam'), ('Den Haag', 'GM0518', '''s-Gravenhage'), ('Utrecht', 'GM0344', 'Utrecht');--> statement-breakpoint
INSERT INTO `gemeente` (`id`, `naam`, `cbs_code`, `created_at`, `updated_at`)
	SELECT DISTINCT 'gemeente-' || b.`cbs_code`, b.`naam`, b.`cbs_code`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	FROM `bekende_plaats` b WHERE EXISTS (SELECT 1 FROM `deelnemer` d WHERE d.`plaats` = b.`plaats`);--> statement-breakpoint
INSERT INTO `gemeente` (`id`, `naam`, `cbs_code`, `created_at`, `updated_at`)
	SELECT 'gemeente-GM0000', 'Onbekend', 'GM0000', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE EXISTS (SELECT 1 FROM `deelnemer` d WHERE d.`plaats` NOT IN (SELECT `plaats` FROM `bekende_plaats`));--> statement-breakpoint
UPDATE `deelnemer` SET `gemeente_id` = COALESCE(
	(SELECT 'gemeente-' || b.`cbs_code` FROM `bekende_plaats` b WHERE b.`plaats` = `deelnemer`.`plaats`), 'gemeente-GM0000');--> statement-breakpoint
DROP TABLE `bekende_plaats`;--> statement-breakpoint
ALTER TABLE `deelnemer` ADD `regievoerder_id` text;--> statement-breakpoint
CREATE INDEX `deelnemer_gemeente_idx` ON `deelnemer` (`gemeente_id`,`naam`);--> statement-breakpoint
CREATE INDEX `deelnemer_regievoerder_idx` ON `deelnemer` (`regievoerder_id`);--> statement-breakpoint
ALTER TABLE `gebruiker` ADD `platform_beheerder` integer DEFAULT false NOT NULL;--> statement-breakpoint
INSERT INTO `werkgebied` (`gebruiker_id`, `gemeente_id`)
	SELECT g.`id`, gm.`id` FROM `gebruiker` g, `gemeente` gm WHERE g.`rol` IN ('jobhunter', 'jobcoach', 'beheerder');