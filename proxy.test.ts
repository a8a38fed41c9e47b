import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "./proxy";

const BASE = "http://127.0.0.1:3000";

function call(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return proxy(
    new NextRequest(`${BASE}${path}`, {
      method: init.method ?? "GET",
      headers: { host: "127.0.0.1:3000", ...init.headers },
    }),
  );
}

const SESSION = { cookie: "authjs.session-token=abc" };

function nonceOf(policy: string | null): string | undefined {
  return /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
}

describe("proxy", () => {
  it("sends a visitor without a session cookie to sign-in with the page asked for", () => {
    const response = call("/articles?sort=title");
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.pathname}${location.search}`).toBe("/sign-in?callbackUrl=%2Farticles%3Fsort%3Dtitle");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets sign-in and route handlers answer for themselves", () => {
    expect(call("/sign-in").status).toBe(200);
    expect(call("/api/auth/session").status).toBe(200);
  });

  it("gives each response a fresh nonce and hands the same policy to Next in the request", () => {
    const first = call("/articles", { headers: SESSION });
    const second = call("/articles", { headers: SESSION });
    const policy = first.headers.get("content-security-policy");
    expect(nonceOf(policy)).toBeDefined();
    expect(nonceOf(policy)).not.toBe(nonceOf(second.headers.get("content-security-policy")));
    // NextResponse.next({ request: { headers } }) carries the overridden request headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(policy));
  });

  it("sets the security headers on every kind of response", () => {
    const responses = [
      call("/articles", { headers: SESSION }),
      call("/articles"),
      call("/api/auth/session"),
      call("/articles/1", { method: "POST", headers: { ...SESSION, origin: "https://evil.example" } }),
    ];
    for (const response of responses) {
      expect(response.headers.get("content-security-policy")).toMatch(
        /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
      );
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("adds HSTS and the https upgrade behind a proxy that says https", () => {
    const response = call("/articles", { headers: { ...SESSION, "x-forwarded-proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("refuses a cross-site post to a page (server actions) with 403", async () => {
    const response = call("/articles/1", {
      method: "POST",
      headers: { ...SESSION, origin: "https://evil.example", "next-action": "abc" },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Cross-site requests are refused");
  });

  it("refuses a cross-site call to a route handler with problem+json", async () => {
    const response = call("/api/auth/signout", {
      method: "POST",
      headers: { ...SESSION, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 403,
      code: "forbidden",
      reason: "cross_site",
      title: "Not allowed",
      detail: "Cross-site requests are refused. Open the desk itself and try again.",
    });
  });

  it("does not run on static files, nor on /api/v1 (its handlers guard themselves)", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    expect(matcher.test("/_next/static/chunks/app.js")).toBe(false);
    expect(matcher.test("/favicon.ico")).toBe(false);
    expect(matcher.test("/icon.svg")).toBe(false);
    expect(matcher.test("/articles/1")).toBe(true);
    expect(matcher.test("/api/v1/claims")).toBe(false);
    expect(matcher.test("/api/auth/session")).toBe(true);
  });
});
