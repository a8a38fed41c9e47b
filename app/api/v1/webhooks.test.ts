// /api/v1/webhooks for admin tokens: the same data layer as the admin page, a delivery received by
// a real local HTTP server whose signature is checked, and the refusals (role, bad URLs) in the
// caller's language with nothing stored.
import http from "node:http";
import { eq } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { countRows, getDb } from "@/lib/data/connection";
import { outbox, webhooks } from "@/lib/data/tables";
import { verifySignature } from "@/lib/notify/signature";
import { apiProblemSchema } from "@/lib/validation/api";
import {
  apiWebhookDeliveryListSchema,
  apiWebhookListSchema,
  apiWebhookSchema,
  apiWebhookTestSchema,
  apiWebhookWithSecretSchema,
} from "@/lib/validation/api-webhooks";
import { call, makeTokenUser } from "@/test/api-helpers";
import { GET as listDeliveries } from "./webhooks/[id]/deliveries/route";
import { DELETE as deleteHook, GET as getHook, PATCH as patchHook } from "./webhooks/[id]/route";
import { POST as setSecret } from "./webhooks/[id]/secret/route";
import { POST as testHook } from "./webhooks/[id]/test/route";
import { GET as listHooks, POST as createHook } from "./webhooks/route";

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let server: http.Server;
let origin = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(req.url?.includes("fail") ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  delete process.env.WEBHOOK_ALLOW_HOSTS;
});

const at = (id: number, suffix = "") => ({ path: `/webhooks/${id}${suffix}`, params: { id: String(id) } });

