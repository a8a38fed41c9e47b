-- Live events are the live channel's buffer, not the desk's history (claim_events is): the outbox
-- worker prunes those older than LIVE_EVENTS_KEEP_HOURS (lib/notify/worker.ts). The database still
-- refuses every edit, and the deletion of any event younger than an hour, which a page may need.
DROP TRIGGER live_events_no_delete;
--> statement-breakpoint
CREATE TRIGGER live_events_no_delete BEFORE DELETE ON live_events
WHEN OLD.created_at > (unixepoch('subsec') * 1000) - 3600000
BEGIN
  SELECT RAISE(ABORT, 'live_events is append-only (events younger than an hour are kept)');
END;
