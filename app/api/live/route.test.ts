// GET /api/live on the real database (SQLite, and PostgreSQL in the "pg" project): the stream
// from the route handler itself, read as a browser's EventSource would, and written to through
// the data layer, through raw SQL on another connection, and by another process.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setAccountActive } from "@/lib/data/accounts";
import { createClaim, submitClaim } from "@/lib/data/claims";
import { withTransaction } from "@/lib/data/connection";
import { markPresence, publishLive } from "@/lib/data/live";
import { hubStats, POLL_MS } from "@/lib/live/hub";
import {
  claimInput,
  makeArticle,
  makeUser,
  rawRows,
  SAMPLE_BODY,
  writeFromAnotherConnection,
} from "@/test/data-helpers";
import { signInAs } from "@/test/session";
import { GET } from "./route";

vi.mock("@/lib/auth/config", () => ({ auth: vi.fn(async () => null) }));

type Person = Awaited<ReturnType<typeof makeUser>>;
type Message = { event: string; id: number | null; data: Record<string, unknown>; at: number };

/** An open stream, parsed into messages as they arrive. */
class Stream {
  messages: Message[] = [];
  private waiters: (() => void)[] = [];
  private buffer = "";
  ended = false;
  constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    void this.pump();
  }
  private async pump() {
    const reader = this.response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      this.buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = this.buffer.indexOf("\n\n")) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split("\n")
            .filter((l) => !l.startsWith(":") && l.includes(":"))
            .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trimStart()]),
        );
        if (!fields.event) continue;
        this.messages.push({
          event: fields.event,
          id: fields.id === undefined ? null : Number(fields.id),
          data: JSON.parse(fields.data ?? "{}") as Record<string, unknown>,
          at: Date.now(),
        });
      }
      for (const wake of this.waiters.splice(0)) wake();
    }
    this.ended = true;
    for (const wake of this.waiters.splice(0)) wake();
  }
  /** The first message (from `from` on) that matches, waiting up to `ms`. */
  async next(match: (m: Message) => boolean, { from = 0, ms = 5_000 } = {}): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (this.ended) throw new Error(`the stream ended: ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such message within ${ms} ms: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
  get live(): Message[] {
    return this.messages.filter((m) => m.event === "live");
  }
  close() {
    this.abort.abort();
  }
}

const open: Stream[] = [];

async function connect(
  person: Person | null,
  { lastEventId, query = "" }: { lastEventId?: number; query?: string } = {},
): Promise<Stream | Response> {
  await signInAs(person);
  const abort = new AbortController();
  const headers = new Headers({ host: "127.0.0.1:3000", accept: "text/event-stream" });
  if (lastEventId !== undefined) headers.set("last-event-id", String(lastEventId));
  const request = new NextRequest(`http://127.0.0.1:3000/api/live${query}`, {
    headers,
    signal: abort.signal,
  });
  const response = await GET(request, { params: Promise.resolve({}) });
  if (response.status !== 200) return response;
  const stream = new Stream(response, abort);
  open.push(stream);
  await stream.next((m) => m.event === "ready");
  return stream;
}

async function stream(person: Person, options?: Parameters<typeof connect>[1]): Promise<Stream> {
  const s = await connect(person, options);
  if (!(s instanceof Stream)) throw new Error(`status ${s.status}: ${await s.text()}`);
  return s;
}

async function waitFor(condition: () => boolean, ms = 3_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

let editor: Person;
let reviewer: Person;
let admin: Person;
let article: { id: number; body: string };

beforeAll(async () => {
  editor = await makeUser("editor", "Ana Martin");
  reviewer = await makeUser("reviewer", "Ben Okafor");
  admin = await makeUser("admin", "Chloé Admin");
  article = { id: (await makeArticle(editor)).id, body: SAMPLE_BODY };
});

afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await waitFor(() => hubStats().connections === 0);
});

const newClaim = () =>
  createClaim({ actor: editor, input: claimInput(article.id, article.body, "Kyiv n'a pas commenté") });

