// What `npm run backup` and `npm run restore` do, step by step, whatever the database: the one
// place to add a step (the files under data/, say). Each step reports what it wrote or restored;
// the scripts print the reports.
import { backupDatabase, restoreDatabase, type DatabaseReport } from "./backup";
import { backupFiles, filesBackupPath, restoreFiles } from "./files-backup";
import { backupPostgres, restorePostgres, type PostgresDumpReport } from "./pg-backup";

/** `filesDirectory`: where the evidence files live (lib/evidence/directory.ts). */
export type DeskSettings = {
  databasePath: string;
  databaseUrl?: string;
  migrationsFolder: string;
  filesDirectory: string;
};

/** The database step: SQLite's online backup of the file, or pg_dump (custom format) on PostgreSQL. */
export type DatabaseStep =
  { kind: "sqlite"; report: DatabaseReport } | { kind: "postgres"; report: PostgresDumpReport };

/** The files step: how many evidence files were copied beside the backup (FILE.files/), or restored. */
export type FilesStep = { count: number; folder: string; previous?: string | null };

export type BackupReport = { database: DatabaseStep; files: FilesStep };
export type RestoreReport = { database: DatabaseStep; previous: string | null; files: FilesStep | null };

/** Backs up the desk to `destination` (a file that must not exist yet). */
export async function backupDesk(settings: DeskSettings, destination: string): Promise<BackupReport> {
  const database: DatabaseStep = settings.databaseUrl
    ? { kind: "postgres", report: await backupPostgres({ url: settings.databaseUrl, destination }) }
    : {
        kind: "sqlite",
        report: await backupDatabase({
          source: settings.databasePath,
          destination,
          migrationsFolder: settings.migrationsFolder,
        }),
      };
  const count = backupFiles({ source: settings.filesDirectory, backupFile: destination });
  return { database, files: { count, folder: filesBackupPath(destination) } };
}

/** Replaces the desk with the backup `backup`, keeping what it replaces (returned as `previous`). */
export async function restoreDesk(settings: DeskSettings, backup: string): Promise<RestoreReport> {
  if (settings.databaseUrl) {
    const { report, previous } = await restorePostgres({ url: settings.databaseUrl, backup });
    return { database: { kind: "postgres", report }, previous, files: restoreFilesStep(settings, backup) };
  }
  const { report, previous } = await restoreDatabase({
    backup,
    target: settings.databasePath,
    migrationsFolder: settings.migrationsFolder,
  });
  return { database: { kind: "sqlite", report }, previous, files: restoreFilesStep(settings, backup) };
}

function restoreFilesStep(settings: DeskSettings, backup: string): FilesStep | null {
  const files = restoreFiles({ backupFile: backup, target: settings.filesDirectory });
  return files ? { count: files.restored, folder: settings.filesDirectory, previous: files.previous } : null;
}

/** The line the scripts print about the files step. */
export function describeFilesStep(step: FilesStep | null, action: "backup" | "restore"): string[] {
  if (!step) return [];
  if (action === "backup") return [`Evidence files: ${step.count}, copied to ${step.folder}.`];
  const kept = step.previous ? `; the ones replaced are kept in ${step.previous}` : "";
  return [`Evidence files: ${step.count} restored into ${step.folder}${kept}.`];
}

/** The lines the scripts print about the database step. */
export function describeDatabaseStep(step: DatabaseStep): string[] {
  if (step.kind === "postgres") {
    const tables = step.report.tables.filter((t) => !t.includes("__drizzle"));
    return [
      `pg_dump archive (custom format), ${step.report.bytes} bytes, ${step.report.entries} entries.`,
      `Tables: ${tables.join(", ")}.`,
    ];
  }
  const rows = Object.entries(step.report.tables)
    .filter(([name]) => !name.startsWith("__"))
    .map(([name, n]) => `${name} ${n}`)
    .join(", ");
  return [`Integrity ok, ${step.report.migrations} migrations.`, `Rows: ${rows}.`];
}
