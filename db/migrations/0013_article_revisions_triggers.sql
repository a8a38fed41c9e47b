-- Revisions are history: the database refuses to edit or delete them (issue 16).
CREATE TRIGGER article_revisions_no_update BEFORE UPDATE ON article_revisions
BEGIN
  SELECT RAISE(ABORT, 'article_revisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER article_revisions_no_delete BEFORE DELETE ON article_revisions
BEGIN
  SELECT RAISE(ABORT, 'article_revisions is append-only');
END;
--> statement-breakpoint
-- Every article that exists gets its body as revision 1, by whoever created it.
INSERT INTO article_revisions (article_id, number, body, source, origin, created_by_id, created_at)
SELECT id, 1, body, 'migration', NULL, created_by_id, created_at FROM articles
WHERE NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = articles.id);
--> statement-breakpoint
-- Each claim's selector: up to 32 characters of context on each side of its quote.
UPDATE claims SET
  prefix = substr((SELECT body FROM articles a WHERE a.id = claims.article_id),
    max(0, claims.start - 32) + 1, claims.start - max(0, claims.start - 32)),
  suffix = substr((SELECT body FROM articles a WHERE a.id = claims.article_id), claims."end" + 1, 32);
