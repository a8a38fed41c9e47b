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
    // Written whole under another name, then linked into place: link() fails when the file exists,
    // and a process starting at the same moment never reads a file created but not yet written.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(draft, secret, { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch {
      // Another process put its secret there first: use theirs.
      secret = fs.readFileSync(file, "utf8").trim();
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  setProcessEnv("AUTH_SECRET", secret);
  return secret;
}
