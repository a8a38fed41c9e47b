-- Live events are the live channel's buffer, not the desk's history (claim_events is): the outbox
-- worker prunes those older than LIVE_EVENTS_KEEP_HOURS (lib/notify/worker.ts). The database still
-- refuses every edit, truncation, and the deletion of any event younger than an hour, which a page
-- may need.
CREATE FUNCTION desk_live_refuse_recent_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.created_at > now() - interval '1 hour' THEN
    RAISE EXCEPTION 'live_events is append-only (events younger than an hour are kept)'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
DROP TRIGGER live_events_no_update ON live_events;
--> statement-breakpoint
CREATE TRIGGER live_events_no_update BEFORE UPDATE ON live_events
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER live_events_no_recent_delete BEFORE DELETE ON live_events
  FOR EACH ROW EXECUTE FUNCTION desk_live_refuse_recent_delete();
