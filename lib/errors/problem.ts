// The problem+json (RFC 9457) shape of every error leaving over HTTP: the API, the signed-in route
// handlers, the catch-all of /api/v1 and the proxy. Status and title come from the codes
// (./index.ts); `detail` and the field details are the catalog's words (./text.ts) in the
// caller's language (Accept-Language, else English).
import { createTranslator } from "next-intl";
import { toApiClaim } from "@/lib/api/serialize";
import type { ClaimView } from "@/lib/data/claims";
import { getEnv } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locale";
import type { ApiProblem } from "@/lib/validation/api";
import {
  ERROR_STATUS,
  ERROR_TITLES,
  PROBLEM_CONTENT_TYPE,
  problemType,
  toAppError,
  type AppError,
} from "./index";
import { describeError, describeFieldError, type Translate } from "./text";

const translators = new Map<Locale, Translate>();

/** A translator of the whole catalog of `locale`, outside any React request. */
export function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({
      locale,
      messages: loadMessages(locale),
      timeZone: getEnv().TIME_ZONE,
    }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** The language of a request's problem details: its Accept-Language, else English. */
export function problemLocale(request: Request | undefined): Locale {
  return localeFromAcceptLanguage(request?.headers.get("accept-language") ?? null) ?? "en";
}

export function toProblem(error: AppError, locale: Locale = "en"): ApiProblem {
  const t = translatorFor(locale);
  const problem: ApiProblem = {
    type: problemType(error.code),
    title: ERROR_TITLES[error.code],
    status: ERROR_STATUS[error.code],
    detail: describeError(t, error),
    code: error.code,
  };
  if (error.fieldErrors) {
    problem.errors = Object.entries(error.fieldErrors).flatMap(([field, codes]) =>
      codes.map((code) => ({ field, code, detail: describeFieldError(t, code) })),
    );
  }
  const details = error.details ?? {};
  if (typeof details.reason === "string") problem.reason = details.reason;
  if (typeof details.by === "string") problem.by = details.by;
  if (typeof details.at === "string") problem.at = details.at;
  if (details.current && typeof details.current === "object")
    problem.current = toApiClaim(details.current as ClaimView);
  if (typeof details.retryAfter === "number") problem.retryAfter = details.retryAfter;
  if (Array.isArray(details.allow)) problem.allow = details.allow.map(String);
  return problem;
}

/**
 * The problem+json response for any thrown value: an AppError as it is, Next's redirect() and
 * notFound() thrown on to Next, anything else logged and answered as a bare 500.
 */
export function problemResponse(
  error: unknown,
  {
    headers = {},
    request,
    locale = problemLocale(request),
  }: { headers?: Record<string, string>; request?: Request; locale?: Locale } = {},
): Response {
  const problem = toProblem(toAppError(error), locale);
  const extra: Record<string, string> = {};
  if (problem.allow) extra.Allow = problem.allow.join(", ");
  if (problem.retryAfter !== undefined) extra["Retry-After"] = String(problem.retryAfter);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      "Content-Type": PROBLEM_CONTENT_TYPE,
      "Cache-Control": "no-store",
      "Content-Language": locale,
      Vary: "Accept-Language",
      ...extra,
      ...headers,
    },
  });
}
