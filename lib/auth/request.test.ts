import { describe, expect, it } from "vitest";
import { clientAddress, wantsSecureCookies } from "./request";

describe("clientAddress", () => {
  it("takes the first X-Forwarded-For entry, else X-Real-IP", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": " 203.0.113.9 , 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers({ "x-forwarded-for": "", "x-real-ip": "198.51.100.4" }))).toBe(
      "198.51.100.4",
    );
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("bounds a forged header", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "a".repeat(10_000) }))).toHaveLength(100);
  });
});

describe("wantsSecureCookies", () => {
  it("follows AUTH_URL when set", () => {
    expect(wantsSecureCookies({ authUrl: "https://desk.example.org" })).toBe(true);
    expect(
      wantsSecureCookies({
        authUrl: "http://localhost:3000",
        headers: new Headers({ "x-forwarded-proto": "https" }),
      }),
    ).toBe(false);
  });

  it("is on behind a proxy that says https, or on a direct https request", () => {
    expect(wantsSecureCookies({ headers: new Headers({ "x-forwarded-proto": "https,http" }) })).toBe(true);
    expect(wantsSecureCookies({ headers: new Headers({ "x-forwarded-proto": "http" }) })).toBe(false);
    expect(wantsSecureCookies({ url: "https://desk.example.org/api/auth/session" })).toBe(true);
    expect(wantsSecureCookies({ url: "http://127.0.0.1:3000/" })).toBe(false);
    expect(wantsSecureCookies({})).toBe(false);
  });
});
