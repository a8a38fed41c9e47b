// The page's one connection to the live channel (app/api/live), shared by every component that
// listens (useLive): opened with the first listener, closed a moment after the last leaves (so a
// navigation that swaps the listening components keeps it). EventSource reconnects by itself
// after a drop and sends the last id it saw, so the server sends what was missed, once. When the
// server refuses (a 401 after the session ended) it gives up, and we try again later with the
// last id in the URL. Before the first event, the last id is the one the page was rendered at
// (data-live-from, components/app-shell.tsx): what happened between the render and the channel's
// opening (a slow connection, a tab opened hidden, a refused first try) is sent, not skipped.
export type LiveMessage = {
  id: number;
  /** "claim.approved", "claim.returned", "presence.changed", … ; "reset": reload everything. */
  kind: string;
  articleId: number | null;
  claimId: number | null;
  actorId: number | null;
  at: number;
};

type Listener = (message: LiveMessage) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let lastId: number | null = null;
let closeTimer: ReturnType<typeof setTimeout> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = 2_000;

function setState(state: "connecting" | "open" | "closed") {
  // For the tests and for anyone curious: <html data-live="open">.
  if (typeof document !== "undefined") document.documentElement.dataset.live = state;
}

function emit(message: LiveMessage) {
  // When the last event arrived (for the latency test, e2e/live.spec.ts).
  if (typeof document !== "undefined")
    document.documentElement.dataset.liveAt = `${message.id}:${Date.now()}`;
  for (const listener of [...listeners]) listener(message);
}

/** The last live event when the page was rendered, or null on a page that does not say. */
function renderedAt(): number | null {
  const value = document.querySelector("[data-live-from]")?.getAttribute("data-live-from") ?? "";
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

function open() {
  if (source || typeof EventSource === "undefined") return;
  if (document.visibilityState === "hidden") return;
  setState("connecting");
  const from = lastId ?? renderedAt();
  const es = new EventSource(from === null ? "/api/live" : `/api/live?after=${from}`);
  source = es;
  const track = (event: MessageEvent) => {
    const id = Number(event.lastEventId);
    if (Number.isSafeInteger(id)) lastId = id;
  };
  es.addEventListener("ready", (event) => {
    track(event);
    retryDelay = 2_000;
    setState("open");
  });
  es.addEventListener("live", (event) => {
    track(event);
    try {
      emit(JSON.parse(event.data) as LiveMessage);
    } catch {
      // not ours
    }
  });
  es.addEventListener("reset", (event) => {
    track(event);
    emit({ id: lastId ?? 0, kind: "reset", articleId: null, claimId: null, actorId: null, at: Date.now() });
  });
  es.onerror = () => {
    if (es.readyState === EventSource.CLOSED) {
      // Refused (signed out, server down): try again later, from the last id.
      es.close();
      if (source === es) source = null;
      setState("closed");
      if (listeners.size > 0 && !retryTimer) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          if (listeners.size > 0) open();
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60_000);
      }
    } else setState("connecting");
  };
}

function close() {
  source?.close();
  source = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  setState("closed");
}

// A hidden tab lets its connection go (a browser keeps at most 6 connections per site over
// HTTP/1.1, and a desk is often open in many tabs) and catches up from its last id when shown.
if (typeof document !== "undefined") {
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      if (source) close();
    } else if (listeners.size > 0) open();
  });
}

/** Calls `listener` with every live event this account may see, until the returned function is called. */
export function listen(listener: Listener): () => void {
  listeners.add(listener);
  if (closeTimer) clearTimeout(closeTimer);
  closeTimer = null;
  open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && !closeTimer) {
      closeTimer = setTimeout(() => {
        closeTimer = null;
        if (listeners.size === 0) close();
      }, 3_000);
    }
  };
}
