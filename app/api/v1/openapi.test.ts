import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/api/openapi";
import { call } from "@/test/api-helpers";
import { isMethodAnswer } from "@/lib/http";
import { GET as getDocument } from "./openapi.json/route";

const ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1, as an OpenAPI path: claims/[id]/submit → /claims/{id}/submit. */
function routeFiles(dir = ROOT): { file: string; path: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    // The catch-all answers 404 for the paths no endpoint serves: nothing to document.
    if (entry.name === "route.ts" && dir.endsWith("[...path]")) return [];
    const relative = path.relative(ROOT, path.dirname(full)).split(path.sep).filter(Boolean);
    return [{ file: full, path: `/${relative.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}` }];
  });
}

/** Every $ref in the document, wherever it is. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) =>
      key === "$ref" && typeof v === "string" ? [v] : refs(v),
    );
  }
  return [];
}

describe("the OpenAPI document", () => {
  const doc: OpenApiDocument = buildOpenApiDocument();

  it("documents every method of every route handler under app/api/v1, and nothing else", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(10);
    const implemented: string[] = [];
    for (const { file, path: route } of files) {
      const exported = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        // The 405 answers of otherMethods() are not endpoints.
        const handler = exported[method];
        if (typeof handler === "function" && !isMethodAnswer(handler)) implemented.push(`${method} ${route}`);
      }
    }
    const documented = Object.entries(doc.paths).flatMap(([route, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(documented.sort()).toEqual(implemented.sort());
    expect(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort()).toEqual(implemented.sort());
  });

  it("looks like valid OpenAPI 3.1", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Article", "ArticleInput", "Claim", "ClaimPatch", "Problem", "QueuePage"]),
    );
    for (const schema of Object.values(doc.components.schemas)) {
      expect(schema).not.toHaveProperty("$schema");
      expect(schema).not.toHaveProperty("$id");
    }
    const operationIds = new Set<string>();
    for (const [route, operations] of Object.entries(doc.paths)) {
      expect(route).toMatch(/^\/[a-z0-9/{}._-]*$/);
      const placeholders = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const operation of Object.values(operations)) {
        expect(operationIds.has(operation.operationId)).toBe(false);
        operationIds.add(operation.operationId);
        expect(operation.summary).toBeTruthy();
        const pathParams = operation.parameters.filter((p) => p.in === "path");
        expect(pathParams.map((p) => p.name)).toEqual(placeholders);
        expect(pathParams.every((p) => p.required)).toBe(true);
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(operation.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(response.description).toBeTruthy();
        }
      }
    }
  });

  it("resolves every $ref to a component schema", () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas).toHaveProperty(ref.slice("#/components/schemas/".length));
    }
  });

  it("describes request bodies as clients send them: defaults make fields optional", () => {
    const input = doc.components.schemas.ArticleInput as {
      required?: string[];
      properties: Record<string, unknown>;
    };
    // A new article is its `body` (with a title), or a page as `html` or a `url`: no field is
    // required on its own, the refinement says which combinations are.
    expect(input.required ?? []).toEqual([]);
    expect(Object.keys(input.properties)).toEqual(expect.arrayContaining(["title", "body", "html", "url"]));
    expect(input.properties).toHaveProperty("bodyFormat");
    const created = doc.components.schemas.CreatedArticle as { properties: Record<string, unknown> };
    expect(created.properties).toHaveProperty("extraction");
    const patch = doc.components.schemas.ClaimPatch as { required: string[] };
    expect(patch.required).toEqual(["version"]);
  });

  it("lists the problem responses of an endpoint, 401 and 429 for every authenticated one", () => {
    const approve = doc.paths["/claims/{id}/approve"]?.post;
    expect(Object.keys(approve?.responses ?? {}).sort()).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "409",
      "413",
      "415",
      "429",
    ]);
    expect(approve?.requestBody).toMatchObject({ required: true });
    expect(approve?.responses["403"]?.["x-problem-codes"]).toEqual(["forbidden", "four_eyes"]);
    expect(approve?.["x-roles"]).toEqual(["reviewer", "admin"]);
    expect(doc.paths["/health"]?.get?.security).toEqual([]);
  });

  it("is served at /api/v1/openapi.json without a token", async () => {
    const res = await call(getDocument, { path: "/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.json).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
