// The pipeline of every signed-in (cookie session) route handler, twin of authedAction and of the
// API's apiRoute: session → role → path and query parsed by zod → the handler (which calls
// lib/data) → a Response. Every refusal leaves as the same problem+json as the API's
// (lib/errors/problem.ts), in the account's language.
import "server-only";
import type { z } from "zod";
import { problemResponse } from "@/lib/errors/problem";
import { isLocale } from "@/lib/i18n/locale";
import { queryObject, type RouteContext, type RouteHandler } from "@/lib/http";
import type { Action } from "@/lib/review";
import { parseInput } from "@/lib/validation/parse";
import { getCurrentUser, authorise, type SessionUser } from "./session";

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export type { RouteContext };

export type AuthedRouteContext<P extends Schema, Q extends Schema> = {
  user: SessionUser;
  params: Out<P>;
  query: Out<Q>;
  request: Request;
};

/**
 * Wraps a route handler: the session is checked (401 without one, 403 without `permission`), then
 * the path params and the query string are parsed with their zod schemas (a failure is a 400 whose
 * field errors are message keys), before `fn` runs; whatever `fn` throws becomes a problem response.
 */
export function authedRoute<P extends Schema = undefined, Q extends Schema = undefined>(
  options: { permission?: Action; params?: P; query?: Q },
  fn: (context: AuthedRouteContext<P, Q>) => Promise<Response>,
): RouteHandler {
  return async (request, context) => {
    let user: SessionUser | null = null;
    try {
      user = await getCurrentUser();
      const allowed = authorise(user, options.permission);
      const params = (
        options.params ? parseInput(options.params, await context.params) : undefined
      ) as Out<P>;
      const query = (options.query ? parseInput(options.query, queryObject(request)) : undefined) as Out<Q>;
      return await fn({ user: allowed, params, query, request });
    } catch (error) {
      const locale = isLocale(user?.locale) ? user.locale : undefined;
      return problemResponse(error, { request, locale });
    }
  };
}
