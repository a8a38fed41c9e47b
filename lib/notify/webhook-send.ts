import "server-only";
// Posts one webhook delivery. Like the article fetcher (lib/intake/fetch.ts), it refuses private
// and internal addresses (checked in the connection's own lookup and again once connected) unless
// WEBHOOK_ALLOW_HOSTS names them; no redirects are followed; one deadline for the whole exchange.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { getEnv } from "@/lib/env";
import { isBlockedAddress, matchesAllowList } from "@/lib/intake/addresses";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export class WebhookSendError extends Error {}

export function webhookAllowList(): string[] {
  return getEnv()
    .WEBHOOK_ALLOW_HOSTS.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function checkedLookup(host: string, allow: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const allowed = addresses.filter(
        (entry) => !isBlockedAddress(entry.address) || matchesAllowList(host, entry.address, allow),
      );
      if (allowed.length === 0) {
        return callback(
          new WebhookSendError(
            `blocked address: ${hostname} resolves to ${addresses[0]?.address ?? "nothing"}`,
          ),
          "",
          0,
        );
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

export type WebhookResponse = { status: number; durationMs: number };

/** Posts `body`; resolves with the response status (any), rejects when no answer came. */
export function postWebhook(
  raw: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs?: number; allowHosts?: readonly string[] } = {},
): Promise<WebhookResponse> {
  const started = performance.now();
  const allow = options.allowHosts ?? webhookAllowList();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return Promise.reject(new WebhookSendError("not a URL"));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.reject(new WebhookSendError("only http and https URLs"));
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isBlockedAddress(host) && !matchesAllowList(host, host, allow)) {
    return Promise.reject(new WebhookSendError(`blocked address: ${host}`));
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: checkedLookup(host, allow),
        agent: false,
        timeout: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
        headers: {
          ...headers,
          "Content-Type": "application/json",
          "Content-Length": String(Buffer.byteLength(body)),
          "User-Agent": "ClaimDesk-Webhook/1",
        },
      },
      (response) => {
        // The body is not needed; read (at most a little of) it so the socket closes.
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, durationMs: performance.now() - started }),
        );
        response.on("error", reject);
      },
    );
    const deadline = setTimeout(
      () =>
        req.destroy(new WebhookSendError(`no answer within ${options.timeoutMs ?? WEBHOOK_TIMEOUT_MS} ms`)),
      options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
    );
    req.on("close", () => clearTimeout(deadline));
    req.on("timeout", () => req.destroy(new WebhookSendError("timed out")));
    req.on("socket", (socket) => {
      socket.once("connect", () => {
        const address = socket.remoteAddress ?? "";
        if (isBlockedAddress(address) && !matchesAllowList(host, address, allow)) {
          req.destroy(new WebhookSendError(`blocked address: ${address}`));
        }
      });
    });
    req.on("error", (error) =>
      reject(
        error instanceof WebhookSendError
          ? error
          : new WebhookSendError(error.message || String((error as { code?: string }).code)),
      ),
    );
    req.end(body);
  });
}
