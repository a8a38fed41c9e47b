// The pipeline of every /api/v1 route handler, twin of authedAction (lib/auth/session.ts):
// bearer token → rate limit → role → input parsed by zod → the domain (lib/data) → JSON.
// Every failure on the way leaves as problem+json (lib/errors/problem.ts). No route can skip a step.
import type { z } from "zod";
import { takeRateLimit } from "@/lib/data/rate-limits";
import { authenticateToken, type TokenAccount } from "@/lib/data/tokens";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/errors/problem";
import {
  allowedMethods,
  METHOD_ANSWER,
  methodNotAllowed,
  queryObject,
  ROUTE_METHODS,
  type RouteContext,
  type RouteHandler,
  type RouteMethod,
} from "@/lib/http";
import { hasPermission, type Actor } from "@/lib/review";
import { refuseCrossSite } from "@/lib/security/cross-site";
import { API_CONTENT_SECURITY_POLICY, isHttpsRequest, securityHeaders } from "@/lib/security/headers";
import { parseInput } from "@/lib/validation/parse";
import { readJsonBody } from "./body";
import { isMultipart, readMultipart } from "@/lib/evidence/upload";
import type { Endpoint } from "./endpoint";

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export type { RouteContext, RouteHandler };

export type ApiContext<P extends Schema, Q extends Schema, B extends Schema> = {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  request: Request;
  /** The document of a multipart body (endpoints with `multipart`), else null. */
  file: { name: string; bytes: Uint8Array } | null;
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

async function parseRequest<P extends Schema, Q extends Schema, B extends Schema>(
  endpoint: Endpoint<P, Q, B>,
  request: Request,
  context: RouteContext,
): Promise<ApiContext<P, Q, B>> {
  const params = endpoint.params ? parseInput(endpoint.params, await context.params) : undefined;
  const query = endpoint.query ? parseInput(endpoint.query, queryObject(request)) : undefined;
  let body: unknown;
  let file: { name: string; bytes: Uint8Array } | null = null;
  if (endpoint.body && endpoint.multipart && isMultipart(request)) {
    const form = await readMultipart(request);
    file = form.file;
    body = parseInput(endpoint.body, form.fields);
  } else if (endpoint.body) {
    const raw = await readJsonBody(request);
    if (raw === undefined && !endpoint.bodyOptional) {
      throw new AppError("invalid_input", "This request needs a JSON body.", {
        details: { reason: "body_required" },
      });
    }
    body = parseInput(endpoint.body, raw ?? {});
  }
  return { params, query, body, request, file } as ApiContext<P, Q, B>;
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
            { details: { reason: "cross_site_api" } },
          ),
          { request },
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
          new AppError("unauthenticated", "Send an API token in the header Authorization: Bearer <token>.", {
            details: { reason: "token_missing" },
          }),
          { request, headers: { "WWW-Authenticate": REALM } },
        );
      }
      const account = await authenticateToken({ token });
      if (!account) {
        return problemResponse(
          new AppError(
            "unauthenticated",
            "This token is unknown or revoked, or its account is deactivated.",
            {
              details: { reason: "token_invalid" },
            },
          ),
          { request, headers: { "WWW-Authenticate": `${REALM}, error="invalid_token"` } },
        );
      }
      const limit = getEnv().API_RATE_LIMIT_PER_MINUTE;
      const allowed = await takeRateLimit({ key: `token:${account.tokenId}`, limit });
      if (!allowed.ok) {
        return problemResponse(
          new AppError("rate_limited", `More than ${limit} requests a minute with this token; slow down.`, {
            details: { reason: "token_rate_limited", limit, retryAfter: allowed.retryAfterSeconds },
          }),
          { request },
        );
      }
      if (endpoint.permission && !hasPermission(account.role, endpoint.permission)) {
        throw new AppError("forbidden", "The role of this token's account does not allow this.", {
          details: { reason: "token_role" },
        });
      }
      const input = await parseRequest(endpoint, request, context);
      const actor: Actor = { id: account.id, role: account.role };
      return respond(endpoint as Endpoint, await fn({ ...input, account, actor }));
    } catch (error) {
      return problemResponse(error, { request });
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
      return problemResponse(error, { request });
    }
  });
}

type Answers<M extends RouteMethod> = Record<
  Exclude<RouteMethod, M | (M extends "GET" ? "HEAD" : never)> | "OPTIONS",
  RouteHandler
>;

function methodAnswer(handler: RouteHandler): RouteHandler {
  return Object.assign(guarded(handler), { [METHOD_ANSWER]: true });
}

/**
 * The other methods of a route that implements `implemented`: each answers 405 problem+json with
 * an Allow header, and OPTIONS answers 204 with the same Allow (Next's own would list these too).
 * In a route file: `export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");`
 */
export function otherMethods<const M extends RouteMethod>(...implemented: M[]): Answers<M> {
  const allow = allowedMethods(implemented).join(", ");
  const answers: Record<string, RouteHandler> = {
    OPTIONS: methodAnswer(
      async () => new Response(null, { status: 204, headers: { Allow: allow, "Cache-Control": "no-store" } }),
    ),
  };
  for (const method of ROUTE_METHODS) {
    if (allowedMethods(implemented).includes(method)) continue;
    answers[method] = methodAnswer(async (request) =>
      problemResponse(methodNotAllowed(request, implemented), { request }),
    );
  }
  return answers as Answers<M>;
}

/** The catch-all of /api/v1: a path no route serves is a 404 problem, whatever the method. */
export function unknownPath(): RouteHandler {
  return guarded(async (request) =>
    problemResponse(
      new AppError("not_found", `Nothing lives at ${new URL(request.url).pathname}.`, {
        details: { reason: "unknown_path", path: new URL(request.url).pathname },
      }),
      { request },
    ),
  );
}
