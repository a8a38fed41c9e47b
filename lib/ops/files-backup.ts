// The evidence files (DESK_FILES_DIR) in npm run backup / restore: copied beside the database
// backup as "<backup>.files/", and put back by restore. Files are written once and never changed
// (lib/evidence/files.ts), so a copy taken after the database's is complete for every row it holds;
// files still arriving (.incoming) are left out.
import fs from "node:fs";
import path from "node:path";

const INCOMING = ".incoming";

/** Where the files of a database backup go: beside it. */
export function filesBackupPath(backupFile: string): string {
  return `${backupFile}.files`;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/** Copies the kept files to `<backupFile>.files`; returns how many. */
export function backupFiles({ source, backupFile }: { source: string; backupFile: string }): number {
  const destination = filesBackupPath(backupFile);
  fs.mkdirSync(destination, { recursive: true });
  if (fs.existsSync(source)) {
    fs.cpSync(source, destination, {
      recursive: true,
      errorOnExist: true,
      force: false,
      filter: (from) => path.relative(source, from).split(path.sep)[0] !== INCOMING,
    });
  }
  return countFiles(destination);
}

/**
 * Puts the files of a backup in place: the current folder is kept as
 * "<folder>.before-restore-<time>" (returned), then the backup's copied in. A backup without a
 * files folder (made before documents existed) leaves the files as they are.
 */
export function restoreFiles({
  backupFile,
  target,
  now = new Date(),
}: {
  backupFile: string;
  target: string;
  now?: Date;
}): { restored: number; previous: string | null } | null {
  const source = filesBackupPath(backupFile);
  if (!fs.existsSync(source)) return null;
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(target, previous);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true });
  return { restored: countFiles(target), previous };
}
