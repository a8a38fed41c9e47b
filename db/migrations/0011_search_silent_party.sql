-- The silent party joins the claims' full-text index, so that "Kyiv" (or "Kiev") finds the claims
-- on which Kyiv did not comment (lib/data/search.ts). FTS5 columns cannot be added: the index and
-- its triggers are made again with the new column, last so that the others keep their numbers, and
-- rebuilt from the claims.
DROP TRIGGER claims_fts_after_insert;
--> statement-breakpoint
DROP TRIGGER claims_fts_after_delete;
--> statement-breakpoint
DROP TRIGGER claims_fts_after_update;
--> statement-breakpoint
DROP TABLE claims_fts;
--> statement-breakpoint
CREATE VIRTUAL TABLE claims_fts USING fts5(
  statement,
  quote,
  speaker,
  verdict_note,
  silent_party,
  content = 'claims',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_insert AFTER INSERT ON claims
BEGIN
  INSERT INTO claims_fts (rowid, statement, quote, speaker, verdict_note, silent_party)
  VALUES (new.id, new.statement, new.quote, new.speaker, new.verdict_note, new.silent_party);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_delete AFTER DELETE ON claims
BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, statement, quote, speaker, verdict_note, silent_party)
  VALUES ('delete', old.id, old.statement, old.quote, old.speaker, old.verdict_note, old.silent_party);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_update AFTER UPDATE OF statement, quote, speaker, verdict_note, silent_party ON claims
BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, statement, quote, speaker, verdict_note, silent_party)
  VALUES ('delete', old.id, old.statement, old.quote, old.speaker, old.verdict_note, old.silent_party);
  INSERT INTO claims_fts (rowid, statement, quote, speaker, verdict_note, silent_party)
  VALUES (new.id, new.statement, new.quote, new.speaker, new.verdict_note, new.silent_party);
END;
--> statement-breakpoint
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
