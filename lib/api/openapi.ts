// The OpenAPI 3.1 document of /api/v1, generated from the endpoint table (lib/api/endpoints.ts)
// and the zod schemas that validate the requests (z.toJSONSchema: JSON Schema 2020-12, which is
// OpenAPI 3.1's own dialect). Nothing here restates a field by hand.
import {
  apiCommentRequestSchema,
  apiCreateCommentRequestSchema,
  apiRecordedReplySchema,
  apiRecordReplySchema,
  apiRightOfReplySchema,
} from "@/lib/validation/api-comment";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { ERROR_STATUS, ERROR_TITLES, PROBLEM_CONTENT_TYPE, problemType, type ErrorCode } from "@/lib/errors";
import { PERMISSIONS } from "@/lib/review";
import { ROLES } from "@/lib/review/model";
import {
  API_MAX_LIMIT,
  apiArticlePageSchema,
  apiArticleSchema,
  apiArticleSummarySchema,
  apiClaimDetailSchema,
  apiCreatedArticleSchema,
  apiExtractionSchema,
  apiClaimSchema,
  apiCreateArticleSchema,
  apiCreateClaimSchema,
  apiDeleteClaimBodySchema,
  apiHealthSchema,
  apiHistoryEntrySchema,
  apiPatchClaimSchema,
  apiPersonSchema,
  apiProblemSchema,
  apiProgressSchema,
  apiQueueItemSchema,
  apiQueuePageSchema,
  apiReturnClaimSchema,
  apiSourceSchema,
  apiSubmitClaimSchema,
  apiSuggestionSchema,
  apiSuggestResultSchema,
  apiSuggestSchema,
} from "@/lib/validation/api";
import { MAX_BODY_BYTES } from "./body";
import type { Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import {
  apiCreateWebhookSchema,
  apiPatchWebhookSchema,
  apiWebhookDeliverySchema,
  apiWebhookSchema,
} from "@/lib/validation/api-webhooks";

export type JsonSchema = { [key: string]: unknown };

export type OpenApiParameter = {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

export type OpenApiResponse = {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
  "x-problem-codes"?: ErrorCode[];
};

export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  "x-roles": string[];
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse>;
};

export type OpenApiDocument = {
  openapi: "3.1.0";
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
};

type Meta = { id: string };

// Request bodies are described as clients send them (defaults make fields optional), responses as sent.
const requestSchemas = z.registry<Meta>();
const responseSchemas = z.registry<Meta>();

const REQUEST_NAMES = [
  [apiCreateArticleSchema, "ArticleInput"],
  [apiCreateClaimSchema, "ClaimInput"],
  [apiPatchClaimSchema, "ClaimPatch"],
  [apiSubmitClaimSchema, "ClaimSubmit"],
  [apiReturnClaimSchema, "ClaimReturn"],
  [apiDeleteClaimBodySchema, "ClaimDelete"],
  [apiSuggestSchema, "SuggestInput"],
  [apiCreateCommentRequestSchema, "CommentRequestInput"],
  [apiRecordReplySchema, "ReplyInput"],
  [apiCreateWebhookSchema, "WebhookInput"],
  [apiPatchWebhookSchema, "WebhookPatch"],
] as const;

const RESPONSE_NAMES = [
  [apiPersonSchema, "Person"],
  [apiSourceSchema, "Source"],
  [apiClaimSchema, "Claim"],
  [apiHistoryEntrySchema, "HistoryEntry"],
  [apiClaimDetailSchema, "ClaimDetail"],
  [apiProgressSchema, "Progress"],
  [apiArticleSummarySchema, "ArticleSummary"],
  [apiArticleSchema, "Article"],
  [apiExtractionSchema, "Extraction"],
  [apiCreatedArticleSchema, "CreatedArticle"],
  [apiArticlePageSchema, "ArticlePage"],
  [apiQueueItemSchema, "QueueItem"],
  [apiQueuePageSchema, "QueuePage"],
  [apiSuggestionSchema, "Suggestion"],
  [apiSuggestResultSchema, "SuggestResult"],
  [apiHealthSchema, "Health"],
  [apiProblemSchema, "Problem"],
  [apiCommentRequestSchema, "CommentRequest"],
  [apiRightOfReplySchema, "RightOfReply"],
  [apiRecordedReplySchema, "RecordedReply"],
  [apiWebhookSchema, "Webhook"],
  [apiWebhookDeliverySchema, "WebhookDelivery"],
] as const;

for (const [schema, id] of REQUEST_NAMES) requestSchemas.add(schema, { id });
for (const [schema, id] of RESPONSE_NAMES) responseSchemas.add(schema, { id });

const names = new Map<z.ZodType, string>([...REQUEST_NAMES, ...RESPONSE_NAMES]);

const componentUri = (id: string) => `#/components/schemas/${id}`;

/** A JSON Schema without the keys that only make sense at the root of a standalone document. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema, $id, ...rest } = schema;
  void $schema;
  void $id;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  for (const [registry, io] of [
    [requestSchemas, "input"],
    [responseSchemas, "output"],
  ] as const) {
    const { schemas } = z.toJSONSchema(registry, { io, uri: componentUri, unrepresentable: "any" });
    for (const [id, schema] of Object.entries(schemas)) result[id] = bare(schema as JsonSchema);
  }
  return result;
}

function schemaRef(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const id = names.get(schema);
  if (id) return { $ref: componentUri(id) };
  return bare(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema);
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): OpenApiParameter[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

/** The problem codes an endpoint may answer with: its own, and the ones its kind always may. */
export function problemCodes(endpoint: Endpoint): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (endpoint.params || endpoint.query || endpoint.body) codes.push("invalid_input");
  if (endpoint.auth) codes.push("unauthenticated");
  if (endpoint.permission) codes.push("forbidden");
  codes.push(...endpoint.errors);
  if (endpoint.body) codes.push("too_large", "unsupported_media_type");
  if (endpoint.auth) codes.push("rate_limited");
  return [...new Set(codes)];
}

