CREATE TABLE `source_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`storage_key` text NOT NULL,
	`name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`url` text,
	`final_url` text,
	`created_by_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_files_storage_key_unique` ON `source_files` (`storage_key`);--> statement-breakpoint
CREATE INDEX `source_files_article_idx` ON `source_files` (`article_id`,`id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_claim_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text DEFAULT 'web' NOT NULL,
	`url` text,
	`title` text,
	`party` text,
	`occurred_at` text,
	`agency` text,
	`reference` text,
	`body` text,
	`file_id` integer,
	`snapshot_id` integer,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `source_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`snapshot_id`) REFERENCES `source_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Every source written before this migration is a web page (url, title).
INSERT INTO `__new_claim_sources`("id", "claim_id", "position", "kind", "url", "title") SELECT "id", "claim_id", "position", 'web', "url", "title" FROM `claim_sources`;--> statement-breakpoint
DROP TABLE `claim_sources`;--> statement-breakpoint
ALTER TABLE `__new_claim_sources` RENAME TO `claim_sources`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `claim_sources_claim_idx` ON `claim_sources` (`claim_id`,`position`);