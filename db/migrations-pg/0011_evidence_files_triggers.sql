-- The files kept as evidence are never edited or deleted (desk_refuse_change: 0001_append_only),
-- and a new one counts as a change for the read caches (desk_count_change: 0003_change_counter).
CREATE TRIGGER source_files_no_update BEFORE UPDATE OR DELETE ON source_files
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER source_files_no_truncate BEFORE TRUNCATE ON source_files
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER source_files_changed AFTER INSERT ON source_files
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
