import { afterEach, describe, expect, it } from "vitest";
import { configuredAppUrl, exportAppUrl, requestOrigin } from "./app-url";

afterEach(() => {
  delete process.env.APP_URL;
  delete process.env.AUTH_URL;
});

describe("requestOrigin", () => {
  it("reads the host and the protocol the proxy forwarded, else the Host header", () => {
    expect(requestOrigin(new Headers({ host: "desk.example.org" }), "http:")).toBe("http://desk.example.org");
    expect(requestOrigin(new Headers({ host: "desk.example.org" }))).toBe("https://desk.example.org");
    expect(requestOrigin(new Headers({ host: "localhost:3271" }))).toBe("http://localhost:3271");
    expect(
      requestOrigin(
        new Headers({
          host: "127.0.0.1:3271",
          "x-forwarded-host": "Verif.Example.org, proxy.internal",
          "x-forwarded-proto": "https, http",
        }),
        "http:",
      ),
    ).toBe("https://verif.example.org");
  });

  it("ignores what is not a plain host or protocol", () => {
    const forged = new Headers({
      host: "desk.example.org",
      "x-forwarded-host": "evil.example/phish?",
      "x-forwarded-proto": "javascript",
    });
    expect(requestOrigin(forged, "http:")).toBe("http://desk.example.org");
    expect(requestOrigin(new Headers({ host: "a b" }))).toBeNull();
    expect(requestOrigin(new Headers())).toBeNull();
  });
});

describe("exportAppUrl", () => {
  const request = new Request("http://127.0.0.1:3271/x", {
    headers: { host: "127.0.0.1:3271", "x-forwarded-host": "desk.example.net", "x-forwarded-proto": "https" },
  });

  it("prefers APP_URL, then AUTH_URL, then the request", () => {
    expect(configuredAppUrl()).toBeNull();
    expect(exportAppUrl(request)).toBe("https://desk.example.net");
    process.env.AUTH_URL = "https://auth.example.org/api/auth";
    expect(configuredAppUrl()).toEqual({ url: "https://auth.example.org", source: "AUTH_URL" });
    expect(exportAppUrl(request)).toBe("https://auth.example.org");
    process.env.APP_URL = "https://desk.example.org";
    expect(exportAppUrl(request)).toBe("https://desk.example.org");
    process.env.APP_URL = "";
    expect(configuredAppUrl()?.source).toBe("AUTH_URL");
  });
});
