// npm start: build when the build is missing or older than the sources, prepare the database once,
// then serve with WEB_CONCURRENCY `next start` processes sharing one port (node:cluster hands each
// connection to one of them). Nothing a process keeps in memory can make another one wrong: caches
// follow the database's changes and rate limits live in the database.
import cluster from "node:cluster";
import path from "node:path";
import { closeDb } from "@/lib/data/connection";
import { prepareDatabase } from "@/lib/data/startup";
import { getEnv } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";

const NEXT_CLI = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
/** A process that keeps dying at start is not restarted forever. */
const MAX_RESTARTS_PER_MINUTE = 5;

async function main(): Promise<void> {
  buildIfNeeded();
  const { PORT: port, WEB_CONCURRENCY: workers } = getEnv();
  // Migrations and the demo workspace run here, once, before any server process starts: several
  // processes migrating one database at once would race. Each server's own start-up then finds
  // nothing left to do.
  await prepareDatabase();
  await closeDb();

  cluster.setupPrimary({ exec: NEXT_CLI, args: ["start", "-p", String(port)], execArgv: [] });
  let stopping = false;
  const restarts: number[] = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0]! < now - 60_000) restarts.shift();
    console.error(`Server process ${worker.process.pid} exited (${signal ?? code}).`);
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      console.error("Server processes keep exiting: stopping.");
      process.exit(1);
    }
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));

  console.log(
    `Claim Desk on http://localhost:${port} (${workers} server process${workers === 1 ? "" : "es"})`,
  );
  for (let i = 0; i < workers; i++) cluster.fork();
}

void main();
