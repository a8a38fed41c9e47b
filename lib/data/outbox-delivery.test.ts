// E-mail and webhooks leaving through the outbox, received by real servers in this process: an
// SMTP server (smtp-server) that accepts, refuses or hangs, and an HTTP server that checks the
// signature. Time moves by passing `now` to the worker, never by sleeping.
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { eq } from "drizzle-orm";
import { approveClaim, createClaim, returnClaim } from "./claims";
import { closeDb, getDb, prepareDb, withTransaction } from "./connection";
import { countUnread, setEmailPrefs } from "./notifications";
import { enqueueTestDelivery, listOutboxProblems } from "./outbox";
import { createWebhook, listDeliveries } from "./webhooks";
import type { CreateWebhookInput } from "@/lib/validation/notifications";
import { notifications, outbox, users } from "@/lib/data/tables";
import { processOutbox } from "@/lib/notify/deliver";
import { startOutboxWorker } from "@/lib/notify/worker";
import { verifySignature } from "@/lib/notify/signature";
import { claimInput, makeArticle, makeUser } from "@/test/data-helpers";

const BODY = Array.from({ length: 20 }, (_, i) => `La phrase numéro ${i + 1} est ici.`).join("\n\n");
const quote = (n: number) => `phrase numéro ${n} est`;
const SMTP_PORT = 3321 + (process.env.VITEST_POOL_ID ? 0 : 0);
const HANG_PORT = 3323;

type Received = { from: string; to: string[]; raw: string };
let mode: "accept" | "refuse" = "accept";
const inbox: Received[] = [];
let smtp: SMTPServer;
let hang: net.Server;
const hanging: net.Socket[] = [];

/** Quoted-printable bodies and encoded-word headers, decoded enough to read them. */
function readable(raw: string): string {
  const words = raw.replace(/=\?UTF-8\?([QB])\?(.*?)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text
            .replace(/_/g, " ")
            .replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
  const soft = words.replace(/=\r?\n/g, "");
  return Buffer.from(
    soft.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (mode === "refuse")
        return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: readable(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, "127.0.0.1", resolve));
  // Accepts the connection and never says a word.
  hang = net.createServer((socket) => hanging.push(socket));
  await new Promise<void>((resolve) => hang.listen(HANG_PORT, "127.0.0.1", resolve));
});

afterAll(async () => {
  for (const socket of hanging) socket.destroy();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => hang.close(() => resolve()));
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_TIMEOUT_MS;
  delete process.env.WEBHOOK_ALLOW_HOSTS;
  delete process.env.APP_URL;
  mode = "accept";
});

function useSmtp(port = SMTP_PORT) {
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.SMTP_TIMEOUT_MS = "500";
  process.env.SMTP_FROM = "Desk <desk@claimdesk.test>";
  process.env.APP_URL = "https://desk.example.org";
}

async function returned(
  editor: { id: number; role: "editor" },
  reviewer: { id: number; role: "reviewer" },
  n: number,
) {
  const article = await makeArticle(editor, BODY);
  const claim = await createClaim({
    actor: editor,
    input: claimInput(article.id, BODY, quote(n), { verdict: "confirmed", submit: true }),
  });
  await returnClaim({
    actor: reviewer,
    input: { id: claim.id, note: "Ajoutez la source, s’il vous plaît." },
  });
  return { article, claim };
}

const later = (ms: number) => new Date(Date.now() + ms);

