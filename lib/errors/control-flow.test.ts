// Next's redirect() and notFound() are control flow, not failures: the three request wrappers
// (server actions, API routes, signed-in routes) hand them on to Next instead of answering
// "internal".
import { notFound, redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { apiRoute } from "@/lib/api/handler";
import { call, makeTokenUser } from "@/test/api-helpers";
import { endpoints } from "@/lib/api/endpoints";
import { authedRoute } from "@/lib/auth/route";
import { authedAction } from "@/lib/auth/session";
import { makeUser } from "@/test/data-helpers";
import { z } from "@/lib/validation/zod";
import { signInAs } from "@/test/session";
import { AppError, toFailure } from "./index";
import { problemResponse } from "./problem";

vi.mock("@/lib/auth/config", () => ({ auth: vi.fn(async () => null) }));

function digestOf(error: unknown): string {
  return String((error as { digest?: unknown }).digest);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("Next's control flow goes through the error contract", () => {
  it("toFailure and problemResponse throw redirect() and notFound() on, and still wrap real errors", () => {
    let thrown: unknown;
    try {
      redirect("/articles");
    } catch (error) {
      thrown = error;
    }
    expect(() => toFailure(thrown)).toThrow();
    expect(() => problemResponse(thrown)).toThrow();
    expect(toFailure(new AppError("not_found", "x"))).toMatchObject({ ok: false, code: "not_found" });
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(toFailure(new Error("boom"))).toMatchObject({ ok: false, code: "internal" });
    spy.mockRestore();
  });

  it("a server action that redirects redirects", async () => {
    await signInAs(await makeUser("editor"));
    const action = authedAction({ schema: z.object({}) }, async () => redirect("/articles/1"));
    const error = await rejection(action({}));
    expect(digestOf(error)).toMatch(/^NEXT_REDIRECT;replace;\/articles\/1;307;/);
  });

  it("a signed-in route handler that calls notFound() gives Next its 404", async () => {
    await signInAs(await makeUser("editor"));
    const route = authedRoute({}, async () => notFound());
    const error = await rejection(route(new Request("http://localhost/x"), { params: Promise.resolve({}) }));
    expect(digestOf(error)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("an API route that calls notFound() or redirect() hands it on", async () => {
    const user = await makeTokenUser("editor");
    const gone = apiRoute(endpoints.listQueue, async () => notFound());
    expect(digestOf(await rejection(call(gone, { path: "/queue", token: user.token })))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    const moved = apiRoute(endpoints.listQueue, async () => redirect("/api/v1/articles"));
    expect(digestOf(await rejection(call(moved, { path: "/queue", token: user.token })))).toMatch(
      /^NEXT_REDIRECT;/,
    );
  });
});
