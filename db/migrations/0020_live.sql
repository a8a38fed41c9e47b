CREATE TABLE `live_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`article_id` integer,
	`claim_id` integer,
	`actor_id` integer,
	`recipient_id` integer,
	`audience` text DEFAULT 'everyone' NOT NULL,
	`source_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `presence` (
	`user_id` integer NOT NULL,
	`subject` text NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `subject`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `presence_subject_idx` ON `presence` (`subject`,`seen_at`);