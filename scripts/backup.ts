// npm run backup -- FILE   |   --help
import path from "node:path";
import { getEnv } from "@/lib/env";
import { OpsError } from "@/lib/ops/backup";
import { backupDesk, describeDatabaseStep, describeFilesStep } from "@/lib/ops/desk-backup";
import { evidenceDirectory } from "@/lib/evidence/directory";

const HELP = `Takes a consistent copy of the Claim Desk database while the app keeps serving.

Usage:
  npm run backup -- FILE
      SQLite (DATABASE_PATH, default data/claimdesk.db): copies the file with SQLite's online
      backup and checks the copy (integrity, tables, migrations).
      PostgreSQL (DATABASE_URL set): pg_dump in its custom format (one snapshot), checked with
      pg_restore --list. Needs pg_dump of the server's major version or newer (PG_BIN: its folder).
      Prints what the backup holds. FILE must not exist yet.
`;

async function main(argv: string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || file === "--help" || file === "-h" || rest.length > 0) {
    process.stdout.write(HELP);
    return file === "--help" || file === "-h" ? 0 : 1;
  }
  const env = getEnv();
  const started = Date.now();
  const report = await backupDesk(
    {
      databasePath: env.DATABASE_PATH,
      databaseUrl: env.DATABASE_URL,
      migrationsFolder: path.join(process.cwd(), "db", "migrations"),
      filesDirectory: evidenceDirectory(),
    },
    file,
  );
  const source = env.DATABASE_URL ? "the PostgreSQL database" : env.DATABASE_PATH;
  console.log(`Backed up ${source} to ${file} in ${Date.now() - started} ms.`);
  for (const line of describeDatabaseStep(report.database)) console.log(line);
  for (const line of describeFilesStep(report.files, "backup")) console.log(line);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof OpsError ? `Backup refused: ${error.message}` : error);
    process.exit(1);
  },
);
