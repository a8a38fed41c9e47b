-- The silent party joins the claims' tsvector (lib/data/search-pg.ts), at weight D beside the
-- reviewer's note, so that similar claims (which match A, B and C only) leave it out as they leave
-- the note. A generated column's expression cannot be altered: the column and its index are made again.
DROP INDEX claims_search_idx;
--> statement-breakpoint
ALTER TABLE claims DROP COLUMN search;
--> statement-breakpoint
ALTER TABLE claims ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, desk_search_text(statement)), 'A') ||
  setweight(to_tsvector('simple'::regconfig, desk_search_text(quote)), 'B') ||
  setweight(to_tsvector('simple'::regconfig, desk_search_text(speaker)), 'C') ||
  setweight(to_tsvector('simple'::regconfig, desk_search_text(verdict_note)), 'D') ||
  setweight(to_tsvector('simple'::regconfig, desk_search_text(silent_party)), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX claims_search_idx ON claims USING gin (search);
--> statement-breakpoint
-- The name variants feed cached reads (lib/data/variants.ts): a change to them counts as a write.
CREATE TRIGGER name_variants_changed AFTER INSERT OR UPDATE OR DELETE ON name_variants
  FOR EACH STATEMENT EXECUTE FUNCTION desk_count_change();
