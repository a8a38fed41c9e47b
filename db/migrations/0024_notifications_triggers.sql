-- The webhook delivery log is history: never edited or deleted.
CREATE TRIGGER webhook_deliveries_no_update BEFORE UPDATE ON webhook_deliveries
BEGIN
  SELECT RAISE(ABORT, 'webhook_deliveries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_no_delete BEFORE DELETE ON webhook_deliveries
BEGIN
  SELECT RAISE(ABORT, 'webhook_deliveries is append-only');
END;
