-- The change counter (0003_change_counter.sql) for the right-of-reply tables: the article and
-- claim pages' cached reads count replies received, so a write to either bumps it.
CREATE TRIGGER comment_requests_changed AFTER INSERT OR UPDATE OR DELETE ON comment_requests
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
--> statement-breakpoint
CREATE TRIGGER comment_waivers_changed AFTER INSERT OR UPDATE OR DELETE ON comment_waivers
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
