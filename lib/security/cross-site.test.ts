import { describe, expect, it } from "vitest";
import { refuseCrossSite } from "./cross-site";

function request(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  hasCookies = true,
): Parameters<typeof refuseCrossSite>[0] {
  return { method, pathname, headers: new Headers({ host: "desk.example.org", ...headers }), hasCookies };
}

const EVIL = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

describe("refuseCrossSite", () => {
  it("lets same-origin requests through, and requests that say nothing (curl, scripts)", () => {
    expect(
      refuseCrossSite(request("POST", "/articles/1", { origin: "https://desk.example.org" })),
    ).toBeNull();
    expect(refuseCrossSite(request("POST", "/articles/1", { "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(refuseCrossSite(request("POST", "/api/v1/claims", {}))).toBeNull();
  });

  it("refuses a cross-site server action or form post", () => {
    expect(refuseCrossSite(request("POST", "/articles/1", EVIL))).toMatch(/origin/);
    expect(refuseCrossSite(request("POST", "/articles/1", { "sec-fetch-site": "cross-site" }))).toMatch(
      /cross-site/,
    );
    expect(refuseCrossSite(request("POST", "/articles/1", { origin: "null" }))).toBe("opaque origin");
    expect(
      refuseCrossSite(request("DELETE", "/articles/1", { origin: "http://desk.example.org:8080" })),
    ).not.toBeNull();
  });

  it("still opens a page from a link on another site", () => {
    expect(refuseCrossSite(request("GET", "/articles/1", EVIL))).toBeNull();
  });

  it("compares with the host the proxy in front was asked for", () => {
    const behindProxy = { host: "127.0.0.1:3000", "x-forwarded-host": "desk.example.org" };
    expect(
      refuseCrossSite(request("POST", "/articles/1", { ...behindProxy, origin: "https://desk.example.org" })),
    ).toBeNull();
    expect(
      refuseCrossSite(request("POST", "/articles/1", { ...behindProxy, origin: "http://127.0.0.1:3000" })),
    ).not.toBeNull();
  });

  it("refuses any cross-site request to a route handler under /api", () => {
    expect(refuseCrossSite(request("GET", "/api/auth/session", EVIL))).not.toBeNull();
    expect(refuseCrossSite(request("POST", "/api/auth/signout", EVIL))).not.toBeNull();
  });

  it("lets a bearer-token API call without cookies through, but not one with cookies", () => {
    const bearer = { ...EVIL, authorization: "Bearer cd_0123abcd_secret" };
    expect(refuseCrossSite(request("POST", "/api/v1/claims", bearer, false))).toBeNull();
    expect(refuseCrossSite(request("POST", "/api/v1/claims", bearer, true))).not.toBeNull();
    expect(
      refuseCrossSite(request("POST", "/api/v1/claims", { ...EVIL, authorization: "Basic x" }, false)),
    ).not.toBeNull();
  });
});
