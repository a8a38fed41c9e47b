CREATE TABLE `article_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`number` integer NOT NULL,
	`body` text NOT NULL,
	`source` text NOT NULL,
	`origin` text,
	`created_by_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_revisions_number_idx` ON `article_revisions` (`article_id`,`number`);--> statement-breakpoint
ALTER TABLE `claims` ADD `prefix` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `suffix` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `anchor_state` text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `anchor_revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `anchor_proposal` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `review_reason` text;--> statement-breakpoint
CREATE INDEX `claims_anchor_state_idx` ON `claims` (`anchor_state`,`article_id`);