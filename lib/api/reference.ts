// Reading the OpenAPI document for the reference page: JSON Schemas → short type labels and
// field rows. Pure functions; the page renders what they return.
import type { JsonSchema, OpenApiDocument, OpenApiOperation } from "./openapi";

export type FieldRow = {
  name: string;
  type: string;
  /** The component schema the field is made of, to link to. */
  ref?: string;
  required: boolean;
  description?: string;
  defaultValue?: string;
  constraints: string[];
};

type Schemas = Record<string, JsonSchema>;

const SAFE = Number.MAX_SAFE_INTEGER;

export function refName(schema: JsonSchema): string | undefined {
  const ref = schema.$ref;
  return typeof ref === "string" ? ref.split("/").at(-1) : undefined;
}

export function resolve(schema: JsonSchema, schemas: Schemas): JsonSchema {
  const name = refName(schema);
  return name ? (schemas[name] ?? {}) : schema;
}

function variants(schema: JsonSchema): JsonSchema[] | undefined {
  const list = schema.anyOf ?? schema.oneOf;
  return Array.isArray(list) ? (list as JsonSchema[]) : undefined;
}

/** A short type for people: `string (uri)`, `"fr" | "en"`, `Claim[]`, `Person | null`. */
export function typeLabel(schema: JsonSchema): string {
  const name = refName(schema);
  if (name) return name;
  const options = variants(schema);
  if (options) return [...new Set(options.map(typeLabel))].join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const type = schema.type;
  if (Array.isArray(type)) return type.map((t) => typeLabel({ ...schema, type: t })).join(" | ");
  if (type === "array") return `${typeLabel((schema.items as JsonSchema | undefined) ?? {})}[]`;
  if (type === "string" && typeof schema.format === "string") return `string (${schema.format})`;
  if (typeof type === "string") return type;
  return "any";
}

/** Limits worth telling a client: lengths, ranges (not the 2^53 bounds zod adds to every integer), item counts. */
export function constraints(schema: JsonSchema): string[] {
  const result: string[] = [];
  const options = variants(schema);
  if (options) return [...new Set(options.flatMap(constraints))];
  const { minLength, maxLength, minimum, maximum, exclusiveMinimum, minItems, maxItems } = schema as Record<
    string,
    number | undefined
  >;
  if (minLength !== undefined && minLength > 0 && maxLength !== undefined)
    result.push(`${minLength}–${maxLength} chars`);
  else if (maxLength !== undefined) result.push(`≤ ${maxLength} chars`);
  else if (minLength !== undefined && minLength > 0) result.push(`≥ ${minLength} chars`);
  if (exclusiveMinimum !== undefined) result.push(`> ${exclusiveMinimum}`);
  if (minimum !== undefined && minimum > -SAFE) result.push(`≥ ${minimum}`);
  if (maximum !== undefined && maximum < SAFE) result.push(`≤ ${maximum}`);
  if (minItems !== undefined && minItems > 0) result.push(`≥ ${minItems} items`);
  if (maxItems !== undefined) result.push(`≤ ${maxItems} items`);
  return result;
}

function referenced(schema: JsonSchema): string | undefined {
  const direct = refName(schema);
  if (direct) return direct;
  const items = schema.items as JsonSchema | undefined;
  if (items) return referenced(items);
  const options = variants(schema);
  return options?.map(referenced).find(Boolean);
}

/** The inline object a field holds, directly or as the items of an array (a $ref is linked instead). */
function nestedObject(schema: JsonSchema): { schema: JsonSchema; suffix: string } | undefined {
  if (schema.type === "object" && schema.properties) return { schema, suffix: "." };
  const items = schema.items as JsonSchema | undefined;
  if (schema.type === "array" && items?.type === "object" && items.properties)
    return { schema: items, suffix: "[]." };
  return undefined;
}

/**
 * The fields of an object schema (following a $ref), in the order the schema lists them; the
 * fields of inline nested objects follow their parent as `sources[].url`.
 */
export function fieldRows(schema: JsonSchema, schemas: Schemas, prefix = ""): FieldRow[] {
  const object = resolve(schema, schemas);
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([name, property]) => {
    const nested = nestedObject(property);
    const row: FieldRow = {
      name: `${prefix}${name}`,
      type: nested ? (nested.suffix === "[]." ? "object[]" : "object") : typeLabel(property),
      ref: referenced(property),
      required: required.has(name),
      description: typeof property.description === "string" ? property.description : undefined,
      defaultValue: "default" in property ? JSON.stringify(property.default) : undefined,
      constraints: constraints(property),
    };
    return nested ? [row, ...fieldRows(nested.schema, schemas, `${prefix}${name}${nested.suffix}`)] : [row];
  });
}

export type OperationEntry = { method: string; path: string; operation: OpenApiOperation };

/** The operations grouped by tag, in the document's tag order. */
export function operationsByTag(
  doc: OpenApiDocument,
): { tag: string; description: string; entries: OperationEntry[] }[] {
  const entries = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );
  return doc.tags.map(({ name, description }) => ({
    tag: name,
    description,
    entries: entries.filter((e) => e.operation.tags.includes(name)),
  }));
}

/** Component schemas used as request bodies (shown with their endpoint) and the others (shown as objects). */
export function requestSchemaNames(doc: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  for (const operations of Object.values(doc.paths)) {
    for (const operation of Object.values(operations)) {
      const schema = operation.requestBody?.content["application/json"]?.schema;
      const name = schema ? refName(schema) : undefined;
      if (name) names.add(name);
    }
  }
  return names;
}
