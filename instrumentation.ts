export async function register() {
  // Runs at `next start` (never at build): migrate, secret, demo workspace, and mark the database
  // as served so that `npm run restore` refuses to replace it under a running app.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareDatabase } = await import("./lib/data/startup");
    await prepareDatabase();
    const { registerRunningServer } = await import("./lib/ops/server-lock");
    const { getEnv } = await import("./lib/env");
    // The file lock guards a SQLite file against `npm run restore`; PostgreSQL has no file here.
    if (!getEnv().DATABASE_URL) registerRunningServer(getEnv().DATABASE_PATH);
    // E-mail and webhook deliveries leave from the outbox table, in every server process.
    const { ensureOutboxWorker } = await import("./lib/notify/worker");
    ensureOutboxWorker();
  }
}
