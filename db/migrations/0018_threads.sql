CREATE TABLE `claim_mentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`mentioned_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `claim_messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `claim_message_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentioned_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_mentions_mentioned_idx` ON `claim_mentions` (`mentioned_id`,`id`);--> statement-breakpoint
CREATE INDEX `claim_mentions_message_idx` ON `claim_mentions` (`message_id`);--> statement-breakpoint
CREATE TABLE `claim_message_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `claim_messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_message_versions_message_idx` ON `claim_message_versions` (`message_id`,`id`);--> statement-breakpoint
CREATE TABLE `claim_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`kind` text DEFAULT 'message' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_messages_claim_idx` ON `claim_messages` (`claim_id`,`id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `owner_id` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `articles_owner_idx` ON `articles` (`owner_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `claims` ADD `assigned_to_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `assigned_at` integer;--> statement-breakpoint
CREATE INDEX `claims_stage_assigned_idx` ON `claims` (`stage`,`assigned_to_id`);