// Cross-site request refusal (CSRF), applied in proxy.ts (for /api/v1 in lib/api/handler.ts)
// before any page, server action or route handler runs. A browser tells us where a request comes
// from with Origin (on every POST and on cross-origin fetches) and Sec-Fetch-Site; requests
// without them (curl, scripts) come from no page.

type RequestFacts = {
  method: string;
  pathname: string;
  headers: { get(name: string): string | null };
  hasCookies: boolean;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function firstValue(header: string | null): string | null {
  const first = header?.split(",")[0]?.trim();
  return first ? first : null;
}

/** The host the browser addressed, as Next's own server action check sees it. */
function expectedHost(headers: RequestFacts["headers"]): string | null {
  return firstValue(headers.get("x-forwarded-host")) ?? headers.get("host");
}

/** Why the request comes from another site, or null when it does not (or says nothing). */
export function crossSiteSignal(headers: RequestFacts["headers"]): string | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return "opaque origin";
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return "malformed origin";
    }
    if (host !== expectedHost(headers)) return `origin ${origin}`;
  }
  if (headers.get("sec-fetch-site") === "cross-site") return "sec-fetch-site cross-site";
  return null;
}

function isBearer(headers: RequestFacts["headers"]): boolean {
  return /^Bearer\s+\S+/i.test(headers.get("authorization") ?? "");
}

/**
 * Whether to refuse a request as cross-site. Route handlers under /api refuse any cross-site
 * request, except bearer-token calls that carry no cookie (a token is not sent by the browser on
 * its own, so such a call cannot be forged by another site). Pages and server actions refuse
 * cross-site requests that could change something (every method but GET, HEAD, OPTIONS); a
 * cross-site link to a page still opens it.
 */
export function refuseCrossSite(request: RequestFacts): string | null {
  const signal = crossSiteSignal(request.headers);
  if (!signal) return null;
  if (request.pathname === "/api" || request.pathname.startsWith("/api/")) {
    if (isBearer(request.headers) && !request.hasCookies) return null;
    return signal;
  }
  return SAFE_METHODS.has(request.method.toUpperCase()) ? null : signal;
}
