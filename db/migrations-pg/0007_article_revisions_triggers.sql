-- Revisions are history: the database refuses to edit or delete them (issue 16), with the
-- function of 0001_append_only.
CREATE TRIGGER article_revisions_no_update BEFORE UPDATE OR DELETE ON article_revisions
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER article_revisions_no_truncate BEFORE TRUNCATE ON article_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_change();
--> statement-breakpoint
-- Every article that exists gets its body as revision 1, by whoever created it.
INSERT INTO article_revisions (article_id, number, body, source, origin, created_by_id, created_at)
SELECT id, 1, body, 'migration', NULL, created_by_id, created_at FROM articles
WHERE NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = articles.id);
--> statement-breakpoint
-- Each claim's selector: up to 32 characters of context on each side of its quote.
UPDATE claims SET
  prefix = substr(a.body, (greatest(0, claims.start - 32) + 1)::int, (claims.start - greatest(0, claims.start - 32))::int),
  suffix = substr(a.body, (claims."end" + 1)::int, 32)
FROM articles a WHERE a.id = claims.article_id;
