DROP INDEX `claims_returned_idx`;--> statement-breakpoint
CREATE INDEX `claims_stage_article_idx` ON `claims` (`stage`,`article_id`);--> statement-breakpoint
CREATE INDEX `claims_stage_speaker_idx` ON `claims` (`stage`,`speaker`);--> statement-breakpoint
CREATE INDEX `claims_stage_rater_idx` ON `claims` (`stage`,`rated_by_id`);--> statement-breakpoint
CREATE INDEX `claims_stage_submitter_idx` ON `claims` (`stage`,`submitted_by_id`);