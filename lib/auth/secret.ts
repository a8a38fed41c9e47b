import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory, getEnv, setProcessEnv } from "@/lib/env";

/** AUTH_SECRET when set; otherwise one generated on first start and kept under data/. */
export function ensureAuthSecret(): string {
  const configured = getEnv().AUTH_SECRET;
  if (configured) return configured;
  const file = path.join(dataDirectory(), "auth-secret");
  let secret: string;
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    } catch {
      // Another process wrote it first: use theirs.
      secret = fs.readFileSync(file, "utf8").trim();
    }
  }
  setProcessEnv("AUTH_SECRET", secret);
  return secret;
}
