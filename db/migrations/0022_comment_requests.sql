CREATE TABLE `comment_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`party` text NOT NULL,
	`contact_email` text,
	`contact_phone` text,
	`contact_press_office` text,
	`contact_social` text,
	`channel` text NOT NULL,
	`asked_at` integer NOT NULL,
	`deadline` integer NOT NULL,
	`asked_by_id` integer NOT NULL,
	`notes` text,
	`outcome` text,
	`reply_text` text,
	`replied_at` integer,
	`reply_channel` text,
	`reply_logged_by_id` integer,
	`reply_logged_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`asked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reply_logged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_requests_claim_idx` ON `comment_requests` (`claim_id`,`asked_at`);--> statement-breakpoint
CREATE INDEX `comment_requests_article_idx` ON `comment_requests` (`article_id`);--> statement-breakpoint
CREATE INDEX `comment_requests_party_idx` ON `comment_requests` (`party`);--> statement-breakpoint
CREATE INDEX `comment_requests_open_idx` ON `comment_requests` (`outcome`,`deadline`);--> statement-breakpoint
CREATE TABLE `comment_waivers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`party` text NOT NULL,
	`reason` text NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_waivers_claim_idx` ON `comment_waivers` (`claim_id`);