// Item: under /api/v1 an unimplemented method answers 405 problem+json with Allow, OPTIONS says the
// same Allow, and a path no route serves answers 404 problem+json (never the app's HTML page).
import { describe, expect, it } from "vitest";
import { loadRouteHandlers } from "@/test/security/endpoints";
import { apiProblemSchema } from "@/lib/validation/api";
import { GET as unknownPath } from "./[...path]/route";

const implemented = (await loadRouteHandlers()).filter((r) => r.file.startsWith("app/api/v1/"));
const answers = (await loadRouteHandlers({ methodAnswers: true })).filter((r) =>
  r.file.startsWith("app/api/v1/"),
);

function expectedAllow(file: string): string {
  const methods = new Set(implemented.filter((r) => r.file === file).map((r) => r.method as string));
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    .filter((m) => methods.has(m))
    .join(", ");
}

function request(method: string, path = "/api/v1/health"): Request {
  return new Request(`http://127.0.0.1:3000${path}`, { method, headers: { host: "127.0.0.1:3000" } });
}

describe("methods a route does not implement", () => {
  it("are answered on every /api/v1 route, the catch-all aside", () => {
    const routes = new Set(implemented.map((r) => r.file));
    routes.delete("app/api/v1/[...path]/route.ts");
    for (const file of routes) {
      const methods = [...implemented, ...answers].filter((r) => r.file === file).map((r) => r.method);
      expect(new Set([...methods, ...(methods.includes("GET") ? ["HEAD"] : [])]), file).toEqual(
        new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
      );
    }
  });

  it.each(answers.filter((r) => r.method !== "OPTIONS").map((r) => [r.key, r] as const))(
    "%s answers 405 problem+json with Allow",
    async (_key, route) => {
      const response = await route.handler(request(route.method, route.route), {
        params: Promise.resolve({}),
      });
      expect(response.status).toBe(405);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("allow")).toBe(expectedAllow(route.file));
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const problem = apiProblemSchema.parse(await response.json());
      expect(problem).toMatchObject({
        status: 405,
        code: "method_not_allowed",
        allow: expectedAllow(route.file).split(", "),
      });
      expect(problem.detail).toContain(route.method);
    },
  );

  it.each(answers.filter((r) => r.method === "OPTIONS").map((r) => [r.key, r] as const))(
    "%s answers 204 with the same Allow",
    async (_key, route) => {
      const response = await route.handler(request("OPTIONS", route.route), { params: Promise.resolve({}) });
      expect(response.status).toBe(204);
      expect(response.headers.get("allow")).toBe(expectedAllow(route.file));
    },
  );

  it("speaks the caller's language", async () => {
    const health = answers.find((r) => r.key === "app/api/v1/health/route.ts#DELETE")!;
    const response = await health.handler(
      new Request("http://127.0.0.1:3000/api/v1/health", {
        method: "DELETE",
        headers: { "accept-language": "fr" },
      }),
      { params: Promise.resolve({}) },
    );
    expect((await response.json()) as unknown).toMatchObject({
      detail: "DELETE n’est pas permis ici ; utilisez GET, HEAD, OPTIONS.",
    });
    expect(response.headers.get("content-language")).toBe("fr");
  });
});

describe("a path no /api/v1 route serves", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("answers %s with 404 problem+json", async (method) => {
    const response = await unknownPath(request(method, "/api/v1/articels"), {
      params: Promise.resolve({ path: ["articels"] }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(apiProblemSchema.parse(await response.json())).toMatchObject({
      code: "not_found",
      reason: "unknown_path",
      detail: "Nothing lives at /api/v1/articels.",
    });
  });
});
