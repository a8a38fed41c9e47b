CREATE TABLE `rate_limits` (
	`key` text NOT NULL,
	`bucket` integer NOT NULL,
	`hits` integer NOT NULL,
	PRIMARY KEY(`key`, `bucket`)
);
