// Arranging state for a spec through the same data layer the app uses, on the test server's database.
import { E2E_DATABASE_PATH } from "./env";

process.env.DATABASE_PATH = E2E_DATABASE_PATH;
process.env.SEED_DEMO = "0";

export { getDb, closeDb } from "@/lib/data/connection";
