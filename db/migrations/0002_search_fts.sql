-- Full-text search over claims and articles (lib/data/search.ts, lib/data/similar.ts).
-- External-content FTS5 tables: the text lives once, in claims and articles; the index holds only
-- the tokens. unicode61 with remove_diacritics 2 folds case and accents, so "defense" finds "Défense".
-- The triggers below keep the index in step with every insert, update and delete, including the
-- deletes that cascade from an article to its claims, so no code path can forget to reindex.
CREATE VIRTUAL TABLE claims_fts USING fts5(
  statement,
  quote,
  speaker,
  verdict_note,
  content = 'claims',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title,
  body,
  content = 'articles',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_insert AFTER INSERT ON claims
BEGIN
  INSERT INTO claims_fts (rowid, statement, quote, speaker, verdict_note)
  VALUES (new.id, new.statement, new.quote, new.speaker, new.verdict_note);
END;
--> statement-breakpoint
CREATE TRIGGER claims_fts_after_delete AFTER DELETE ON claims
BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, statement, quote, speaker, verdict_note)
  VALUES ('delete', old.id, old.statement, old.quote, old.speaker, old.verdict_note);
END;
--> statement-breakpoint
-- Only a change to an indexed column reindexes: stage moves and review locks leave the index alone.
CREATE TRIGGER claims_fts_after_update AFTER UPDATE OF statement, quote, speaker, verdict_note ON claims
BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, statement, quote, speaker, verdict_note)
  VALUES ('delete', old.id, old.statement, old.quote, old.speaker, old.verdict_note);
  INSERT INTO claims_fts (rowid, statement, quote, speaker, verdict_note)
  VALUES (new.id, new.statement, new.quote, new.speaker, new.verdict_note);
END;
--> statement-breakpoint
CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles
BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles
BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON articles
BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
-- Databases created before this migration: index what is already there.
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