function rolesFor(endpoint: Endpoint): string[] {
  const permission = endpoint.permission;
  if (!endpoint.auth) return [];
  return ROLES.filter((role) => !permission || PERMISSIONS[role].includes(permission));
}

function responses(endpoint: Endpoint): Record<string, OpenApiResponse> {
  const result: Record<string, OpenApiResponse> = {};
  const { success } = endpoint;
  result[String(success.status)] = {
    description: success.description,
    ...(success.status === 201
      ? { headers: { Location: { description: "The URL of the new resource.", schema: { type: "string" } } } }
      : {}),
    ...(success.schema
      ? { content: { "application/json": { schema: schemaRef(success.schema, "output") } } }
      : {}),
    ...(success.mediaTypes
      ? {
          content: Object.fromEntries(
            success.mediaTypes.map((type) => [type, { schema: { type: "string" } satisfies JsonSchema }]),
          ),
          headers: {
            "Content-Disposition": {
              description: 'attachment; filename="2026-11-24-title-summary.md"',
              schema: { type: "string" },
            },
          },
        }
      : {}),
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of problemCodes(endpoint)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const response: OpenApiResponse = {
      description: codes.map((code) => `${ERROR_TITLES[code]} (\`${code}\`)`).join("; "),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: componentUri("Problem") } } },
      "x-problem-codes": codes,
    };
    if (status === 401) {
      response.headers = {
        "WWW-Authenticate": { description: 'Bearer realm="claim-desk"', schema: { type: "string" } },
      };
    }
    if (status === 429) {
      response.headers = {
        "Retry-After": {
          description: "Seconds to wait before the next request.",
          schema: { type: "integer" },
        },
      };
    }
    result[String(status)] = response;
  }
  return result;
}

