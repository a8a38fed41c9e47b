// npm run backup / restore carry the evidence files (issue 17.5).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupFiles, filesBackupPath, restoreFiles } from "./files-backup";

function tree(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("evidence files in backups", () => {
  it("copies the kept files beside the backup, leaves arriving ones out, and restores them", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "files-backup-"));
    const files = path.join(root, "files");
    fs.mkdirSync(path.join(files, "documents"), { recursive: true });
    fs.mkdirSync(path.join(files, ".incoming"), { recursive: true });
    fs.writeFileSync(path.join(files, "documents", "a"), "A");
    fs.writeFileSync(path.join(files, ".incoming", "b.part"), "half");
    const backup = path.join(root, "backup.db");
    expect(backupFiles({ source: files, backupFile: backup })).toBe(1);
    expect(tree(filesBackupPath(backup))).toEqual([path.join("documents", "a")]);

    fs.writeFileSync(path.join(files, "documents", "later"), "L");
    const result = restoreFiles({ backupFile: backup, target: files, now: new Date("2026-12-01T00:00:00Z") });
    expect(result?.restored).toBe(1);
    expect(tree(files)).toEqual([path.join("documents", "a")]);
    expect(tree(result!.previous!)).toContain(path.join("documents", "later"));
    // A backup made before documents existed leaves the files alone.
    expect(restoreFiles({ backupFile: path.join(root, "old.db"), target: files })).toBeNull();
    fs.rmSync(root, { recursive: true, force: true });
  });
});
