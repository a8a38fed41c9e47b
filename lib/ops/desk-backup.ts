// What `npm run backup` and `npm run restore` do, step by step, whatever the database: the one
// place to add a step (the files under data/, say). Each step reports what it wrote or restored;
// the scripts print the reports.
import { backupDatabase, restoreDatabase, type DatabaseReport } from "./backup";
import { backupPostgres, restorePostgres, type PostgresDumpReport } from "./pg-backup";

export type DeskSettings = { databasePath: string; databaseUrl?: string; migrationsFolder: string };

/** The database step: SQLite's online backup of the file, or pg_dump (custom format) on PostgreSQL. */
export type DatabaseStep =
  { kind: "sqlite"; report: DatabaseReport } | { kind: "postgres"; report: PostgresDumpReport };

export type BackupReport = { database: DatabaseStep };
export type RestoreReport = { database: DatabaseStep; previous: string | null };

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
  // Further steps (files) go here, each adding its report.
  return { database };
}

/** Replaces the desk with the backup `backup`, keeping what it replaces (returned as `previous`). */
export async function restoreDesk(settings: DeskSettings, backup: string): Promise<RestoreReport> {
  if (settings.databaseUrl) {
    const { report, previous } = await restorePostgres({ url: settings.databaseUrl, backup });
    // Further steps (files) go here.
    return { database: { kind: "postgres", report }, previous };
  }
  const { report, previous } = await restoreDatabase({
    backup,
    target: settings.databasePath,
    migrationsFolder: settings.migrationsFolder,
  });
  return { database: { kind: "sqlite", report }, previous };
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
