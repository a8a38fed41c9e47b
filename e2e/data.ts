// Arranging state for a spec through the same data layer the app uses, on the test server's database.
import { E2E_DATABASE_PATH, E2E_DATABASE_URL } from "./env";

process.env.DATABASE_PATH = E2E_DATABASE_PATH;
if (E2E_DATABASE_URL) process.env.DATABASE_URL = E2E_DATABASE_URL;
process.env.SEED_DEMO = "0";

export { getDb, closeDb } from "@/lib/data/connection";
