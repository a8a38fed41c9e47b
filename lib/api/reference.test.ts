import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { constraints, fieldRows, operationsByTag, requestSchemaNames, typeLabel } from "./reference";

describe("reading the OpenAPI document for people", () => {
  it("labels types briefly", () => {
    expect(typeLabel({ type: "string", format: "uri" })).toBe("string (uri)");
    expect(typeLabel({ anyOf: [{ $ref: "#/components/schemas/Person" }, { type: "null" }] })).toBe(
      "Person | null",
    );
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Claim" } })).toBe("Claim[]");
    expect(typeLabel({ type: "string", enum: ["fr", "en"] })).toBe('"fr" | "en"');
    expect(typeLabel({ type: ["string", "null"] })).toBe("string | null");
  });

  it("keeps the limits a client needs and drops zod's integer bounds", () => {
    expect(constraints({ type: "string", minLength: 1, maxLength: 300 })).toEqual(["1–300 chars"]);
    expect(constraints({ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 })).toEqual(
      [],
    );
    expect(constraints({ type: "integer", minimum: 1, maximum: 100 })).toEqual(["≥ 1", "≤ 100"]);
  });

  it("lists the fields of a request body with what is required and the defaults", () => {
    const doc = buildOpenApiDocument();
    const rows = fieldRows({ $ref: "#/components/schemas/ClaimInput" }, doc.components.schemas);
    const quote = rows.find((r) => r.name === "quote");
    const verdict = rows.find((r) => r.name === "verdict");
    expect(quote).toMatchObject({ required: true, type: "string" });
    expect(verdict).toMatchObject({ required: false, defaultValue: '"unrated"' });
    expect(rows.find((r) => r.name === "sources")).toMatchObject({
      type: "object[]",
      constraints: ["≤ 20 items"],
    });
    // A source's kind says which of its fields count; a source without one is a web page.
    expect(rows.find((r) => r.name === "sources[].kind")).toMatchObject({ required: false });
    expect(rows.find((r) => r.name === "sources[].url")).toMatchObject({ type: "string", required: false });
  });

  it("groups every operation under its tag and tells request schemas apart", () => {
    const doc = buildOpenApiDocument();
    const groups = operationsByTag(doc);
    const count = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(count);
    expect([...requestSchemaNames(doc)].sort()).toEqual(
      [
        "ArticleInput",
        "ClaimDelete",
        "ClaimInput",
        "ClaimPatch",
        "ClaimReturn",
        "ClaimSubmit",
        "CommentRequestInput",
        "ReplyInput",
        "SuggestInput",
        "WebhookInput",
        "WebhookPatch",
      ].sort(),
    );
  });
});
