import { eq } from "drizzle-orm";
import { users } from "@/lib/data/tables";
import { getDb } from "@/lib/data/connection";
import { makeUser } from "@/test/data-helpers";
import { createToken } from "@/lib/data/tokens";
import type { Role } from "@/lib/review/model";
import type { RouteHandler } from "@/lib/api/handler";

/** A real account with a real API token. */
export async function makeTokenUser(role: Role, name?: string) {
  const user = await makeUser(role, name);
  const { token, view } = await createToken({ actor: user, input: { name: `${role} script` } });
  return { ...user, token, tokenId: view.id };
}

/** Deactivates an account the way an admin would: it stays, marked inactive. */
export async function deactivate(userId: number): Promise<void> {
  await getDb().update(users).set({ active: false }).where(eq(users.id, userId));
}

export type CallResult = { status: number; headers: Headers; json: unknown; text: string; bytes: Uint8Array };

/** Calls a route handler the way Next does: a Request and a Promise of the path params. */
export async function call(
  handler: RouteHandler,
  {
    method = "GET",
    path,
    token,
    body,
    params = {},
    headers = {},
  }: {
    method?: string;
    path: string;
    token?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  },
): Promise<CallResult> {
  const init: RequestInit = { method, headers: { ...headers } };
  const h = init.headers as Record<string, string>;
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.body =
      typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
    if (typeof body !== "string" && !(body instanceof Uint8Array)) h["content-type"] ??= "application/json";
  }
  const response = await handler(new Request(`http://localhost/api/v1${path}`, init), {
    params: Promise.resolve(params),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text, bytes };
}
