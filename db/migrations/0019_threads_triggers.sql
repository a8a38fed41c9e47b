-- A claim's discussion is history (DESIGN.md): messages, their text versions and their mentions are
-- never edited or deleted; an edit adds a version. The database itself refuses it.
CREATE TRIGGER claim_messages_no_update BEFORE UPDATE ON claim_messages
BEGIN
  SELECT RAISE(ABORT, 'claim_messages is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER claim_messages_no_delete BEFORE DELETE ON claim_messages
BEGIN
  SELECT RAISE(ABORT, 'claim_messages is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER claim_message_versions_no_update BEFORE UPDATE ON claim_message_versions
BEGIN
  SELECT RAISE(ABORT, 'claim_message_versions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER claim_message_versions_no_delete BEFORE DELETE ON claim_message_versions
BEGIN
  SELECT RAISE(ABORT, 'claim_message_versions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER claim_mentions_no_update BEFORE UPDATE ON claim_mentions
BEGIN
  SELECT RAISE(ABORT, 'claim_mentions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER claim_mentions_no_delete BEFORE DELETE ON claim_mentions
BEGIN
  SELECT RAISE(ABORT, 'claim_mentions is append-only');
END;
--> statement-breakpoint
-- Articles written before owners existed belong to whoever created them.
UPDATE articles SET owner_id = created_by_id WHERE owner_id IS NULL;
