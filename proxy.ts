import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { problemLocale, problemResponse, translatorFor } from "@/lib/errors/problem";
import { describeError } from "@/lib/errors/text";
import { refuseCrossSite } from "@/lib/security/cross-site";
import { contentSecurityPolicy, createNonce, isHttpsRequest, securityHeaders } from "@/lib/security/headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** Pages a visitor without a session cookie is sent away from (route handlers answer for themselves). */
function needsSession(pathname: string): boolean {
  return !isApi(pathname) && pathname !== "/sign-in" && !pathname.startsWith("/sign-in/");
}

function refusal(request: NextRequest, reason: string): NextResponse {
  console.warn(`Refused a cross-site ${request.method} ${request.nextUrl.pathname} (${reason}).`);
  const detail = "Cross-site requests are refused. Open the desk itself and try again.";
  const refused = new AppError("forbidden", detail, { details: { reason: "cross_site" } });
  if (isApi(request.nextUrl.pathname)) {
    const problem = problemResponse(refused, { request });
    return new NextResponse(problem.body, { status: problem.status, headers: problem.headers });
  }
  return new NextResponse(describeError(translatorFor(problemLocale(request)), refused), {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * Runs before every page, server action and route handler (not static files, and not the /api/v1
 * handlers, which apply the same refusal and headers themselves in lib/api/handler.ts, without the
 * cost of a proxy pass on every call):
 * 1. refuses cross-site requests that could change something (lib/security/cross-site.ts);
 * 2. sends a visitor without a session cookie to sign-in with the page they asked for — optimistic
 *    only: every page, action and route handler still checks the session itself;
 * 3. gives the response its security headers and a Content-Security-Policy with a fresh nonce,
 *    which Next reads from the request's copy of the header and puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  const https = isHttpsRequest(request.nextUrl, request.headers, getEnv().AUTH_URL);
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce, development: getEnv().NODE_ENV === "development", https });

  let response: NextResponse;
  const crossSite = refuseCrossSite({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
    hasCookies: request.cookies.size > 0,
  });
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (crossSite) {
    response = refusal(request, crossSite);
  } else if (!hasSession && needsSession(request.nextUrl.pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but static files (and the icon), which get their headers from next.config.ts, and /api/v1.
  matcher: ["/((?!api/v1/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
