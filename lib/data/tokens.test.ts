import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, users } from "@/lib/data/tables";
import { getDb } from "./connection";
import { makeUser, refusal } from "@/test/data-helpers";
import {
  authenticateToken,
  createToken,
  hashToken,
  LAST_USED_RESOLUTION_MS,
  listTokens,
  MAX_ACTIVE_TOKENS,
  revokeToken,
} from "./tokens";

describe("API tokens", () => {
  it("returns the plain token once and stores only its SHA-256 hash and prefix", async () => {
    const editor = await makeUser("editor");
    const { token, view } = await createToken({ actor: editor, input: { name: "  CMS  " } });
    expect(token).toMatch(/^cd_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(view).toMatchObject({ name: "CMS", lastUsedAt: null, revokedAt: null, owner: { id: editor.id } });
    expect(token.startsWith(`${view.prefix}_`)).toBe(true);
    const row = (await getDb().select().from(apiTokens).where(eq(apiTokens.id, view.id)).limit(1))[0];
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
  });

  it("authenticates with the owner's current role and records the last use", async () => {
    const editor = await makeUser("editor", "Ana");
    const { token, view } = await createToken({ actor: editor, input: { name: "script" } });
    const account = await authenticateToken({ token });
    expect(account).toMatchObject({ tokenId: view.id, id: editor.id, role: "editor", name: "Ana" });
    const [listed] = await listTokens({ actor: editor });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);

    await getDb().update(users).set({ role: "reviewer" }).where(eq(users.id, editor.id));
    expect((await authenticateToken({ token }))?.role).toBe("reviewer");
  });

  it("writes the last use at most once a minute", async () => {
    const editor = await makeUser("editor");
    const { token } = await createToken({ actor: editor, input: { name: "busy script" } });
    const first = new Date("2026-11-25T10:00:00Z");
    await authenticateToken({ token, now: first });
    await authenticateToken({ token, now: new Date(first.getTime() + 1000) });
    expect((await listTokens({ actor: editor }))[0]?.lastUsedAt).toEqual(first);
    const later = new Date(first.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await authenticateToken({ token, now: later });
    expect((await listTokens({ actor: editor }))[0]?.lastUsedAt).toEqual(later);
  });

  it("refuses malformed, unknown and revoked tokens", async () => {
    const editor = await makeUser("editor");
    const { token, view } = await createToken({ actor: editor, input: { name: "old" } });
    expect(await authenticateToken({ token: "nonsense" })).toBeNull();
    expect(
      await authenticateToken({ token: `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}` }),
    ).toBeNull();
    await revokeToken({ actor: editor, id: view.id });
    expect(await authenticateToken({ token })).toBeNull();
    const [listed] = await listTokens({ actor: editor });
    expect(listed?.revokedAt).toBeInstanceOf(Date);
  });

  it("refuses the tokens of a deactivated account, and new tokens for it", async () => {
    const editor = await makeUser("editor");
    const admin = await makeUser("admin");
    const { token } = await createToken({ actor: editor, input: { name: "cms" } });
    await getDb().update(users).set({ active: false }).where(eq(users.id, editor.id));
    expect(await authenticateToken({ token })).toBeNull();
    const error = await refusal(createToken({ actor: admin, input: { name: "x", userId: editor.id } }));
    expect(error.code).toBe("forbidden");
  });

  it("lets only an admin see, create and revoke the tokens of other accounts", async () => {
    const editor = await makeUser("editor");
    const reviewer = await makeUser("reviewer");
    const admin = await makeUser("admin");
    const { view } = await createToken({ actor: editor, input: { name: "editor's" } });

    expect((await refusal(listTokens({ actor: reviewer, scope: "others" }))).code).toBe("forbidden");
    expect((await refusal(revokeToken({ actor: reviewer, id: view.id }))).code).toBe("not_found");
    expect(
      (await refusal(createToken({ actor: reviewer, input: { name: "x", userId: editor.id } }))).code,
    ).toBe("forbidden");
    expect(await listTokens({ actor: reviewer })).toEqual([]);

    const others = await listTokens({ actor: admin, scope: "others" });
    expect(others.map((t) => t.id)).toContain(view.id);
    expect(others.find((t) => t.id === view.id)?.owner.id).toBe(editor.id);
    const revoked = await revokeToken({ actor: admin, id: view.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const again = await revokeToken({ actor: editor, id: view.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
  });

  it("refuses a blank name and more than the maximum of active tokens", async () => {
    const editor = await makeUser("editor");
    const blank = await refusal(createToken({ actor: editor, input: { name: "   " } }));
    expect(blank.fieldErrors).toEqual({ name: ["required"] });
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++)
      await createToken({ actor: editor, input: { name: `t${i}` } });
    const tooMany = await refusal(createToken({ actor: editor, input: { name: "one more" } }));
    expect(tooMany.fieldErrors).toEqual({ name: ["tooManyTokens"] });
    const [newest] = await listTokens({ actor: editor });
    await revokeToken({ actor: editor, id: newest!.id });
    await expect(createToken({ actor: editor, input: { name: "one more" } })).resolves.toBeTruthy();
  });
});
