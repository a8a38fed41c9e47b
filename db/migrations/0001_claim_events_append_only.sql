-- History is never edited or deleted (DESIGN.md): the database itself refuses it.
CREATE TRIGGER claim_events_no_update BEFORE UPDATE ON claim_events
BEGIN
  SELECT RAISE(ABORT, 'claim_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER claim_events_no_delete BEFORE DELETE ON claim_events
BEGIN
  SELECT RAISE(ABORT, 'claim_events is append-only');
END;
