// npm run db:copy -- --to postgres://…   |   --help
import { parseArgs } from "node:util";
import { getEnv } from "@/lib/env";
import { OpsError } from "@/lib/ops/backup";
import { copySqliteToPostgres, redactUrl } from "@/lib/ops/db-copy";

const HELP = `Copies the SQLite desk into an empty PostgreSQL database (moving a desk to PostgreSQL).

Usage:
  npm run db:copy -- --to postgres://user:password@host:5432/database
      Reads the SQLite desk (DATABASE_PATH, default data/claimdesk.db; stop the app first),
      migrates the PostgreSQL database, copies every table (history and audit included, ids and
      times kept) in one transaction, sets the id sequences past the largest id, then compares
      row counts and a checksum per table on both sides and prints them. Refuses a target that
      already holds desk data. Afterwards run the desk with DATABASE_URL set to that URL.
`;

async function main(argv: string[]): Promise<number> {
  let to: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { to: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    to = values.to;
  } catch {
    to = undefined;
  }
  if (!to || !/^postgres(ql)?:\/\//.test(to)) {
    process.stderr.write(`--to must be a postgres:// URL.\n\n${HELP}`);
    return 1;
  }
  const source = getEnv().DATABASE_PATH;
  console.log(`Copying ${source} into ${redactUrl(to)}…`);
  console.log(`${"table".padEnd(20)} ${"SQLite".padStart(8)} → PostgreSQL checksum`);
  const report = await copySqliteToPostgres({ source, targetUrl: to, log: (line) => console.log(line) });
  const rows = report.tables.reduce((sum, t) => sum + t.targetRows, 0);
  console.log(
    `Copied ${report.tables.length} tables (${rows} rows) in ${report.ms} ms: counts and checksums match.`,
  );
  console.log(`Run the desk on it with DATABASE_URL=${redactUrl(to)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof OpsError ? `Copy refused: ${error.message}` : error);
    process.exit(1);
  },
);
