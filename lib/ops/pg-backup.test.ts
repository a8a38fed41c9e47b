// npm run backup / restore on PostgreSQL (pg_dump / pg_restore), against the real server of the
// "pg" project: a round trip through the scripts, and the refusals. Only in the "pg" project.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createClaim, getClaimHistory } from "@/lib/data/claims";
import { closeDb, getDb } from "@/lib/data/connection";
import { search } from "@/lib/data/search";
import { claimEvents, claims, users } from "@/lib/data/tables";
import { claimInput, makeArticle, makeUser, SAMPLE_BODY } from "@/test/data-helpers";
import { getEnv } from "@/lib/env";
import { parseSearchParams } from "@/lib/validation/search";
import { OpsError } from "./backup";
import { inspectPostgresDump, restorePostgres } from "./pg-backup";

function script(name: "backup" | "restore", file: string) {
  return spawnSync("npx", ["tsx", "--tsconfig", "tsconfig.node.json", `scripts/${name}.ts`, file], {
    encoding: "utf8",
    env: { ...process.env },
    timeout: 60_000,
  });
}

describe("backup and restore on PostgreSQL", () => {
  it("round trip: pg_dump while connected, pg_restore once the app is gone, the current database kept", async () => {
    const editor = await makeUser("editor");
    const article = await makeArticle(editor);
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, "Le Kremlin affirme que ses forces ont pris 12 villages."),
    });
    const dir = path.join(path.dirname(getEnv().DATABASE_PATH), "pg-backup");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "desk.dump");

    const backup = script("backup", file);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/pg_dump archive \(custom format\)/);
    expect(backup.stdout).toMatch(/Tables: .*claim_events/);
    expect((await inspectPostgresDump(file)).tables).toEqual(expect.arrayContaining(["users", "claims"]));
    expect(script("backup", file).stderr).toContain("already exists");

    // Written after the backup: gone once it is restored.
    await makeUser("reviewer");
    expect(await getDb().select().from(users)).toHaveLength(2);

    // The app's pool is connected: refused, nothing changed.
    const refused = script("restore", file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Restore refused: The app is connected to this database/);
    await closeDb();

    const restored = script("restore", file);
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    const previous = /kept as (\S+)\.$/m.exec(restored.stdout)?.[1];
    expect(previous).toMatch(/desk\.dump\.before-restore-/);
    expect((await inspectPostgresDump(previous!)).tables).toContain("users");

    const db = getDb();
    expect((await db.select().from(users)).map((u) => u.id)).toEqual([editor.id]);
    const [stored] = await db.select().from(claims);
    expect(stored!.id).toBe(claim.id);
    expect((await getClaimHistory({ claimId: claim.id })).map((h) => h.type)).toEqual(["created"]);
    const hits = await search(parseSearchParams({ q: "kremlin villages" }));
    expect(hits?.claims?.items.map((c) => c.id)).toEqual([claim.id]);
    // Triggers came back with the tables: history is still append-only, ids go on after the largest.
    await expect(db.delete(claimEvents)).rejects.toMatchObject({
      cause: { message: "claim_events is append-only" },
    });
    const again = await makeUser("admin");
    expect(again.id).toBeGreaterThan(editor.id);
  });

  it("refuses a file that is not a desk's pg_dump archive before touching the database", async () => {
    const dir = path.join(path.dirname(getEnv().DATABASE_PATH), "pg-backup-bad");
    fs.mkdirSync(dir, { recursive: true });
    const bad = path.join(dir, "not-a-dump");
    fs.writeFileSync(bad, "hello");
    await expect(restorePostgres({ url: getEnv().DATABASE_URL!, backup: bad })).rejects.toThrow(OpsError);
    await expect(
      restorePostgres({ url: getEnv().DATABASE_URL!, backup: path.join(dir, "missing") }),
    ).rejects.toThrow(/does not exist/);
    expect(fs.readdirSync(dir)).toEqual(["not-a-dump"]);
  });
});
