"use client";
// The header's counts (the queue, "My work", the inbox), kept current by the live channel: on an
// event that may change them, one small fetch of /api/live/counts (a few counts) instead of
// re-rendering the whole page with router.refresh(), which took seconds on a loaded machine.
// A burst of events makes one fetch; one that arrives while a fetch is under way makes one more.
import dynamic from "next/dynamic";
import Link from "next/link";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { countsLoading } from "./counts-gate";
import type { HeaderCounts } from "@/lib/data/header-counts";
import type { LiveMessage } from "./use-live";

// The channel's client loads after hydration, not with every page (see counts-listener.tsx).
const CountsListener = dynamic(() => import("./counts-listener").then((m) => m.CountsListener), {
  ssr: false,
});

/** Claim events that cannot change a count: a thread's messages, the right of reply. */
const NOT_COUNTED = new Set([
  "claim.message_posted",
  "claim.message_edited",
  "claim.comment_requested",
  "claim.reply_recorded",
  "claim.not_contacted",
]);

/** Whether an event may change the queue, someone's work or an inbox. */
export function affectsCounts(message: LiveMessage): boolean {
  if (message.kind === "reset" || message.kind.startsWith("notification.")) return true;
  return message.kind.startsWith("claim.") && !NOT_COUNTED.has(message.kind);
}

/**
 * The three labels' messages (ICU), given by the server: no client provider (which would replace
 * the page's). The same keys hold the labels formatted for the counts the server rendered.
 */
export type CountLabels = { queueCount: string; navCount: string; unreadCount: string };
type Format = (counts: HeaderCounts) => CountLabels;

const CountsContext = createContext<{ counts: HeaderCounts; text: CountLabels } | null>(null);

const sameText = (a: CountLabels, b: CountLabels) =>
  a.queueCount === b.queueCount && a.navCount === b.navCount && a.unreadCount === b.unreadCount;

/**
 * The labels for other counts than the server's, formatted with next-intl's translator, which
 * (with its ICU message parser) loads only when a live event changes a count: it is not in every
 * page's first load.
 */
async function loadFormat(locale: string, labels: CountLabels): Promise<Format> {
  const { createTranslator } = await import("next-intl");
  const t = createTranslator({ locale, messages: { counts: labels }, namespace: "counts" });
  return (c) => ({
    queueCount: t("queueCount", { count: c.queue }),
    navCount: t("navCount", { returned: c.returned, assigned: c.assigned }),
    unreadCount: t("unreadCount", { count: c.inbox }),
  });
}

const same = (a: HeaderCounts, b: HeaderCounts) =>
  a.queue === b.queue && a.inbox === b.inbox && a.returned === b.returned && a.assigned === b.assigned;

export function LiveCounts({
  initial,
  initialText,
  locale,
  labels,
  children,
}: {
  initial: HeaderCounts;
  /** The labels formatted by the server for `initial`. */
  initialText: CountLabels;
  locale: string;
  labels: CountLabels;
  children: ReactNode;
}) {
  const [state, setState] = useState({
    counts: initial,
    text: initialText,
    from: initial,
    fromText: initialText,
  });
  // A new server render (navigation, router.refresh, another language) brings counts of its own: they win.
  let { counts, text } = state;
  if (!same(state.from, initial) || !sameText(state.fromText, initialText)) {
    counts = initial;
    text = initialText;
    setState({ counts: initial, text: initialText, from: initial, fromText: initialText });
  }
  const format = useRef<{ locale: string; labels: CountLabels; load: Promise<Format> } | null>(null);
  const formatFor = useRef(() => loadFormat(locale, labels));
  useEffect(() => {
    formatFor.current = () => {
      if (!format.current || format.current.locale !== locale || !sameText(format.current.labels, labels)) {
        format.current = { locale, labels, load: loadFormat(locale, labels) };
      }
      return format.current.load;
    };
  }, [locale, labels]);
  const busy = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      do {
        again.current = false;
        const response = await fetch("/api/live/counts", { cache: "no-store" }).catch(() => null);
        if (!response?.ok) break;
        const fresh = (await response.json()) as HeaderCounts;
        const toText = await formatFor.current().catch(() => null);
        if (!toText) break;
        const freshText = toText(fresh);
        setState((s) => (same(s.counts, fresh) ? s : { ...s, counts: fresh, text: freshText }));
      } while (again.current);
    } finally {
      busy.current = false;
    }
  }, []);

  const onMessage = useCallback(
    (message: LiveMessage) => {
      if (!affectsCounts(message)) return;
      if (timer.current) return;
      // Gathers a burst (a claim's events of one save arrive together) into one fetch, which the
      // page's own refresh, if any, lets go first (counts-gate.ts).
      let done: () => void = () => {};
      countsLoading(new Promise<void>((resolve) => (done = resolve)));
      timer.current = setTimeout(() => {
        timer.current = null;
        void load().finally(done);
      }, 20);
    },
    [load],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const value = useMemo(() => ({ counts, text }), [counts, text]);
  return (
    <CountsContext.Provider value={value}>
      <CountsListener onMessage={onMessage} />
      {children}
    </CountsContext.Provider>
  );
}

function useCounts(): HeaderCounts & { text: CountLabels } {
  const value = useContext(CountsContext);
  if (!value) throw new Error("LiveCounts is missing above this count.");
  return { ...value.counts, text: value.text };
}

export function QueueCount() {
  const { queue, text } = useCounts();
  return (
    <span
      className="text-ink ml-1.5 rounded-full bg-slate-100 px-1.5 py-0.5 text-xs tabular-nums"
      aria-label={text.queueCount}
      data-testid="queue-count"
    >
      {queue}
    </span>
  );
}

export function MyWorkCount() {
  const { returned, assigned, text } = useCounts();
  const total = returned + assigned;
  return (
    <span
      className={
        total > 0
          ? "ml-1.5 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950 tabular-nums"
          : "text-ink ml-1.5 rounded-full bg-slate-100 px-1.5 py-0.5 text-xs tabular-nums"
      }
      aria-label={text.navCount}
      data-testid="my-work-count"
      data-returned={returned}
    >
      {total}
    </span>
  );
}

/**
 * On phones "My work" is behind the menu button: what waits on me (returned to me, given to me to
 * review) shows on the button itself, read out with the button's name.
 */
export function MenuWorkBadge() {
  const { returned, assigned, text } = useCounts();
  const total = returned + assigned;
  if (total === 0) return null;
  return (
    <span
      className="rounded-full bg-amber-100 px-1.5 text-xs text-amber-950 tabular-nums"
      data-testid="menu-work-count"
    >
      <span aria-hidden>{total > 99 ? "99+" : total}</span>
      <span className="sr-only">{text.navCount}</span>
    </span>
  );
}

export function InboxLink({ title, children }: { title: string; children: ReactNode }) {
  const { inbox, text } = useCounts();
  return (
    <Link
      href="/inbox"
      aria-label={text.unreadCount}
      title={title}
      className="relative flex items-center rounded-md p-1.5 hover:bg-slate-100"
    >
      {children}
      {inbox > 0 ? (
        <span
          className="bg-accent absolute -top-1 -right-1 min-w-5 rounded-full px-1 text-center text-[11px] leading-5 font-semibold text-white tabular-nums"
          data-testid="inbox-count"
        >
          {inbox > 99 ? "99+" : inbox}
        </span>
      ) : null}
    </Link>
  );
}
