import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FIXTURE_PAGES, fixtureHtml } from "@/lib/intake/fixtures";
import { startServer, type TestServer } from "@/lib/intake/test-server";
import { makeUser } from "@/test/data-helpers";
import { previewArticleAction } from "./actions";

const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

async function signInAs(role: "editor" | "reviewer" | "admin") {
  const user = await makeUser(role);
  session.current = {
    user: { uid: user.id, role: user.role, name: user.name, email: "x@test.local", locale: null },
  };
}

// jsdom parses pages of up to half a megabyte: seconds each on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const reuters = FIXTURE_PAGES.find((page) => page.name === "en-reuters-israel-tank-journalists")!;

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/pdf") res.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF");
    else res.writeHead(200, { "Content-Type": "text/html" }).end(fixtureHtml(reuters.name));
  });
});
afterAll(() => server.close());

describe("previewArticleAction", () => {
  beforeEach(() => {
    session.current = null;
    delete process.env.FETCH_ALLOW_HOSTS;
  });

  it("refuses a visitor who is not signed in, and fetches nothing", async () => {
    const before = server.requests.length;
    const result = await previewArticleAction({ source: "url", url: `${server.origin}/a` });
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(server.requests.length).toBe(before);
  });

  it("extracts pasted HTML for an editor", async () => {
    await signInAs("editor");
    const result = await previewArticleAction({
      source: "html",
      html: fixtureHtml(reuters.name).toString("utf8"),
    });
    expect(result.ok && result.data.ok && result.data.details.title).toBe(reuters.title);
  });

  it("fetches an allow-listed link", async () => {
    await signInAs("editor");
    process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
    const result = await previewArticleAction({ source: "url", url: `${server.origin}/article` });
    expect(result.ok).toBe(true);
    if (!result.ok || !result.data.ok) return;
    expect(result.data.details.outlet).toBe("Reuters");
    expect(result.data.text.startsWith(reuters.title)).toBe(true);
  });

  it("says why a link is refused, as a message key for the link field", async () => {
    await signInAs("editor");
    expect(await previewArticleAction({ source: "url", url: `${server.origin}/article` })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { url: ["blockedAddress"] },
    });
    process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
    expect(await previewArticleAction({ source: "url", url: `${server.origin}/pdf` })).toMatchObject({
      ok: false,
      fieldErrors: { url: ["notHtml"] },
    });
    expect(await previewArticleAction({ source: "url", url: "ftp://example.org/" })).toMatchObject({
      ok: false,
      fieldErrors: { url: ["badUrl"] },
    });
  });
});
