import "server-only";
// The Server-Sent Events stream of app/api/live: a "ready" message with the cursor the
// connection starts at (as its id, so that a reconnection after a drop resumes from there even
// when nothing arrived), then one "live" message per live event the account may receive, each
// with its id, none twice. A reconnecting EventSource sends the last id as Last-Event-ID and gets
// what it missed. A comment every HEARTBEAT_MS keeps proxies from closing an idle stream, and the
// stream ends after MAX_AGE_MS so that the page reconnects with its cookie checked again.
import type { LiveEvent } from "@/lib/data/tables";
import { latestLiveId, mayReceive, readLiveEvents, toLiveMessage } from "@/lib/data/live";
import type { SessionUser } from "@/lib/auth/session";
import { CATCH_UP_MAX, subscribe } from "./hub";

export const HEARTBEAT_MS = 15_000;
export const MAX_AGE_MS = 5 * 60_000;
/** How long a page waits before reconnecting after a drop. */
const RETRY_MS = 1_000;

const HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: neither Next's compression nor a proxy may buffer the stream to compress it.
  "Cache-Control": "private, no-cache, no-store, no-transform",
  "X-Accel-Buffering": "no",
};

function message(event: string, id: number, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function messages(events: LiveEvent[]): string {
  return events.map((e) => message("live", e.id, toLiveMessage(e))).join("");
}

/** The cursor a request resumes from: its Last-Event-ID, else `?after=`; null for "from now on". */
export function resumeCursor(request: Request, after: number | undefined): number | null {
  const header = request.headers.get("last-event-id")?.trim();
  if (header && /^\d{1,15}$/.test(header)) return Number(header);
  return after ?? null;
}

/**
 * `once`: what there is after the cursor, then the end of the stream (for clients that cannot
 * hold a connection open: they ask again with the last id).
 */
export async function liveStream({
  user,
  since,
  once,
  signal,
}: {
  user: SessionUser;
  since: number | null;
  once: boolean;
  signal: AbortSignal;
}): Promise<Response> {
  const encoder = new TextEncoder();
  if (once) {
    const head = await latestLiveId();
    let body = `retry: ${RETRY_MS}\n`;
    if (since !== null && since < head) {
      const missed = await readLiveEvents({ afterId: since, limit: CATCH_UP_MAX + 1 });
      if (missed.length > CATCH_UP_MAX) body += message("reset", head, { id: head });
      else {
        body += messages(missed.filter((e) => mayReceive(e, user)));
        body += message("ready", missed.at(-1)?.id ?? since, { id: missed.at(-1)?.id ?? since });
      }
    } else if (since !== null && since > head) body += message("reset", head, { id: head });
    else body += message("ready", head, { id: head });
    return new Response(body, { headers: HEADERS });
  }

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      let unsubscribe = () => {};
      const timers: ReturnType<typeof setTimeout>[] = [];
      const close = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        for (const timer of timers) clearTimeout(timer);
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      signal.addEventListener("abort", close);
      write(`retry: ${RETRY_MS}\n\n`);
      try {
        const joined = await subscribe(
          {
            userId: user.id,
            role: user.role,
            send: (events) => write(messages(events)),
            reset: (cursor) => write(message("reset", cursor, { id: cursor })),
            end: close,
          },
          since,
        );
        unsubscribe = joined.unsubscribe;
        if (!open) return unsubscribe();
        write(message("ready", joined.cursor, { id: joined.cursor }));
      } catch (error) {
        console.warn("Live updates: a connection could not start.", error);
        write(`event: unavailable\ndata: {}\n\n`);
        return close();
      }
      timers.push(setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS));
      timers.push(setTimeout(close, MAX_AGE_MS));
      if (signal.aborted) close();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: HEADERS });
}
