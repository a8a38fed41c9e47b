import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import type { Action } from "@/lib/review";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";
export type ApiTag = "Articles" | "Claims" | "Review" | "Webhooks" | "Service";

type Schema = z.ZodType | undefined;

/**
 * One endpoint of /api/v1, described once: the route handler validates with these schemas and
 * checks this permission (lib/api/handler.ts), and the OpenAPI document is generated from them.
 */
export type Endpoint<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> = {
  operationId: string;
  method: HttpMethod;
  /** Under /api/v1, with OpenAPI {placeholders}. */
  path: `/${string}`;
  tag: ApiTag;
  summary: string;
  description: string;
  /** False only for the service endpoints anyone may call. */
  auth: boolean;
  permission?: Action;
  params?: P;
  query?: Q;
  body?: B;
  /** The body is a file upload (multipart/form-data, one field `file`), read by the route itself. */
  upload?: boolean;
  /**
   * The body may also come as multipart/form-data: its text fields are read as the body's fields
   * (numbers and booleans as text) and a document in the field `file` is handed to the route.
   */
  multipart?: boolean;
  /** Whether the body may be left out entirely (all its fields optional). */
  bodyOptional?: boolean;
  success: {
    status: 200 | 201 | 204;
    description: string;
    /** The JSON body; endpoints answering with files list their media types instead. */
    schema?: z.ZodType;
    mediaTypes?: readonly string[];
  };
  /** Problem responses beyond the ones every endpoint of its kind may give (401, 429, 400, 413, 415). */
  errors: ErrorCode[];
};

export function defineEndpoint<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(endpoint: Endpoint<P, Q, B>): Endpoint<P, Q, B> {
  return endpoint;
}
