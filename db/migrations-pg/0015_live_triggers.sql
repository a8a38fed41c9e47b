-- Every claim event is also a live event (lib/live, app/api/live): copied in the writer's
-- transaction, so the live channel sees exactly the committed history, from any process. Live
-- events are numbered in commit order because every write holds the desk's write lock
-- (lib/data/connection.ts withTransaction). A NOTIFY at commit wakes the processes' pollers at once.
CREATE FUNCTION desk_live_from_claim_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO live_events (kind, article_id, claim_id, actor_id, source_id, created_at)
  VALUES ('claim.' || NEW.type, NEW.article_id, NEW.claim_id, NEW.actor_id, NEW.id, NEW.created_at);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claim_events_live AFTER INSERT ON claim_events
  FOR EACH ROW EXECUTE FUNCTION desk_live_from_claim_event();
--> statement-breakpoint
CREATE FUNCTION desk_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('desk_live', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER live_events_notify AFTER INSERT ON live_events
  FOR EACH STATEMENT EXECUTE FUNCTION desk_live_notify();
--> statement-breakpoint
CREATE TRIGGER live_events_no_update BEFORE UPDATE OR DELETE ON live_events
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER live_events_no_truncate BEFORE TRUNCATE ON live_events
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
