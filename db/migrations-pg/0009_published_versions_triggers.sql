-- Published versions and corrections are history (issue 16): never edited or deleted, as in the
-- SQLite triggers (db/migrations/0011). desk_refuse_change comes from 0001_append_only.
CREATE TRIGGER summary_versions_no_update BEFORE UPDATE OR DELETE ON summary_versions
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER summary_versions_no_truncate BEFORE TRUNCATE ON summary_versions
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_corrections_no_update BEFORE UPDATE OR DELETE ON claim_corrections
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_corrections_no_truncate BEFORE TRUNCATE ON claim_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER summary_versions_changed AFTER INSERT ON summary_versions
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER claim_corrections_changed AFTER INSERT ON claim_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
