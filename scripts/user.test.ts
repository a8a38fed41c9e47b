import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { listAdminAudit } from "@/lib/data/accounts";
import { getUserCredentialsByEmail } from "@/lib/data/users";
import { verifyPassword } from "@/lib/auth/password";

// `npm run user` exactly as an operator runs it, in its own process, on this test's database.
function user(args: string[], stdin?: string) {
  const result = spawnSync("npm", ["run", "-s", "user", "--", ...args], {
    encoding: "utf8",
    input: stdin,
    env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run user", { timeout: 180_000 }, () => {
  it("prints its help", () => {
    const result = user(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("npm run user -- add --email E --name N --role R");
  });

  it("creates an account through the admin page's function: validated and in the admin audit", async () => {
    const result = user(["add", "--email", " Lea@Desk.Test ", "--name", " Léa Roux ", "--role", "admin"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Created admin lea@desk.test (Léa Roux).");
    const password = /Password \(shown once\): (\S+)/.exec(result.stdout)?.[1];
    const stored = await getUserCredentialsByEmail({ email: "lea@desk.test" });
    expect(stored).toMatchObject({ name: "Léa Roux", role: "admin" });
    expect(await verifyPassword(password!, stored!.passwordHash)).toBe(true);
    const [entry] = await listAdminAudit({ actor: { id: stored!.id, role: "admin" }, limit: 1 });
    expect(entry).toMatchObject({
      action: "account.created",
      actor: { id: stored!.id },
      target: { id: stored!.id },
      after: { email: "lea@desk.test", name: "Léa Roux", role: "admin", via: "console" },
    });
  });

  it("refuses what the admin page refuses, and writes nothing", async () => {
    const badEmail = user(["add", "--email", "not-an-email", "--name", "X", "--role", "editor"]);
    expect(badEmail.status).toBe(1);
    expect(badEmail.stderr).toContain("email: Enter an email address like ana@newsroom.example.");

    const short = user(
      ["add", "--email", "short@desk.test", "--name", "Short", "--role", "editor"],
      "12345678",
    );
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("Use at least 10 characters.");
    expect(await getUserCredentialsByEmail({ email: "short@desk.test" })).toBeUndefined();

    const piped = user(
      ["add", "--email", "piped@desk.test", "--name", "Piped", "--role", "editor"],
      "a-long-enough-secret\n",
    );
    expect(piped.status).toBe(0);
    expect(piped.stdout).not.toContain("Password");
    const stored = await getUserCredentialsByEmail({ email: "piped@desk.test" });
    expect(await verifyPassword("a-long-enough-secret", stored!.passwordHash)).toBe(true);

    const again = user(["add", "--email", "PIPED@desk.test", "--name", "Twice", "--role", "editor"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
  });
});