describe("/api/v1/webhooks", () => {
  it("lets an admin token register, read, change, re-key, test and delete a webhook", async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
    const admin = await makeTokenUser("admin", "Ada");
    const created = await call(createHook, {
      method: "POST",
      path: "/webhooks",
      token: admin.token,
      body: { url: `${origin}/cms`, events: ["claim.approved", "claim.approved"] },
    });
    expect(created.status, created.text).toBe(201);
    const { webhook, secret } = apiWebhookWithSecretSchema.parse(created.json);
    expect(created.headers.get("location")).toBe(`/api/v1/webhooks/${webhook.id}`);
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ url: `${origin}/cms`, events: ["claim.approved"], active: true });
    expect(webhook.secretHint).toBe(`${secret.slice(0, 4)}…`);

    // The secret is shown once: never again in a list or a read.
    const listed = await call(listHooks, { path: "/webhooks", token: admin.token });
    expect(listed.status).toBe(200);
    expect(apiWebhookListSchema.parse(listed.json).items.map((h) => h.id)).toContain(webhook.id);
    const read = await call(getHook, { ...at(webhook.id), token: admin.token });
    expect(apiWebhookSchema.parse(read.json)).toEqual(webhook);
    expect(listed.text + read.text).not.toContain(secret);

    const patched = await call(patchHook, {
      ...at(webhook.id),
      method: "PATCH",
      token: admin.token,
      body: { url: `${origin}/cms2`, events: ["article.verified", "correction.published"], active: false },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(apiWebhookSchema.parse(patched.json)).toMatchObject({
      url: `${origin}/cms2`,
      events: ["article.verified", "correction.published"],
      active: false,
    });

    // A secret of the caller's choosing, then one the desk makes.
    const chosen = "a-secret-of-our-own-1234";
    const set = await call(setSecret, {
      ...at(webhook.id, "/secret"),
      method: "POST",
      token: admin.token,
      body: { secret: chosen },
    });
    expect(set.status, set.text).toBe(200);
    expect(apiWebhookWithSecretSchema.parse(set.json).secret).toBe(chosen);
    const rotated = await call(setSecret, {
      ...at(webhook.id, "/secret"),
      method: "POST",
      token: admin.token,
    });
    expect(rotated.status, rotated.text).toBe(200);
    const fresh = apiWebhookWithSecretSchema.parse(rotated.json).secret;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secret);
    const [stored] = await getDb().select().from(webhooks).where(eq(webhooks.id, webhook.id));
    expect(stored!.secret).toBe(fresh);

    // A test reaches the real receiver, signed with the secret as it is now (a paused hook too).
    const before = received.length;
    const tested = await call(testHook, { ...at(webhook.id, "/test"), method: "POST", token: admin.token });
    expect(tested.status, tested.text).toBe(200);
    expect(apiWebhookTestSchema.parse(tested.json)).toMatchObject({
      delivered: true,
      code: 204,
      error: null,
    });
    const delivery = received.slice(before).find((r) => r.path === "/cms2");
    expect(delivery).toBeDefined();
    expect(delivery!.headers["x-desk-event"]).toBe("test");
    const headers = {
      signature: delivery!.headers["x-desk-signature"] as string,
      timestamp: delivery!.headers["x-desk-timestamp"] as string,
    };
    expect(verifySignature(fresh, headers, delivery!.body)).toBe(true);
    expect(verifySignature(secret, headers, delivery!.body)).toBe(false);
    expect(verifySignature(fresh, headers, delivery!.body.replace("test", "tset"))).toBe(false);
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: "test" });

    // A receiver that fails: the test says so, and the log has both attempts, newest first.
    await call(patchHook, {
      ...at(webhook.id),
      method: "PATCH",
      token: admin.token,
      body: { url: `${origin}/fail` },
    });
    const failed = await call(testHook, { ...at(webhook.id, "/test"), method: "POST", token: admin.token });
    expect(apiWebhookTestSchema.parse(failed.json)).toMatchObject({ delivered: false, code: 500 });
    const log = await call(listDeliveries, { ...at(webhook.id, "/deliveries"), token: admin.token });
    expect(log.status, log.text).toBe(200);
    const items = apiWebhookDeliveryListSchema.parse(log.json).items;
    expect(items.map((d) => [d.event, d.ok, d.responseCode])).toEqual([
      ["test", false, 500],
      ["test", true, 204],
    ]);
    const one = await call(listDeliveries, {
      path: `/webhooks/${webhook.id}/deliveries?limit=1`,
      params: { id: String(webhook.id) },
      token: admin.token,
    });
    expect(apiWebhookDeliveryListSchema.parse(one.json).items).toHaveLength(1);

    const deleted = await call(deleteHook, { ...at(webhook.id), method: "DELETE", token: admin.token });
    expect(deleted.status).toBe(204);
    expect((await call(getHook, { ...at(webhook.id), token: admin.token })).status).toBe(404);
    const again = await call(deleteHook, { ...at(webhook.id), method: "DELETE", token: admin.token });
    expect(apiProblemSchema.parse(again.json)).toMatchObject({ status: 404, code: "not_found" });
    // What was still queued for it went with it; its log stays.
    expect(await countRows(getDb(), outbox, eq(outbox.webhookId, webhook.id))).toBe(0);
    const kept = await call(listDeliveries, { ...at(webhook.id, "/deliveries"), token: admin.token });
    expect(kept.status).toBe(404);
  });

  it("refuses editor and reviewer tokens with 403 and changes nothing", async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
    const admin = await makeTokenUser("admin");
    const made = await call(createHook, {
      method: "POST",
      path: "/webhooks",
      token: admin.token,
      body: { url: `${origin}/guarded`, events: ["summary.published"] },
    });
    const { webhook, secret } = apiWebhookWithSecretSchema.parse(made.json);
    for (const role of ["editor", "reviewer"] as const) {
      const { token } = await makeTokenUser(role);
      const rows = JSON.stringify(await getDb().select().from(webhooks));
      const before = received.length;
      const answers = [
        await call(listHooks, { path: "/webhooks", token }),
        await call(createHook, {
          method: "POST",
          path: "/webhooks",
          token,
          body: { url: `${origin}/mine`, events: ["claim.approved"] },
        }),
        await call(getHook, { ...at(webhook.id), token }),
        await call(patchHook, { ...at(webhook.id), method: "PATCH", token, body: { active: false } }),
        await call(setSecret, { ...at(webhook.id, "/secret"), method: "POST", token }),
        await call(testHook, { ...at(webhook.id, "/test"), method: "POST", token }),
        await call(listDeliveries, { ...at(webhook.id, "/deliveries"), token }),
        await call(deleteHook, { ...at(webhook.id), method: "DELETE", token }),
      ];
      for (const answer of answers) {
        expect(answer.status, `${role}: ${answer.text}`).toBe(403);
        expect(apiProblemSchema.parse(answer.json)).toMatchObject({ code: "forbidden" });
        expect(answer.text).not.toContain(secret);
      }
      expect(JSON.stringify(await getDb().select().from(webhooks))).toBe(rows);
      expect(received.length).toBe(before);
    }
  });

  it("refuses non-http URLs and internal addresses with a 400 in the caller's language, storing nothing", async () => {
    const admin = await makeTokenUser("admin");
    const before = await countRows(getDb(), webhooks);
    const post = (url: string, language: string) =>
      call(createHook, {
        method: "POST",
        path: "/webhooks",
        token: admin.token,
        headers: { "accept-language": language },
        body: { url, events: ["claim.approved"] },
      });
    for (const url of [
      "ftp://cms.example.org/hook",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "cms.example.org",
    ]) {
      const fr = await post(url, "fr");
      expect(fr.status, url).toBe(400);
      expect(apiProblemSchema.parse(fr.json)).toMatchObject({
        code: "invalid_input",
        errors: [{ field: "url", code: "invalidUrl" }],
      });
      expect(fr.headers.get("content-language")).toBe("fr");
      expect((fr.json as { detail: string }).detail).toBe(
        "Saisissez une adresse complète commençant par http:// ou https://.",
      );
    }
    for (const url of [
      `${origin}/inside`,
      "http://localhost/x",
      "http://[::1]:8080/",
      "http://169.254.169.254/",
    ]) {
      const en = await post(url, "en");
      expect(en.status, url).toBe(400);
      expect(apiProblemSchema.parse(en.json)).toMatchObject({
        code: "invalid_input",
        errors: [{ field: "url", code: "webhookBlockedAddress" }],
      });
      expect((en.json as { detail: string }).detail).toMatch(/private or internal network/);
      const fr = await post(url, "fr");
      expect((fr.json as { detail: string }).detail).toMatch(/réseau privé ou interne/);
    }
    expect(await countRows(getDb(), webhooks)).toBe(before);

    // Allowed by WEBHOOK_ALLOW_HOSTS, then moved to an internal address no longer allowed: refused.
    process.env.WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
    const ok = await post(`${origin}/allowed`, "en");
    expect(ok.status, ok.text).toBe(201);
    const { webhook } = apiWebhookWithSecretSchema.parse(ok.json);
    const moved = await call(patchHook, {
      ...at(webhook.id),
      method: "PATCH",
      token: admin.token,
      headers: { "accept-language": "fr" },
      body: { url: "http://10.0.0.8/cms" },
    });
    expect(moved.status).toBe(400);
    expect((moved.json as { detail: string }).detail).toMatch(/réseau privé ou interne/);
    const unchanged = await call(getHook, { ...at(webhook.id), token: admin.token });
    expect(apiWebhookSchema.parse(unchanged.json).url).toBe(`${origin}/allowed`);
    const short = await call(setSecret, {
      ...at(webhook.id, "/secret"),
      method: "POST",
      token: admin.token,
      body: { secret: "short" },
    });
    expect(apiProblemSchema.parse(short.json)).toMatchObject({
      status: 400,
      errors: [{ field: "secret", code: "secretTooShort" }],
    });
    const noEvents = await call(createHook, {
      method: "POST",
      path: "/webhooks",
      token: admin.token,
      body: { url: `${origin}/x`, events: ["article.deleted"] },
    });
    expect(noEvents.status).toBe(400);
  });
});
