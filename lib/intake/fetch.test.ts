import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { isBlockedAddress, matchesAllowList } from "./addresses";
import { IntakeError, type IntakeFailure } from "./errors";
import { fetchPage, USER_AGENT } from "./fetch";
import { startServer, type TestServer } from "./test-server";

const PAGE = "<!doctype html><html><head><title>Page</title></head><body><p>Bonjour</p></body></html>";
const LOCAL = { allowHosts: ["127.0.0.1"] };

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

async function refusal(promise: Promise<unknown>): Promise<IntakeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntakeError);
  return error as IntakeError;
}

async function expectRefused(promise: Promise<unknown>, code: IntakeFailure): Promise<IntakeError> {
  const error = await refusal(promise);
  expect(error.code).toBe(code);
  return error;
}

describe("fetchPage", () => {
  it("fetches an allow-listed local page, saying who it is", async () => {
    const server = await serve((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE));
    const page = await fetchPage(`${server.origin}/article`, LOCAL);
    expect(new TextDecoder().decode(page.bytes)).toBe(PAGE);
    expect(page.url).toBe(`${server.origin}/article`);
    expect(server.requests[0]?.headers["user-agent"]).toBe(USER_AGENT);
  });

  it("reads compressed pages", async () => {
    const server = await serve((_req, res) =>
      res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }).end(gzipSync(PAGE)),
    );
    const page = await fetchPage(server.origin, LOCAL);
    expect(new TextDecoder().decode(page.bytes)).toBe(PAGE);
  });

  it("follows up to five redirects and says where it ended", async () => {
    const server = await serve((req, res) => {
      const step = Number(req.url?.slice(1) || "0");
      if (step < 5) res.writeHead(302, { Location: `/${step + 1}` }).end();
      else res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(PAGE);
    });
    const page = await fetchPage(`${server.origin}/0`, LOCAL);
    expect(page.url).toBe(`${server.origin}/5`);
    expect(server.requests).toHaveLength(6);
  });

  it("refuses a sixth redirect", async () => {
    const server = await serve((req, res) => res.writeHead(301, { Location: `${req.url}x` }).end());
    await expectRefused(fetchPage(`${server.origin}/`, LOCAL), "tooManyRedirects");
    expect(server.requests).toHaveLength(6);
  });

  it("refuses loopback without the allow-list, before sending anything", async () => {
    const server = await serve((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE));
    await expectRefused(fetchPage(server.origin, { allowHosts: [] }), "blockedAddress");
    // A name is resolved by the connection's own lookup, which refuses the internal address.
    const port = new URL(server.origin).port;
    const error = await expectRefused(
      fetchPage(`http://localhost:${port}/`, { allowHosts: [] }),
      "blockedAddress",
    );
    expect(error.message).toMatch(/localhost resolves to/);
    expect(server.requests).toHaveLength(0);
  });

  for (const target of [
    "http://10.0.0.1/admin",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:9/",
    "http://[::ffff:10.0.0.1]/",
  ]) {
    it(`refuses a redirect to ${target}, before connecting to it`, async () => {
      const server = await serve((_req, res) => res.writeHead(302, { Location: target }).end());
      const started = Date.now();
      await expectRefused(fetchPage(server.origin, LOCAL), "blockedAddress");
      // Refused at once: no connection attempt to wait for.
      expect(Date.now() - started).toBeLessThan(1000);
      expect(server.requests).toHaveLength(1);
    });
  }

  it("refuses a redirect to another scheme", async () => {
    const server = await serve((_req, res) => res.writeHead(302, { Location: "file:///etc/passwd" }).end());
    await expectRefused(fetchPage(server.origin, LOCAL), "badUrl");
  });

  it("takes only http and https links", async () => {
    for (const link of [
      "ftp://example.org/a",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "not a link",
      "http://user:pw@127.0.0.1/",
    ])
      await expectRefused(fetchPage(link, LOCAL), "badUrl");
  });

  it("gives up on a slow server", async () => {
    const server = await serve((_req, res) => {
      const timer = setTimeout(() => res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE), 5000);
      res.on("close", () => clearTimeout(timer));
    });
    const started = Date.now();
    await expectRefused(fetchPage(server.origin, { ...LOCAL, timeoutMs: 300 }), "timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("gives up on a page that starts and never ends", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.write("<html><body><p>");
      const timer = setTimeout(() => res.end(), 5000);
      res.on("close", () => clearTimeout(timer));
    });
    await expectRefused(fetchPage(server.origin, { ...LOCAL, timeoutMs: 300 }), "timeout");
  });

  it("stops reading an endless body at 5 MB", async () => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      const pump = () => {
        let more = true;
        while (!res.destroyed && more) {
          sent += chunk.length;
          more = res.write(chunk);
        }
        if (!res.destroyed) res.once("drain", pump);
      };
      res.on("close", () => res.removeAllListeners("drain"));
      pump();
    });
    const error = await expectRefused(fetchPage(server.origin, LOCAL), "tooLarge");
    expect(error.message).toMatch(/5 MB/);
    expect(sent).toBeGreaterThan(5 * 1024 * 1024);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it("refuses a declared length over the limit without reading it", async () => {
    const server = await serve((_req, res) =>
      res.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(6 * 1024 * 1024) }).end(),
    );
    await expectRefused(fetchPage(server.origin, LOCAL), "tooLarge");
  });

  it("takes only web pages", async () => {
    for (const type of ["application/pdf", "application/json", "image/png", ""]) {
      const server = await serve((_req, res) =>
        res.writeHead(200, type ? { "Content-Type": type } : {}).end("%PDF-1.4"),
      );
      await expectRefused(fetchPage(server.origin, LOCAL), "notHtml");
    }
  });

  it("says when the site answers with an error", async () => {
    const server = await serve((_req, res) =>
      res.writeHead(404, { "Content-Type": "text/html" }).end("gone"),
    );
    const error = await expectRefused(fetchPage(server.origin, LOCAL), "httpStatus");
    expect(error.status).toBe(404);
  });

  it("says when nothing answers", async () => {
    const server = await serve(() => undefined);
    const origin = server.origin;
    await server.close();
    servers = [];
    await expectRefused(fetchPage(origin, LOCAL), "unreachable");
  });

  it("reads the allow-list from FETCH_ALLOW_HOSTS", async () => {
    const server = await serve((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE));
    const before = process.env.FETCH_ALLOW_HOSTS;
    try {
      process.env.FETCH_ALLOW_HOSTS = "intranet.example, 127.0.0.0/8";
      expect((await fetchPage(server.origin)).bytes.length).toBe(PAGE.length);
      process.env.FETCH_ALLOW_HOSTS = "";
      await expectRefused(fetchPage(server.origin), "blockedAddress");
    } finally {
      if (before === undefined) delete process.env.FETCH_ALLOW_HOSTS;
      else process.env.FETCH_ALLOW_HOSTS = before;
    }
  });
});

