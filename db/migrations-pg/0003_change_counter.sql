-- The change counter behind cachedUntilWrite (lib/data/connection.ts): every statement that writes
-- a table a cached read depends on bumps it, in the writer's transaction, so every process on the
-- database sees the new value once that transaction commits, and only then. (SQLite reads its own
-- data_version and total_changes instead.) Sign-in attempts and API tokens feed no cached read.
CREATE TABLE desk_changes (
  id integer PRIMARY KEY CHECK (id = 1),
  n bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO desk_changes (id, n) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION desk_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE desk_changes SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER articles_changed AFTER INSERT OR UPDATE OR DELETE ON articles
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER claims_changed AFTER INSERT OR UPDATE OR DELETE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER claim_sources_changed AFTER INSERT OR UPDATE OR DELETE ON claim_sources
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER claim_events_changed AFTER INSERT ON claim_events
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER admin_audit_changed AFTER INSERT ON admin_audit
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
