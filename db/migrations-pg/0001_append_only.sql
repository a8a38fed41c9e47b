-- History is never edited or deleted (DESIGN.md): the database itself refuses it, as the SQLite
-- triggers do (db/migrations/0001 and 0004).
CREATE FUNCTION desk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claim_events_no_update BEFORE UPDATE OR DELETE ON claim_events
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_events_no_truncate BEFORE TRUNCATE ON claim_events
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER admin_audit_no_update BEFORE UPDATE OR DELETE ON admin_audit
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON admin_audit
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
