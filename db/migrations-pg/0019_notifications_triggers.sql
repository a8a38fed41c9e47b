-- The webhook delivery log is history: never edited or deleted (desk_refuse_change, 0001).
CREATE TRIGGER webhook_deliveries_no_update BEFORE UPDATE OR DELETE ON webhook_deliveries
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_no_truncate BEFORE TRUNCATE ON webhook_deliveries
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
