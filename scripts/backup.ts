// npm run backup -- FILE   |   --help
import path from "node:path";
import { getEnv } from "@/lib/env";
import { backupDatabase, OpsError } from "@/lib/ops/backup";
import { backupFiles, filesBackupPath } from "@/lib/ops/files-backup";
import { evidenceDirectory } from "@/lib/evidence/directory";

const HELP = `Takes a consistent copy of the Claim Desk database while the app keeps serving.

Usage:
  npm run backup -- FILE
      Copies the database (DATABASE_PATH, default data/claimdesk.db) to FILE with SQLite's
      online backup, checks the copy (integrity, tables, migrations) and prints what it holds.
      FILE must not exist yet.
`;

async function main(argv: string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || file === "--help" || file === "-h" || rest.length > 0) {
    process.stdout.write(HELP);
    return file === "--help" || file === "-h" ? 0 : 1;
  }
  if (getEnv().DATABASE_URL) {
    console.error(
      "DATABASE_URL is set: this command copies a SQLite file. Back up PostgreSQL with its own tools (pg_dump, pg_restore).",
    );
    return 1;
  }
  const source = getEnv().DATABASE_PATH;
  const started = Date.now();
  const report = await backupDatabase({
    source,
    destination: file,
    migrationsFolder: path.join(process.cwd(), "db", "migrations"),
  });
  const rows = Object.entries(report.tables)
    .filter(([name]) => !name.startsWith("__"))
    .map(([name, n]) => `${name} ${n}`)
    .join(", ");
  console.log(
    `Backed up ${source} to ${file} in ${Date.now() - started} ms: integrity ok, ${report.migrations} migrations.`,
  );
  console.log(`Rows: ${rows}.`);
  const files = backupFiles({ source: evidenceDirectory(), backupFile: file });
  console.log(`Evidence files: ${files}, copied to ${filesBackupPath(file)}.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof OpsError ? `Backup refused: ${error.message}` : error);
    process.exit(1);
  },
);
