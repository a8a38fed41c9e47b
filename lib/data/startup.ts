import "server-only";
import { getEnv } from "@/lib/env";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { prepareDb } from "./connection";
import { seedDemo } from "./seed";

/** Runs once when the server starts: migrate, make sure a session secret exists, seed an empty database. */
export async function prepareDatabase(): Promise<void> {
  await prepareDb();
  ensureAuthSecret();
  if (!getEnv().SEED_DEMO) return;
  const accounts = await seedDemo();
  if (!accounts) return;
  const lines = accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(28)} ${a.password}`);
  console.log(
    [
      "",
      "Claim Desk: demo workspace created. These passwords are shown once; keep them.",
      ...lines,
      "Add accounts with: npm run user -- add --email E --name N --role editor|reviewer|admin",
      "",
    ].join("\n"),
  );
}
