// The safe fetcher: brings in a web page for the desk without becoming a way into the newsroom's
// own network. Only http and https; every host is resolved and its address checked (public
// unicast only, unless the admin's allow-list names it), and the check happens inside the
// connection's own lookup, so the address checked is the address connected to; the socket's
// remote address is checked again once connected. Redirects are followed by hand (at most 5),
// each one checked the same way. One deadline for the whole exchange, a size limit counted while
// the body streams, and only HTML content types.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { getEnv } from "@/lib/env";
import { isBlockedAddress, matchesAllowList } from "./addresses";
import { IntakeError } from "./errors";

export const FETCH_TIMEOUT_MS = 10_000;
export const FETCH_MAX_BYTES = 5 * 1024 * 1024;
export const FETCH_MAX_REDIRECTS = 5;
export const USER_AGENT =
  "ClaimDesk-ArticleImport/1.0 (+newsroom fact-checking tool; fetches one page on an editor's request)";

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

export type FetchOptions = {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Hosts, addresses or IPv4 CIDR ranges fetched even though they are internal; default FETCH_ALLOW_HOSTS. */
  allowHosts?: readonly string[];
};

export type FetchedPage = {
  /** Where the page was in the end, after redirects. */
  url: string;
  contentType: string;
  bytes: Uint8Array;
};

export function allowListFromEnv(): string[] {
  return getEnv()
    .FETCH_ALLOW_HOSTS.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** A URL the fetcher will try at all: http or https, with a host, no credentials. */
export function parseFetchUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new IntakeError("badUrl");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname)
    throw new IntakeError("badUrl");
  if (url.username || url.password) throw new IntakeError("badUrl", "no user name or password in links");
  return url;
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

function checkedLookup(host: string, allowHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const allowed = addresses.filter(
        (entry) => !isBlockedAddress(entry.address) || matchesAllowList(host, entry.address, allowHosts),
      );
      if (allowed.length === 0) {
        return callback(
          new IntakeError("blockedAddress", `${hostname} resolves to ${addresses[0]?.address ?? "nothing"}`),
          "",
          0,
        );
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

type Exchange = { response: IncomingMessage; remoteAddress: string };

function request(url: URL, allowHosts: readonly string[], signal: AbortSignal): Promise<Exchange> {
  const host = bareHost(url);
  // An address written in the link is never looked up: check it here, before any connection.
  if (isIP(host) && isBlockedAddress(host) && !matchesAllowList(host, host, allowHosts))
    return Promise.reject(new IntakeError("blockedAddress", host));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "GET",
        signal,
        lookup: checkedLookup(host, allowHosts),
        // No connection reuse: every request resolves and checks its host anew.
        agent: false,
        headers: {
          "User-Agent": USER_AGENT,
          Accept: "text/html,application/xhtml+xml;q=0.9",
          "Accept-Encoding": "gzip, deflate, br",
          "Accept-Language": "fr,en;q=0.8,*;q=0.5",
        },
      },
      (response) => {
        const remoteAddress = response.socket.remoteAddress ?? "";
        resolve({ response, remoteAddress });
      },
    );
    req.on("socket", (socket) => {
      socket.once("connect", () => {
        // The address actually connected to, checked once more.
        const address = socket.remoteAddress ?? "";
        if (isBlockedAddress(address) && !matchesAllowList(host, address, allowHosts))
          req.destroy(new IntakeError("blockedAddress", address));
      });
    });
    req.on("error", reject);
    req.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "").toLowerCase().trim();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(createGunzip());
  if (encoding === "deflate") return response.pipe(createInflate());
  if (encoding === "br") return response.pipe(createBrotliDecompress());
  return response;
}

async function readLimited(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new IntakeError("tooLarge");
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = decoded(response);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      stream.destroy();
      throw new IntakeError("tooLarge");
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function translate(error: unknown, signal: AbortSignal): IntakeError {
  if (error instanceof IntakeError) return error;
  if (signal.aborted) return new IntakeError("timeout");
  const code = (error as { code?: string })?.code;
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID" || /CERT|SSL|TLS/.test(code ?? ""))
    return new IntakeError("unreachable", "the site's certificate is not valid");
  return new IntakeError("unreachable", code);
}

/** Fetches one web page, following redirects, or throws an IntakeError that says why not. */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? FETCH_MAX_REDIRECTS;
  const allowHosts = options.allowHosts ?? allowListFromEnv();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let url = parseFetchUrl(raw);
    for (let redirects = 0; ; redirects += 1) {
      const { response } = await request(url, allowHosts, controller.signal);
      const status = response.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        response.resume();
        const location = response.headers.location;
        if (!location) throw new IntakeError("httpStatus", `${status} without a Location`, status);
        if (redirects >= maxRedirects) throw new IntakeError("tooManyRedirects");
        try {
          url = parseFetchUrl(new URL(location, url).href);
        } catch {
          throw new IntakeError("badUrl", "the link redirects to something that is not a web page");
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new IntakeError("httpStatus", `HTTP ${status}`, status);
      }
      const contentType = String(response.headers["content-type"] ?? "");
      if (!HTML_TYPES.test(contentType.trim())) {
        response.destroy();
        throw new IntakeError("notHtml", contentType || "no content type");
      }
      const bytes = await readLimited(response, maxBytes);
      return { url: url.href, contentType, bytes };
    }
  } catch (error) {
    throw translate(error, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
