// /api/v1 is not behind proxy.ts: its handlers refuse cross-site calls and set the security
// headers themselves (lib/api/handler.ts).
import { describe, expect, it } from "vitest";
import { call, makeTokenUser } from "@/test/api-helpers";
import { countArticles } from "@/lib/data/articles";
import { SAMPLE_BODY } from "@/test/data-helpers";
import { apiProblemSchema } from "@/lib/validation/api";
import { POST as postArticle } from "./articles/route";
import { GET as health } from "./health/route";

const EVIL = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
const article = { title: "Guarded", body: SAMPLE_BODY };

describe("the API's own guard", () => {
  it("sends the security headers and a policy that loads nothing, on public and failed calls alike", async () => {
    for (const result of [
      await call(health, { path: "/health" }),
      await call(postArticle, { method: "POST", path: "/articles", body: article }),
    ]) {
      expect(result.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(result.headers.get("x-content-type-options")).toBe("nosniff");
      expect(result.headers.get("x-frame-options")).toBe("DENY");
      expect(result.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  it("adds HSTS behind an https proxy", async () => {
    const result = await call(health, { path: "/health", headers: { "x-forwarded-proto": "https" } });
    expect(result.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("refuses a cross-site call that carries cookies, even with a token, and writes nothing", async () => {
    const editor = await makeTokenUser("editor");
    const before = await countArticles();
    const refused = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: article,
      headers: { ...EVIL, cookie: "authjs.session-token=stolen" },
    });
    expect(refused.status).toBe(403);
    expect(apiProblemSchema.parse(refused.json).detail).toMatch(/Cross-site requests are refused/);
    expect(await countArticles()).toBe(before);
  });

  it("takes a token call without cookies from anywhere: a browser never sends a token on its own", async () => {
    const editor = await makeTokenUser("editor");
    const created = await call(postArticle, {
      method: "POST",
      path: "/articles",
      token: editor.token,
      body: article,
      headers: EVIL,
    });
    expect(created.status).toBe(201);
  });
});
