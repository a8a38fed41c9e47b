import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/lib/data/tables";
import { getDb } from "@/lib/data/connection";
import { call, deactivate, makeTokenUser } from "@/test/api-helpers";
import { makeArticle } from "@/test/data-helpers";
import { apiClaimSchema } from "@/lib/validation/api";
import { apiMessageSchema, apiThreadSchema } from "@/lib/validation/api-threads";
import { MESSAGE_MAX } from "@/lib/validation/threads";
import { POST as postClaim } from "./articles/[id]/claims/route";
import { POST as setOwner } from "./articles/[id]/owner/route";
import { POST as assign } from "./claims/[id]/assign/route";
import { PATCH as editMessage } from "./claims/[id]/messages/[message]/route";
import { GET as listMessages, POST as postMessage } from "./claims/[id]/messages/route";

const KREMLIN = "Le Kremlin affirme que ses forces ont pris 12 villages.";

async function desk() {
  const editor = await makeTokenUser("editor", "Ana");
  const reviewer = await makeTokenUser("reviewer", "Ben");
  const article = await makeArticle(editor);
  const res = await call(postClaim, {
    method: "POST",
    path: `/articles/${article.id}/claims`,
    token: editor.token,
    params: { id: String(article.id) },
    body: { quote: KREMLIN, statement: "12 villages", verdict: "disputed", submit: true },
  });
  return { editor, reviewer, article, claim: apiClaimSchema.parse(res.json) };
}

describe("/api/v1 threads and assignment", () => {
  it("posts, lists and edits messages, keeping the earlier text", async () => {
    const { editor, reviewer, claim } = await desk();
    const on = { params: { id: String(claim.id) }, path: `/claims/${claim.id}/messages` };
    const posted = await call(postMessage, {
      ...on,
      method: "POST",
      token: reviewer.token,
      body: { body: "Which source?" },
    });
    expect(posted.status).toBe(201);
    const message = apiMessageSchema.parse(posted.json);
    const edited = await call(editMessage, {
      method: "PATCH",
      token: reviewer.token,
      path: `/claims/${claim.id}/messages/${message.id}`,
      params: { id: String(claim.id), message: String(message.id) },
      body: { body: "Which source, exactly?" },
    });
    expect(edited.status).toBe(200);
    expect(apiMessageSchema.parse(edited.json)).toMatchObject({
      body: "Which source, exactly?",
      earlier: [{ body: "Which source?" }],
    });
    const notMine = await call(editMessage, {
      method: "PATCH",
      token: editor.token,
      path: `/claims/${claim.id}/messages/${message.id}`,
      params: { id: String(claim.id), message: String(message.id) },
      body: { body: "Hijacked" },
    });
    expect(notMine.status).toBe(403);
    const listed = await call(listMessages, { ...on, token: editor.token });
    expect(apiThreadSchema.parse(listed.json).messages.map((m) => m.body)).toEqual([
      "Which source, exactly?",
    ]);
    const tooLong = await call(postMessage, {
      ...on,
      method: "POST",
      token: editor.token,
      body: { body: "x".repeat(MESSAGE_MAX + 1) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json).toMatchObject({ code: "invalid_input" });
  });

  it("refuses a mention of a deactivated account, naming it", async () => {
    const { editor, claim } = await desk();
    const gone = await makeTokenUser("reviewer", "Gone");
    await deactivate(gone.id);
    const [row] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, gone.id));
    const handle = row!.email.split("@")[0];
    const res = await call(postMessage, {
      method: "POST",
      token: editor.token,
      path: `/claims/${claim.id}/messages`,
      params: { id: String(claim.id) },
      body: { body: `Ask @${handle}` },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "invalid_input", reason: "mention_deactivated" });
    expect(JSON.stringify(res.json)).toContain("Gone");
  });

  it("assigns a claim to a reviewer, refuses its own rater, and gives an article an owner", async () => {
    const { editor, reviewer, article, claim } = await desk();
    const res = await call(assign, {
      method: "POST",
      token: reviewer.token,
      path: `/claims/${claim.id}/assign`,
      params: { id: String(claim.id) },
      body: { assigneeId: reviewer.id },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: claim.id, assignedTo: { id: reviewer.id, name: "Ben" } });
    const byEditor = await call(assign, {
      method: "POST",
      token: editor.token,
      path: `/claims/${claim.id}/assign`,
      params: { id: String(claim.id) },
      body: { assigneeId: null },
    });
    expect(byEditor.status).toBe(403);
    const owner = await call(setOwner, {
      method: "POST",
      token: editor.token,
      path: `/articles/${article.id}/owner`,
      params: { id: String(article.id) },
      body: { ownerId: reviewer.id },
    });
    expect(owner.status).toBe(200);
    expect(owner.json).toEqual({ articleId: article.id, owner: { id: reviewer.id, name: "Ben" } });
  });
});