describe("e-mail through SMTP", () => {
  it("sends a returned claim to the editor in her language, with absolute links, once", async () => {
    useSmtp();
    const ana = await makeUser("editor", "Ana Martin");
    await withTransaction((tx) => tx.update(users).set({ locale: "fr" }).where(eq(users.id, ana.id)));
    const ben = await makeUser("reviewer", "Ben");
    const { article, claim } = await returned(ana as never, ben as never, 1);
    const outcomes = await processOutbox({ now: later(100) });
    expect(outcomes.filter((o) => o.kind === "email")).toEqual([expect.objectContaining({ result: "sent" })]);
    const mail = inbox.find((m) => m.to.includes(`editor-${0}`) || m.raw.includes("Ana Martin"))!;
    expect(mail).toBeDefined();
    expect(mail.from).toBe("desk@claimdesk.test");
    expect(mail.raw).toContain("Bonjour Ana Martin,");
    expect(mail.raw).toContain("Ben vous a renvoyé une affirmation de « Test article »");
    expect(mail.raw).toContain("Note : Ajoutez la source, s’il vous plaît.");
    expect(mail.raw).toContain(`https://desk.example.org/articles/${article.id}/claims/${claim.id}`);
    expect(mail.raw).toContain("Content-Language: fr");
    // Sent once: a second pass finds nothing.
    const count = inbox.length;
    await processOutbox({ now: later(60_000) });
    expect(inbox.length).toBe(count);
    const [told] = await getDb().select().from(notifications).where(eq(notifications.userId, ana.id));
    expect(told!.emailState).toBe("sent");
  });

  it("retries when the server refuses, shows the failure to admins, and sends once it accepts", async () => {
    useSmtp();
    mode = "refuse";
    const eve = await makeUser("editor", "Eve Refused");
    const ben = await makeUser("reviewer", "Ben");
    const before = await countUnread(eve.id);
    await returned(eve as never, ben as never, 2);
    expect(await countUnread(eve.id)).toBe(before + 1); // the action itself succeeded
    const first = (await processOutbox({ now: later(100) })).find((o) => o.kind === "email")!;
    expect(first.result).toBe("retry");
    expect(first.error).toMatch(/451|Mailbox unavailable/);
    const problem = (await listOutboxProblems()).find((p) => p.id === first.id)!;
    expect(problem).toMatchObject({ kind: "email", status: "pending", attempts: 1 });
    expect(problem.lastError).toMatch(/Mailbox unavailable/);
    // Not again before the backoff.
    expect(await processOutbox({ now: later(10_000), ids: [first.id] })).toEqual([]);
    mode = "accept";
    const count = inbox.length;
    const second = await processOutbox({ now: later(31_000), ids: [first.id] });
    expect(second).toEqual([expect.objectContaining({ result: "sent" })]);
    expect(inbox.length).toBe(count + 1);
    expect(inbox.at(-1)!.raw).toContain("Hello Eve Refused,");
    expect((await listOutboxProblems()).some((p) => p.id === first.id)).toBe(false);
  });

  it("gives up on a server that hangs within the timeout, shows it to admins, and sends it later", async () => {
    useSmtp(HANG_PORT);
    const fay = await makeUser("editor", "Fay Hung");
    const ben = await makeUser("reviewer", "Ben");
    const unread = await countUnread(fay.id);
    const started = Date.now();
    await returned(fay as never, ben as never, 3);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await countUnread(fay.id)).toBe(unread + 1); // the action itself succeeded
    const outcome = (await processOutbox({ now: later(100) })).find((o) => o.kind === "email")!;
    expect(outcome.result).toBe("retry");
    expect(outcome.error).toMatch(/timeout|Greeting never received|ETIMEDOUT/i);
    const [row] = await getDb().select().from(outbox).where(eq(outbox.id, outcome.id));
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    const problem = (await listOutboxProblems()).find((p) => p.id === outcome.id)!;
    expect(problem).toMatchObject({ kind: "email", status: "pending", attempts: 1 });
    expect(problem.lastError).toMatch(/timeout|Greeting never received|ETIMEDOUT/i);
    // Nothing is lost: once a server answers, the same mail goes out after the backoff.
    useSmtp();
    const count = inbox.length;
    const again = await processOutbox({ now: later(31_000), ids: [outcome.id] });
    expect(again).toEqual([expect.objectContaining({ result: "sent" })]);
    expect(inbox.length).toBe(count + 1);
    expect(inbox.at(-1)!.raw).toContain("Hello Fay Hung,");
    expect((await listOutboxProblems()).some((p) => p.id === outcome.id)).toBe(false);
  });

  it("sends one message for a day's digest", async () => {
    useSmtp();
    const gus = await makeUser("editor", "Gus Digest");
    await setEmailPrefs(gus.id, { approved: "digest", article_verified: "digest" });
    const ben = await makeUser("reviewer", "Ben");
    const article = await makeArticle(gus, BODY);
    const made = [];
    for (const n of [4, 5]) {
      made.push(
        await createClaim({
          actor: gus,
          input: claimInput(article.id, BODY, quote(n), { verdict: "confirmed", submit: true }),
        }),
      );
    }
    for (const claim of made) await approveClaim({ actor: ben, id: claim.id });
    expect((await processOutbox({ now: later(100) })).filter((o) => o.kind === "email")).toEqual([]);
    const count = inbox.length;
    await processOutbox({ now: later(25 * 60 * 60_000) });
    const mine = inbox.slice(count).filter((m) => m.raw.includes("Gus Digest"));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.raw).toContain("Your daily digest: 3 updates");
  });
});