function operation(endpoint: Endpoint): OpenApiOperation {
  const roles = rolesFor(endpoint);
  const who = endpoint.auth ? `\n\nAllowed roles: ${roles.join(", ")}.` : "\n\nNo token needed.";
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: `${endpoint.description}${who}`,
    tags: [endpoint.tag],
    security: endpoint.auth ? [{ bearerAuth: [] }] : [],
    "x-roles": roles,
    parameters: [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")],
    ...(endpoint.body
      ? {
          requestBody: {
            required: !endpoint.bodyOptional,
            content: {
              "application/json": { schema: schemaRef(endpoint.body, "input") },
              ...(endpoint.multipart
                ? {
                    "multipart/form-data": {
                      schema: {
                        allOf: [
                          schemaRef(endpoint.body, "input"),
                          { type: "object", properties: { file: { type: "string", format: "binary" } } },
                        ],
                      } as JsonSchema,
                    },
                  }
                : {}),
            },
          },
        }
      : {}),
    ...(endpoint.upload
      ? {
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["file"],
                  properties: { file: { type: "string", format: "binary" } },
                } as JsonSchema,
              },
            },
          },
        }
      : {}),
    responses: responses(endpoint),
  };
}

function description(rateLimit: number): string {
  return `The claim desk's HTTP API, for the newsroom's CMS and scripts: everything an editor or a reviewer does in the app, with the same rules.

**Tokens.** Create one under Settings → API tokens (or \`npm run user -- token --email E --name N\`) and send it as \`Authorization: Bearer <token>\`. A token acts with its account's current role and stops working when it is revoked or the account is deactivated.

**JSON.** Bodies are JSON (\`Content-Type: application/json\`, at most ${MAX_BODY_BYTES.toLocaleString("en")} bytes); timestamps are ISO 8601 in UTC.

**Errors** are RFC 9457 problem details (\`application/problem+json\`) with \`type\`, \`title\`, \`status\`, \`detail\` and a stable \`code\`; a 400 lists the invalid fields in \`errors\`, and \`reason\` names the very problem within its code (\`already_approved\`). \`detail\` is in the language of \`Accept-Language\` (English or French; English by default). A stale \`version\` (PATCH, DELETE, submit, approve, return) gets 409 with the claim as it is now in \`current\`. A path no endpoint serves gets 404 and a method a path does not answer 405 with \`Allow\`, both as problem details.

**Pages.** Lists return \`items\` and \`nextCursor\`; pass the cursor back for the next page (\`limit\` up to ${API_MAX_LIMIT}).

**Rate limit.** Each token may make a limited number of requests a minute (${rateLimit} on this desk); beyond that, 429 with \`Retry-After\`.

**Offsets.** Claim spans are \`[start, end)\` offsets in UTF-16 code units (JavaScript string indices) into the article body as stored, which the API returns; \`quote\` must equal that slice.`;
}

function build(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const endpoint of ENDPOINTS) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Claim Desk API",
      version: "1.0.0",
      description: description(getEnv().API_RATE_LIMIT_PER_MINUTE),
    },
    // Relative: resolved against wherever the document was fetched from.
    servers: [{ url: "/api/v1", description: "This desk" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "Articles", description: "News texts and their verification progress." },
      { name: "Claims", description: "The checkable statements of an article, anchored to its words." },
      { name: "Review", description: "The queue, and the four-eyes approval of every claim." },
      {
        name: "Webhooks",
        description: "Where the desk sends events for the CMS, signed; admin tokens only.",
      },
      { name: "Service", description: "Health and this document; no token needed." },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "cd_<prefix>_<secret>",
          description: "An API token of a desk account.",
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document, built once per process. */
export function buildOpenApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}

/** What the reference page links to for each problem code. */
export const PROBLEM_CODES = (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => ({
  code,
  status: ERROR_STATUS[code],
  title: ERROR_TITLES[code],
  type: problemType(code),
}));
