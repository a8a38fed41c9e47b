CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"bucket" integer NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limits_key_bucket_pk" PRIMARY KEY("key","bucket")
);
--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "suggested_verdict" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "suggested_silent_party" text;--> statement-breakpoint
CREATE INDEX "claim_events_type_created_idx" ON "claim_events" USING btree ("type","created_at","actor_id");--> statement-breakpoint
CREATE INDEX "claims_rated_idx" ON "claims" USING btree ("rated_at","verdict","article_id","speaker");