describe("webhooks", () => {
  let server: http.Server;
  let port: number;
  let answer = 200;
  const received: { path: string; headers: http.IncomingHttpHeaders; body: string; valid: boolean }[] = [];
  const SECRET = "whsec_test_secret_0123456789";

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const valid = verifySignature(
          SECRET,
          {
            signature: req.headers["x-desk-signature"] as string,
            timestamp: req.headers["x-desk-timestamp"] as string,
          },
          body,
        );
        received.push({ path: req.url ?? "", headers: req.headers, body, valid });
        res.statusCode = answer;
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(3322, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("refuses internal addresses unless allow-listed, when registered and again when sending", async () => {
    const admin = await makeUser("admin", "Ada");
    const input = {
      url: `http://127.0.0.1:${port}/blocked`,
      secret: SECRET,
      events: ["correction.published"],
    };
    const refused = await createWebhook({ actor: admin, input: input as CreateWebhookInput }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "invalid_input", fieldErrors: { url: ["webhookBlockedAddress"] } });
    for (const url of [
      "http://localhost:8080/x",
      "http://[::1]/x",
      "http://169.254.169.254/latest",
      "http://10.1.2.3/",
    ]) {
      await expect(
        createWebhook({ actor: admin, input: { ...input, url } as CreateWebhookInput }),
      ).rejects.toMatchObject({
        code: "invalid_input",
      });
    }
    // Allowed when it was registered, no longer when the delivery goes out.
    process.env.WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
    const { webhook } = await createWebhook({ actor: admin, input: input as CreateWebhookInput });
    delete process.env.WEBHOOK_ALLOW_HOSTS;
    const id = await enqueueTestDelivery(webhook.id);
    const [outcome] = await processOutbox({ ids: [id] });
    expect(outcome).toMatchObject({ result: "retry" });
    expect(outcome!.error).toMatch(/blocked address/);
    expect(received.some((r) => r.headers["x-desk-delivery"] && r.body.includes("/blocked"))).toBe(false);
    const [log] = await listDeliveries(webhook.id);
    expect(log).toMatchObject({ ok: false, responseCode: null, event: "test", attempt: 1 });
  });

  it("delivers signed events, retries a 500 across a restart, and delivers once", async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
    const admin = await makeUser("admin", "Ada");
    const ana = await makeUser("editor", "Ana");
    const ben = await makeUser("reviewer", "Ben");
    const { webhook } = await createWebhook({
      actor: admin,
      input: {
        url: `http://127.0.0.1:${port}/cms`,
        secret: SECRET,
        events: ["article.verified", "claim.approved"],
      },
    });
    const article = await makeArticle(ana, BODY);
    const claim = await createClaim({
      actor: ana,
      input: claimInput(article.id, BODY, quote(6), { verdict: "confirmed", submit: true }),
    });
    answer = 500;
    await approveClaim({ actor: ben, id: claim.id });
    const start = received.length;
    const first = (await processOutbox({ now: later(100) })).filter((o) => o.webhookId === webhook.id);
    expect(first.map((o) => o.result)).toEqual(["retry", "retry"]);
    expect(received.slice(start).filter((r) => r.path === "/cms")).toHaveLength(2);
    // The server process stops: the worker stops, the database is closed and opened again.
    const worker = startOutboxWorker({ intervalMs: 60_000 });
    await worker.stop();
    await closeDb();
    await prepareDb();
    answer = 200;
    const second = (await processOutbox({ now: later(31_000) })).filter((o) => o.webhookId === webhook.id);
    expect(second.map((o) => o.result)).toEqual(["sent", "sent"]);
    expect(
      (await processOutbox({ now: later(10 * 60 * 60_000) })).filter((o) => o.webhookId === webhook.id),
    ).toEqual([]);
    const got = received.slice(start).filter((r) => r.path === "/cms");
    expect(got).toHaveLength(4);
    expect(got.every((r) => r.valid)).toBe(true);
    const events = got.filter((r) => r.headers["x-desk-event"] === "article.verified");
    expect(events).toHaveLength(2);
    // The same body, the same delivery id, on each attempt.
    expect(events[0]!.body).toBe(events[1]!.body);
    expect(events[0]!.headers["x-desk-delivery"]).toBe(events[1]!.headers["x-desk-delivery"]);
    const body = JSON.parse(events[1]!.body) as {
      event: string;
      data: { article: { id: number; claims: number } };
    };
    expect(body).toMatchObject({
      event: "article.verified",
      data: { article: { id: article.id, claims: 1 } },
    });
    // A forged body fails the check.
    expect(
      verifySignature(
        SECRET,
        {
          signature: events[1]!.headers["x-desk-signature"] as string,
          timestamp: events[1]!.headers["x-desk-timestamp"] as string,
        },
        events[1]!.body + " ",
      ),
    ).toBe(false);
    const log = await listDeliveries(webhook.id);
    // Newest first; the two events of one pass may be sent in either order.
    const byAttempt = (rows: (string | number | boolean | null)[][]) =>
      [...rows].sort(
        (a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0])),
      );
    expect(log.map((l) => l.attempt)).toEqual([2, 2, 1, 1]);
    expect(byAttempt(log.map((l) => [l.event, l.attempt, l.ok, l.responseCode]))).toEqual([
      ["article.verified", 2, true, 200],
      ["claim.approved", 2, true, 200],
      ["article.verified", 1, false, 500],
      ["claim.approved", 1, false, 500],
    ]);
    expect(log.every((l) => l.durationMs >= 0)).toBe(true);
  });
});
