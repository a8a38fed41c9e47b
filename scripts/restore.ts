// npm run restore -- FILE   |   --help
import path from "node:path";
import { getEnv } from "@/lib/env";
import { OpsError, restoreDatabase } from "@/lib/ops/backup";
import { restoreFiles } from "@/lib/ops/files-backup";
import { evidenceDirectory } from "@/lib/evidence/directory";

const HELP = `Replaces the Claim Desk database with a backup made by npm run backup.

Usage:
  npm run restore -- FILE
      Stop the app first: restoring refuses while a server uses the database.
      FILE is checked before anything changes (SQLite integrity check, Claim Desk tables, known
      migrations). The current database (DATABASE_PATH, default data/claimdesk.db) is kept as
      <database>.before-restore-<time>. Start the app again afterwards; it applies any newer
      migrations to the restored database.
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
  const target = getEnv().DATABASE_PATH;
  const { report, previous } = await restoreDatabase({
    backup: file,
    target,
    migrationsFolder: path.join(process.cwd(), "db", "migrations"),
  });
  const rows = Object.entries(report.tables)
    .filter(([name]) => !name.startsWith("__"))
    .map(([name, n]) => `${name} ${n}`)
    .join(", ");
  console.log(`Restored ${file} into ${target}: integrity ok, ${report.migrations} migrations.`);
  console.log(`Rows: ${rows}.`);
  if (previous) console.log(`The database it replaced is kept as ${previous}.`);
  const files = restoreFiles({ backupFile: file, target: evidenceDirectory() });
  if (files)
    console.log(
      `Evidence files: ${files.restored} restored${files.previous ? `; the ones replaced are kept in ${files.previous}` : ""}.`,
    );
  console.log("Start the app again (npm start).");
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof OpsError ? `Restore refused: ${error.message}` : error);
    process.exit(1);
  },
);
