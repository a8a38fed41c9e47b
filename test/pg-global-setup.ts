// vitest globalSetup of the "pg" project: one PostgreSQL server for the run (test/pg-server.ts)
// and a template database migrated once by the real migrations; test/setup.ts then gives each
// test file a fresh database copied from it (CREATE DATABASE … TEMPLATE, a file copy).
import pg from "pg";
import { migratePostgres, openPostgres } from "../db/client-pg";
import { startPostgres } from "./pg-server";

export const TEMPLATE_DATABASE = "desk_template";

export default async function setup(): Promise<() => Promise<void>> {
  const server = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: server.url("postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const template = openPostgres(server.url(TEMPLATE_DATABASE));
    await migratePostgres(template);
    await template.$client.end();
  } catch (error) {
    server.stop();
    throw error;
  }
  // Inherited by the test workers, which start after this.
  process.env.TEST_PG_ADMIN_URL = server.url("postgres");
  process.env.TEST_PG_TEMPLATE = TEMPLATE_DATABASE;
  return async () => server.stop();
}
