// The pipeline of every /api/v1 route handler, twin of authedAction (lib/auth/session.ts):
// bearer token → rate limit → role → input parsed by zod → the domain (lib/data) → JSON.
// Every failure on the way leaves as problem+json (lib/api/problem.ts). No route can skip a step.
import type { z } from "zod";
import { takeRateLimit } from "@/lib/data/rate-limits";
import { authenticateToken, type TokenAccount } from "@/lib/data/tokens";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasPermission, type Actor } from "@/lib/review";
import { refuseCrossSite } from "@/lib/security/cross-site";
import { API_CONTENT_SECURITY_POLICY, isHttpsRequest, securityHeaders } from "@/lib/security/headers";
import { parseInput } from "@/lib/validation/parse";
import { readJsonBody } from "./body";
import type { Endpoint } from "./endpoint";
import { problemResponse } from "./problem";

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** What Next passes to a route handler; params are a Promise since Next 15. */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

export type ApiContext<P extends Schema, Q extends Schema, B extends Schema> = {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  request: Request;
};

export type AuthedApiContext<P extends Schema, Q extends Schema, B extends Schema> = ApiContext<P, Q, B> & {
  account: TokenAccount;
  actor: Actor;
};

export const REALM = 'Bearer realm="claim-desk"';

export function jsonResponse(
  data: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(data), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      ...init.headers,
    },
  });
}

/** Query string → object: the first value of each key; empty values count as absent. */
function queryObject(url: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of new URL(url).searchParams) {
    if (value !== "" && !(key in result)) result[key] = value;
  }
  return result;
}

async function parseRequest<P extends Schema, Q extends Schema, B extends Schema>(
  endpoint: Endpoint<P, Q, B>,
  request: Request,
  context: RouteContext,
): Promise<ApiContext<P, Q, B>> {
  const params = endpoint.params ? parseInput(endpoint.params, await context.params) : undefined;
  const query = endpoint.query ? parseInput(endpoint.query, queryObject(request.url)) : undefined;
  let body: unknown;
  if (endpoint.body) {
    const raw = await readJsonBody(request);
    if (raw === undefined && !endpoint.bodyOptional) {
      throw new AppError("invalid_input", "This request needs a JSON body.");
    }
    body = parseInput(endpoint.body, raw ?? {});
  }
  return { params, query, body, request } as ApiContext<P, Q, B>;
}

function respond(endpoint: Endpoint, result: unknown): Response {
  if (result instanceof Response) return result;
  if (endpoint.success.status === 204)
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  return jsonResponse(result, { status: endpoint.success.status });
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * What proxy.ts does for pages, done here for /api/v1 (which the proxy skips): a cross-site call
 * that a browser could have been made to send is refused, and every answer gets the security
 * headers.
 */
function guarded(handler: RouteHandler): RouteHandler {
  return async (request, context) => {
    const url = new URL(request.url);
    const refused = refuseCrossSite({
      method: request.method,
      pathname: url.pathname,
      headers: request.headers,
      hasCookies: (request.headers.get("cookie") ?? "").trim() !== "",
    });
    const response = refused
      ? problemResponse(
          new AppError(
            "forbidden",
            "Cross-site requests are refused. Call the API with a token and no cookie.",
          ),
        )
      : await handler(request, context);
    const https = isHttpsRequest(url, request.headers, getEnv().AUTH_URL);
    for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
    response.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
    return response;
  };
}

/** A route handler for an endpoint that needs an API token. */
export function apiRoute<P extends Schema, Q extends Schema, B extends Schema>(
  endpoint: Endpoint<P, Q, B>,
  fn: (context: AuthedApiContext<P, Q, B>) => Promise<unknown>,
): RouteHandler {
  return guarded(async (request, context) => {
    try {
      const token = bearerToken(request);
      if (!token) {
        return problemResponse(
          new AppError("unauthenticated", "Send an API token in the header Authorization: Bearer <token>."),
          { "WWW-Authenticate": REALM },
        );
      }
      const account = await authenticateToken({ token });
      if (!account) {
        return problemResponse(
          new AppError("unauthenticated", "This token is unknown or revoked, or its account is deactivated."),
          { "WWW-Authenticate": `${REALM}, error="invalid_token"` },
        );
      }
      const limit = getEnv().API_RATE_LIMIT_PER_MINUTE;
      const allowed = await takeRateLimit({ key: `token:${account.tokenId}`, limit });
      if (!allowed.ok) {
        return problemResponse(
          new AppError("rate_limited", `More than ${limit} requests a minute with this token; slow down.`, {
            details: { retryAfter: allowed.retryAfterSeconds },
          }),
          { "Retry-After": String(allowed.retryAfterSeconds) },
        );
      }
      if (endpoint.permission && !hasPermission(account.role, endpoint.permission)) {
        throw new AppError("forbidden", "The role of this token's account does not allow this.");
      }
      const input = await parseRequest(endpoint, request, context);
      const actor: Actor = { id: account.id, role: account.role };
      return respond(endpoint as Endpoint, await fn({ ...input, account, actor }));
    } catch (error) {
      return problemResponse(error);
    }
  });
}

/** A route handler for a service endpoint anyone may call (health, the OpenAPI document). */
export function publicApiRoute<P extends Schema, Q extends Schema, B extends Schema>(
  endpoint: Endpoint<P, Q, B>,
  fn: (context: ApiContext<P, Q, B>) => Promise<unknown>,
): RouteHandler {
  return guarded(async (request, context) => {
    try {
      return respond(endpoint as Endpoint, await fn(await parseRequest(endpoint, request, context)));
    } catch (error) {
      return problemResponse(error);
    }
  });
}
