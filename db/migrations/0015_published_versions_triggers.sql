-- Published versions and corrections are history (issue 16): never edited or deleted.
CREATE TRIGGER summary_versions_no_update BEFORE UPDATE ON summary_versions
BEGIN
  SELECT RAISE(ABORT, 'summary_versions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER summary_versions_no_delete BEFORE DELETE ON summary_versions
BEGIN
  SELECT RAISE(ABORT, 'summary_versions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER claim_corrections_no_update BEFORE UPDATE ON claim_corrections
BEGIN
  SELECT RAISE(ABORT, 'claim_corrections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER claim_corrections_no_delete BEFORE DELETE ON claim_corrections
BEGIN
  SELECT RAISE(ABORT, 'claim_corrections is append-only');
END;
