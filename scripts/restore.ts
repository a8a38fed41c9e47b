// npm run restore -- FILE   |   --help
import path from "node:path";
import { getEnv } from "@/lib/env";
import { OpsError } from "@/lib/ops/backup";
import { describeDatabaseStep, describeFilesStep, restoreDesk } from "@/lib/ops/desk-backup";
import { evidenceDirectory } from "@/lib/evidence/directory";

const HELP = `Replaces the Claim Desk database with a backup made by npm run backup.

Usage:
  npm run restore -- FILE
      Stop the app first: restoring refuses while a server uses the database.
      SQLite (DATABASE_PATH, default data/claimdesk.db): FILE is checked before anything changes
      (integrity check, Claim Desk tables, known migrations); the current database is kept as
      <database>.before-restore-<time>.
      PostgreSQL (DATABASE_URL set): FILE must be a pg_dump archive of a desk (checked with
      pg_restore --list); the current database is dumped to <FILE>.before-restore-<time>, then
      pg_restore --clean replaces it in one transaction.
      Start the app again afterwards; it applies any newer migrations to the restored database.
`;

async function main(argv: string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || file === "--help" || file === "-h" || rest.length > 0) {
    process.stdout.write(HELP);
    return file === "--help" || file === "-h" ? 0 : 1;
  }
  const env = getEnv();
  const report = await restoreDesk(
    {
      databasePath: env.DATABASE_PATH,
      databaseUrl: env.DATABASE_URL,
      migrationsFolder: path.join(process.cwd(), "db", "migrations"),
      filesDirectory: evidenceDirectory(),
    },
    file,
  );
  const target = env.DATABASE_URL ? "the PostgreSQL database" : env.DATABASE_PATH;
  console.log(`Restored ${file} into ${target}.`);
  for (const line of describeDatabaseStep(report.database)) console.log(line);
  for (const line of describeFilesStep(report.files, "restore")) console.log(line);
  if (report.previous) console.log(`The database it replaced is kept as ${report.previous}.`);
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
