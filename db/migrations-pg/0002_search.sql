-- Full-text search over claims and articles (lib/data/search-pg.ts), the PostgreSQL twin of the
-- FTS5 index (db/migrations/0002_search_fts.sql).
-- desk_search_text folds case and accents (unaccent) and splits on every character that is not a
-- letter or a digit, as FTS5's unicode61 tokenizer does: "Défense" is "defense", "1.800" and
-- "1 800" are the two tokens 1 and 800 (lib/search/query.ts matches "1800" either way). unaccent()
-- is only STABLE (its dictionary could change), so it is wrapped in an IMMUTABLE function that a
-- generated column and its index may use.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
--> statement-breakpoint
CREATE FUNCTION desk_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
--> statement-breakpoint
CREATE FUNCTION desk_search_text(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT regexp_replace(coalesce(public.desk_fold(value), ''), '[^[:alnum:]]+', ' ', 'g') $$;
--> statement-breakpoint
-- For ts_headline on the text as written: words are compared without their accents.
CREATE TEXT SEARCH CONFIGURATION desk (COPY = pg_catalog.simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION desk
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;
--> statement-breakpoint
-- One weight a column, as FTS5 has columns: statement A, quote B, speaker C, the reviewer's note D
-- (similar claims leave the note out by matching A, B and C only). ts_rank gives them the bm25()
-- weights of the SQLite queries (lib/data/search-pg.ts).
ALTER TABLE claims ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, desk_search_text(statement)), 'A') ||
  setweight(to_tsvector('simple'::regconfig, desk_search_text(quote)), 'B') ||
  setweight(to_tsvector('simple'::regconfig, desk_search_text(speaker)), 'C') ||
  setweight(to_tsvector('simple'::regconfig, desk_search_text(verdict_note)), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX claims_search_idx ON claims USING gin (search);
--> statement-breakpoint
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, desk_search_text(title)), 'A') ||
  setweight(to_tsvector('simple'::regconfig, desk_search_text(body)), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX articles_search_idx ON articles USING gin (search);
