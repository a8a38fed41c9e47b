import { beforeEach, describe, expect, it, vi } from "vitest";
import { countArticles, getArticleById } from "@/lib/data/articles";
import { makeArticle, makeUser } from "@/test/data-helpers";
import { MAX_BODY_LENGTH } from "@/lib/validation/article";
import { updateArticleAction } from "../[id]/edit/actions";
import { createArticleAction } from "./actions";

// The session comes from next-auth's cookie; here it is whoever the test says is signed in.
const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

async function signInAs(role: "editor" | "reviewer") {
  const user = await makeUser(role);
  session.current = {
    user: { uid: user.id, role: user.role, name: user.name, email: "x@test.local", locale: null },
  };
  return user;
}

const fields = { title: "Titre", outlet: "", url: "", language: "", publishedAt: "", bodyFormat: "text" };

describe("createArticleAction", () => {
  beforeEach(() => {
    session.current = null;
  });

  it("refuses a visitor who is not signed in and writes nothing", async () => {
    const before = await countArticles();
    const result = await createArticleAction({ ...fields, body: "Du texte." });
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await countArticles()).toBe(before);
  });

  it("creates the article for a signed-in editor", async () => {
    await signInAs("editor");
    const result = await createArticleAction({
      ...fields,
      body: "Le Kremlin affirme.\r\n\r\n\r\nKyiv n'a pas commenté.",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await getArticleById({ id: result.data.id }))?.body).toBe(
      "Le Kremlin affirme.\n\nKyiv n'a pas commenté.",
    );
  });

  it("refuses a body over the limit once normalised, with the field error, whatever the client checked", async () => {
    await signInAs("editor");
    const before = await countArticles();
    const body = Array.from({ length: 201 }, () => "z".repeat(1000)).join("\n");
    const result = await createArticleAction({ ...fields, body });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { body: ["bodyTooLong"] },
    });
    expect(body.length).toBeLessThan(MAX_BODY_LENGTH * 2);
    expect(await countArticles()).toBe(before);
  });

  it("answers malformed input with field errors, not an exception", async () => {
    await signInAs("editor");
    const result = await createArticleAction({ title: 42, body: null });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(expect.arrayContaining(["title", "body"]));
  });
});

describe("updateArticleAction", () => {
  beforeEach(() => {
    session.current = null;
  });

  const meta = { title: "Nouveau titre", outlet: "", url: "", language: "fr", publishedAt: "" };

  it("saves new details and tells a second, stale save that it conflicts", async () => {
    const editor = await signInAs("editor");
    const { id } = await makeArticle(editor);
    expect(await updateArticleAction({ id, version: 1, ...meta })).toEqual({ ok: true, data: { id } });
    const stale = await updateArticleAction({ id, version: 1, ...meta, title: "Autre" });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect((await getArticleById({ id }))?.title).toBe("Nouveau titre");
  });

  it("refuses a visitor who is not signed in", async () => {
    const editor = await makeUser("editor");
    const { id } = await makeArticle(editor);
    expect(await updateArticleAction({ id, version: 1, ...meta })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect((await getArticleById({ id }))?.title).toBe("Test article");
  });
});
