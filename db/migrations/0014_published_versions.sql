CREATE TABLE `claim_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`note` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`created_by_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `summary_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_corrections_article_idx` ON `claim_corrections` (`article_id`,`id`);--> statement-breakpoint
CREATE INDEX `claim_corrections_claim_idx` ON `claim_corrections` (`claim_id`,`version_id`);--> statement-breakpoint
CREATE INDEX `claim_corrections_created_idx` ON `claim_corrections` (`created_at`);--> statement-breakpoint
CREATE TABLE `summary_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`number` integer NOT NULL,
	`published_by_id` integer NOT NULL,
	`channel` text NOT NULL,
	`language` text NOT NULL,
	`content_hash` text NOT NULL,
	`fingerprint` text NOT NULL,
	`claim_ids` text NOT NULL,
	`md` text NOT NULL,
	`html` text NOT NULL,
	`json` text NOT NULL,
	`csv` text NOT NULL,
	`claimreview` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `summary_versions_article_number_idx` ON `summary_versions` (`article_id`,`number`);--> statement-breakpoint
CREATE INDEX `summary_versions_created_idx` ON `summary_versions` (`created_at`);