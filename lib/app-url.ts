// The base URL of exported links (claim URLs in every export). APP_URL when it is set; otherwise
// AUTH_URL (the public URL next-auth is told about, when there is one); otherwise the origin the
// request was made to, as the browser saw it: behind a proxy, the X-Forwarded-Host and
// X-Forwarded-Proto headers it sets. A forged header only changes the links of the caller's own
// download, and a host that is not a plain host[:port] is ignored.
import { getEnv } from "@/lib/env";

/** What exported links fell back to before there was a request to learn the origin from. */
export const DEFAULT_APP_URL = "http://localhost:3000";

const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The first value of a header that proxies may have appended to ("a, b"). */
function first(value: string | null): string | null {
  const head = value?.split(",")[0]?.trim();
  return head ? head : null;
}

/**
 * "https://desk.example.org": the origin a request was made to, from X-Forwarded-Host and
 * X-Forwarded-Proto when a proxy set them, else the Host header and `protocol` (the request URL's,
 * or a guess). Null when no usable host is known.
 */
export function requestOrigin(headers: Headers, protocol?: string): string | null {
  const host = [first(headers.get("x-forwarded-host")), first(headers.get("host"))].find(
    (candidate) => candidate !== null && HOST.test(candidate),
  );
  if (!host) return null;
  const forwarded = first(headers.get("x-forwarded-proto"))?.toLowerCase();
  const local = /^(?:localhost|127\.|\[::1\])/i.test(host);
  const proto =
    forwarded === "http" || forwarded === "https"
      ? forwarded
      : (protocol?.replace(/:$/, "") ?? (local ? "http" : "https"));
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}

export type AppUrlSource = "APP_URL" | "AUTH_URL" | "request";

/** The configured base URL of exported links and where it comes from, or null when none is set. */
export function configuredAppUrl(): { url: string; source: Exclude<AppUrlSource, "request"> } | null {
  const env = getEnv();
  if (env.APP_URL) return { url: env.APP_URL, source: "APP_URL" };
  if (env.AUTH_URL) return { url: new URL(env.AUTH_URL).origin, source: "AUTH_URL" };
  return null;
}

/** The base URL of exported links for a request with these headers (a page: next/headers). */
export function appUrlFor(headers: Headers, protocol?: string): string {
  return configuredAppUrl()?.url ?? requestOrigin(headers, protocol) ?? DEFAULT_APP_URL;
}

/** The base URL of the links in an export made by `request` (a route handler). */
export function exportAppUrl(request: Request): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(request.url).protocol;
  } catch {
    protocol = undefined;
  }
  return appUrlFor(request.headers, protocol);
}
