-- A claim's discussion is history (DESIGN.md): messages, their text versions and their mentions are
-- never edited or deleted; an edit adds a version. As db/migrations/0011 does on SQLite.
CREATE TRIGGER claim_messages_no_update BEFORE UPDATE OR DELETE ON claim_messages
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_messages_no_truncate BEFORE TRUNCATE ON claim_messages
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_message_versions_no_update BEFORE UPDATE OR DELETE ON claim_message_versions
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_message_versions_no_truncate BEFORE TRUNCATE ON claim_message_versions
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_mentions_no_update BEFORE UPDATE OR DELETE ON claim_mentions
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER claim_mentions_no_truncate BEFORE TRUNCATE ON claim_mentions
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
-- Cached reads ("until the next write") may count messages and mentions: bump the change counter.
CREATE TRIGGER claim_messages_changed AFTER INSERT ON claim_messages
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER claim_message_versions_changed AFTER INSERT ON claim_message_versions
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER claim_mentions_changed AFTER INSERT ON claim_mentions
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
-- Articles written before owners existed belong to whoever created them.
UPDATE articles SET owner_id = created_by_id WHERE owner_id IS NULL;