describe("isBlockedAddress", () => {
  it("refuses internal IPv4 ranges and takes public ones", () => {
    for (const address of [
      "0.0.0.0",
      "10.1.2.3",
      "100.64.0.1",
      "127.0.0.1",
      "169.254.169.254",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "198.18.0.1",
      "224.0.0.1",
      "255.255.255.255",
    ])
      expect(isBlockedAddress(address), address).toBe(true);
    for (const address of ["8.8.8.8", "172.32.0.1", "151.101.1.1", "100.128.0.1"])
      expect(isBlockedAddress(address), address).toBe(false);
  });

  it("refuses internal IPv6 ranges, and IPv4 hidden in IPv6", () => {
    for (const address of [
      "::",
      "::1",
      "fe80::1",
      "fc00::1",
      "fd12:3456::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::10.0.0.1",
      "2002:0a00:0001::1",
      "2001:db8::1",
      "not-an-address",
    ])
      expect(isBlockedAddress(address), address).toBe(true);
    for (const address of ["2a00:1450:4007:80e::200e", "::ffff:8.8.8.8", "2606:4700::1111"])
      expect(isBlockedAddress(address), address).toBe(false);
  });

  it("matches allow-list entries by name, address and IPv4 range", () => {
    expect(matchesAllowList("cms.intranet", "10.0.0.5", ["cms.intranet"])).toBe(true);
    expect(matchesAllowList("other", "10.0.0.5", ["10.0.0.0/24"])).toBe(true);
    expect(matchesAllowList("other", "10.0.1.5", ["10.0.0.0/24"])).toBe(false);
    expect(matchesAllowList("127.0.0.1", "127.0.0.1", ["127.0.0.1"])).toBe(true);
    expect(matchesAllowList("x", "10.0.0.1", [])).toBe(false);
  });
});
