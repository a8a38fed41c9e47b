-- Every claim event is also a live event (lib/live, app/api/live): copied in the writer's
-- transaction, so the live channel sees exactly the committed history, from any process.
CREATE TRIGGER claim_events_live AFTER INSERT ON claim_events
BEGIN
  INSERT INTO live_events (kind, article_id, claim_id, actor_id, source_id, created_at)
  VALUES ('claim.' || NEW.type, NEW.article_id, NEW.claim_id, NEW.actor_id, NEW.id, NEW.created_at);
END;
--> statement-breakpoint
-- The live channel is history too: never edited or deleted.
CREATE TRIGGER live_events_no_update BEFORE UPDATE ON live_events
BEGIN
  SELECT RAISE(ABORT, 'live_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER live_events_no_delete BEFORE DELETE ON live_events
BEGIN
  SELECT RAISE(ABORT, 'live_events is append-only');
END;
