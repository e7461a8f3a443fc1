DROP INDEX `deelnemer_zoekend_geo_idx`;--> statement-breakpoint
ALTER TABLE `deelnemer` ADD `versie` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `deelnemer_zoekend_geo_idx` ON `deelnemer` (`status`,`lat`,`lon`,`max_reisafstand_km`,`gewist_op`,`gemeente_id`,`versie`,`id`);--> statement-breakpoint
-- Every change of a deelnemer row raises its versie, whichever statement made it: the matcher's
-- memory (server/services/match-deelnemers.ts) trusts an entry only at the row's current versie.
-- A statement that sets versie itself is left alone (and no trigger runs recursively).
CREATE TRIGGER `deelnemer_versie` AFTER UPDATE ON `deelnemer` FOR EACH ROW WHEN new.`versie` = old.`versie`
BEGIN
  UPDATE `deelnemer` SET `versie` = old.`versie` + 1 WHERE `id` = new.`id`;
END;