describe("GET /api/live", () => {
  it("refuses a visitor without a session", async () => {
    const response = await connect(null);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(401);
    expect((response as Response).headers.get("content-type")).toBe("application/problem+json");
  });

  it("streams each committed claim event, with its id, to every connection, from one poller", async () => {
    const streams = [await stream(editor), await stream(reviewer), await stream(admin), await stream(editor)];
    expect(hubStats().connections).toBe(4);
    const response = streams[0]!.response;
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");

    const readsBefore = hubStats().reads;
    const startedAt = Date.now();
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, article.body, "Kyiv n'a pas commenté", { verdict: "confirmed" }),
    });
    const submitted = await submitClaim({ actor: editor, id: claim.id, version: claim.version });
    for (const s of streams) {
      const created = await s.next((m) => m.data.kind === "claim.created" && m.data.claimId === claim.id);
      const sent = await s.next((m) => m.data.kind === "claim.submitted" && m.data.claimId === claim.id);
      expect(created.data).toMatchObject({ articleId: article.id, actorId: editor.id });
      expect(sent.id).toBeGreaterThan(created.id!);
    }
    // One poller for all four connections: its reads follow the clock, not the connections.
    const elapsed = Date.now() - startedAt;
    const reads = hubStats().reads - readsBefore;
    expect(reads).toBeLessThanOrEqual(Math.ceil(elapsed / POLL_MS) + 3);
    expect(submitted.stage).toBe("in_review");
  });

  it("sends each account only what it may see", async () => {
    const [ana, ben, chloe] = [await stream(editor), await stream(reviewer), await stream(admin)];
    await withTransaction(async (tx) => {
      await publishLive(tx, { kind: "test.for_ben", recipientId: reviewer.id });
      await publishLive(tx, { kind: "test.admins", audience: "admins" });
      await publishLive(tx, { kind: "test.reviewers", audience: "reviewers" });
      await publishLive(tx, { kind: "test.everyone" });
    });
    const kinds = async (s: Stream) => {
      await s.next((m) => m.data.kind === "test.everyone");
      return s.live.map((m) => m.data.kind);
    };
    expect(await kinds(ana)).toEqual(["test.everyone"]);
    expect(await kinds(ben)).toEqual(["test.for_ben", "test.reviewers", "test.everyone"]);
    expect(await kinds(chloe)).toEqual(["test.admins", "test.reviewers", "test.everyone"]);
  });

  it("catches up from Last-Event-ID after a drop, without duplicates, then goes on live", async () => {
    const first = await stream(editor);
    const a = await newClaim();
    const seen = await first.next((m) => m.data.claimId === a.id);
    first.close();
    await waitFor(() => hubStats().connections === 0);

    // Written while the page was disconnected.
    const b = await newClaim();
    const c = await newClaim();
    const again = await stream(editor, { lastEventId: seen.id! });
    const d = await newClaim();
    await again.next((m) => m.data.claimId === d.id);
    const ids = again.live.map((m) => m.id);
    expect(again.live.map((m) => m.data.claimId)).toEqual([b.id, c.id, d.id]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => x! - y!)).toEqual(ids);
    expect(ids[0]).toBeGreaterThan(seen.id!);

    // The browser's way of resuming when nothing arrived: the id of "ready" (also ?after=).
    const ready = again.messages.filter((m) => m.event === "ready").at(-1)!;
    const viaQuery = await stream(editor, { query: `?after=${seen.id}` });
    await viaQuery.next((m) => m.data.claimId === d.id);
    expect(viaQuery.live.map((m) => m.data.claimId)).toEqual([b.id, c.id, d.id]);
    expect(ready.id).toBeLessThanOrEqual(again.live.at(-1)!.id!);
  });

  it("tells a page to reload when its last id is unknown to this database", async () => {
    const s = await stream(editor, { lastEventId: 10_000_000 });
    expect(s.messages.map((m) => m.event)).toContain("reset");
  });

  it("answers once (?once=1) with what was missed, and ends", async () => {
    const s = await stream(editor);
    const cursor = s.messages.find((m) => m.event === "ready")!.id!;
    const a = await newClaim();
    await s.next((m) => m.data.claimId === a.id);
    const once = await stream(editor, { lastEventId: cursor, query: "?once=1" });
    await waitFor(() => once.ended);
    expect(once.live.map((m) => m.data.claimId)).toEqual([a.id]);
    expect(once.messages.at(-1)).toMatchObject({ event: "ready", id: once.live.at(-1)!.id });
  });

  it("delivers a write committed by another connection in well under a second", async () => {
    const s = await stream(reviewer);
    const claim = await newClaim();
    await s.next((m) => m.data.claimId === claim.id);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const kind = `test.other_connection_${i}`;
      const before = Date.now();
      await writeFromAnotherConnection(`INSERT INTO live_events (kind) VALUES ('${kind}')`);
      const committed = Date.now();
      const got = await s.next((m) => m.data.kind === kind);
      delays.push(got.at - committed);
      expect(got.at - before).toBeLessThan(1_000);
    }
    console.log(`Live delivery after a write on another connection: ${delays.join(", ")} ms`);
  });

  it("delivers a claim written by another process in well under a second", { timeout: 60_000 }, async () => {
    const s = await stream(reviewer);
    const child = spawn(
      "npx",
      [
        "tsx",
        "--tsconfig",
        "tsconfig.node.json",
        path.join("test", "live-writer.ts"),
        JSON.stringify({ editor, articleId: article.id, body: article.body, quote: "Kyiv n'a pas commenté" }),
      ],
      { env: { ...process.env }, stdio: ["pipe", "pipe", "inherit"] },
    );
    const lines = readline.createInterface({ input: child.stdout! });
    const queue: string[] = [];
    let wake: (() => void) | null = null;
    lines.on("line", (line) => {
      queue.push(line);
      wake?.();
    });
    const line = async () => {
      while (queue.length === 0) await new Promise<void>((r) => (wake = r));
      return queue.shift()!;
    };
    try {
      expect(await line()).toBe("ready");
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        child.stdin!.write("go\n");
        const written = JSON.parse(await line()) as { claimId: number; committedAt: number };
        const got = await s.next(
          (m) => m.data.kind === "claim.created" && m.data.claimId === written.claimId,
        );
        delays.push(Math.max(0, got.at - written.committedAt));
      }
      console.log(`Live delivery of a claim created by another process: ${delays.join(", ")} ms`);
      expect(Math.max(...delays)).toBeLessThan(1_000);
    } finally {
      child.stdin!.end();
      await new Promise((r) => child.once("exit", r));
    }
  });

  it("forgets a connection when the page goes away, and stops polling with the last one", async () => {
    const a = await stream(editor);
    const b = await stream(reviewer);
    expect(hubStats().connections).toBe(2);
    a.close();
    await waitFor(() => hubStats().connections === 1);
    b.close();
    await waitFor(() => hubStats().connections === 0);
    const reads = hubStats().reads;
    await new Promise((r) => setTimeout(r, POLL_MS * 4));
    expect(hubStats().reads).toBe(reads);
  });

  it("ends a deactivated account's stream, and a page opened after it still goes live", async () => {
    const leaving = await makeUser("editor", "Dora Leaving");
    const gone = await stream(leaving);
    await setAccountActive({ actor: admin, input: { id: leaving.id, active: false } });
    // The hub checks the accounts every 15 s: only the clock is moved on, the timers stay real.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 20_000);
      await newClaim();
      await waitFor(() => gone.ended);
    } finally {
      vi.useRealTimers();
    }
    expect(hubStats().connections).toBe(0);
    // The last connection went with the account: the hub stopped, and starts again for the next page.
    const next = await stream(editor);
    const claim = await newClaim();
    await next.next((m) => m.data.kind === "claim.created" && m.data.claimId === claim.id);
  });

  it("copies every claim event into the live channel, which is append-only", async () => {
    const claim = await newClaim();
    const rows = await rawRows<{ kind: string; source_id: number }>(
      sql`SELECT kind, source_id FROM live_events WHERE claim_id = ${claim.id} ORDER BY id`,
    );
    const events = await rawRows<{ id: number }>(
      sql`SELECT id FROM claim_events WHERE claim_id = ${claim.id}`,
    );
    expect(rows).toEqual([{ kind: "claim.created", source_id: events[0]!.id }]);
    await expect(writeFromAnotherConnection("DELETE FROM live_events")).rejects.toThrow(/append-only/);
    await expect(writeFromAnotherConnection("UPDATE live_events SET kind = 'x'")).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("presence", () => {
  it("says who else has a claim open, publishes arrivals and departures, and forgets the expired", async () => {
    const claim = await newClaim();
    const s = await stream(editor);
    expect(await markPresence({ userId: editor.id, claimId: claim.id, state: "here" })).toEqual([]);
    const others = await markPresence({ userId: reviewer.id, claimId: claim.id, state: "here" });
    expect(others).toEqual([{ id: editor.id, name: "Ana Martin" }]);
    await s.next((m) => m.data.kind === "presence.changed" && m.data.actorId === reviewer.id);
    expect(await markPresence({ userId: editor.id, claimId: claim.id, state: "look" })).toEqual([
      { id: reviewer.id, name: "Ben Okafor" },
    ]);
    // A heartbeat of someone already here is no news.
    const count = s.live.length;
    await markPresence({ userId: reviewer.id, claimId: claim.id, state: "here" });
    await markPresence({ userId: reviewer.id, claimId: claim.id, state: "gone" });
    await waitFor(() => s.live.length === count + 1);
    expect(s.live.at(-1)!.data).toMatchObject({ kind: "presence.changed", actorId: reviewer.id });
    expect(await markPresence({ userId: editor.id, claimId: claim.id, state: "look" })).toEqual([]);
    // Someone who left without saying so counts no more once the heartbeat is older than its expiry.
    const long = new Date(Date.now() - 60_000);
    await markPresence({ userId: admin.id, claimId: claim.id, state: "here", now: long });
    expect(await markPresence({ userId: editor.id, claimId: claim.id, state: "look" })).toEqual([]);
  });
});
