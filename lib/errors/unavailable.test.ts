// A database that went away (PostgreSQL restarting, unreachable) answers 503 with its reason in
// both languages, never 500; a query that is merely wrong stays an internal error.
import { describe, expect, it, vi } from "vitest";
import { isDatabaseUnavailable, toAppError } from "./index";
import { problemResponse } from "./problem";

function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { code, severity: "FATAL" });
}

/** drizzle's wrapper around the driver's error. */
function failedQuery(cause: unknown) {
  return Object.assign(new Error("Failed query: select 1"), { cause });
}

describe("database unavailable", () => {
  it("recognises what node-postgres says when the server goes away", () => {
    const errors = [
      pgError("57P01", "terminating connection due to administrator command"),
      pgError("57P03", "the database system is shutting down"),
      pgError("08006", "connection failure"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      new Error("Client has encountered a connection error and is not queryable"),
    ];
    for (const error of errors) {
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
      expect(isDatabaseUnavailable(failedQuery(error)), error.message).toBe(true);
    }
    expect(isDatabaseUnavailable(failedQuery(pgError("42703", 'column "nope" does not exist')))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });

  it("answers 503 problem+json with a reason in English and French, and Retry-After", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = failedQuery(pgError("57P01", "terminating connection due to administrator command"));
    expect(toAppError(error).code).toBe("unavailable");
    const en = problemResponse(error);
    expect(en.status).toBe(503);
    expect(en.headers.get("content-type")).toBe("application/problem+json");
    expect(en.headers.get("retry-after")).toBe("2");
    const body = (await en.json()) as { reason: string; detail: string };
    expect(body.reason).toBe("database_unavailable");
    expect(body.detail).toMatch(/lost its database/);
    const fr = (await problemResponse(error, { locale: "fr" }).json()) as { detail: string };
    expect(fr.detail).toMatch(/perdu sa base de données/);
    expect(toAppError(failedQuery(pgError("42703", "no such column"))).code).toBe("internal");
    log.mockRestore();
  });
});
