-- The files kept as evidence are never edited or deleted: the database itself refuses it.
CREATE TRIGGER source_files_no_update BEFORE UPDATE ON source_files
BEGIN
  SELECT RAISE(ABORT, 'source_files is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER source_files_no_delete BEFORE DELETE ON source_files
BEGIN
  SELECT RAISE(ABORT, 'source_files is append-only');
END;
