ALTER TABLE `claims` ADD `suggested_verdict` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `suggested_silent_party` text;