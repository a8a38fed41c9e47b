"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { approveAction, bulkApproveAction, returnAction, takeAction } from "@/app/(app)/queue/actions";
import { callAction, isRetryable } from "@/components/ui/action";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Kbd } from "./claim-parts";
import { claimHref, type BoardEntry } from "./entry";
import { describeError } from "@/lib/errors/text";
import { decidedElsewhere, type Failure } from "./failure";
import { activeTake, QueueLine, useLineText, type LineHandlers, type ReturnDraft } from "./queue-line";
import { useHydrated, useNow } from "./use-time";
import { undoApprovalAction } from "@/app/(app)/queue/undo-actions";
import { UNDO_WINDOW_MS } from "@/lib/review/rules";

// What only a click or a key needs loads on first use, not with the page: the shortcut list (?),
// the bulk assignment (shown once claims are selected) and the undo button (after an approval).
const ShortcutsDialog = lazy(() =>
  import("./shortcuts-dialog").then((m) => ({ default: m.ShortcutsDialog })),
);
const AssignBulk = lazy(() => import("@/components/assign-bulk").then((m) => ({ default: m.AssignBulk })));
const UndoButton = lazy(() =>
  import("@/components/publish/undo-button").then((m) => ({ default: m.UndoButton })),
);

/**
 * The lines the server renders into the HTML: about a screen and a half. The others render in the
 * browser once the page is hydrated, from the entries the board gets anyway: 50 rich lines in the
 * HTML cost the server most of the page's time (issue 20), for lines a reviewer reaches by
 * scrolling or with j.
 */
export const SERVER_LINES = 12;

/** Lines below the first screen are laid out and painted only when scrolled or moved near. */
const BELOW_FOLD = "[contain-intrinsic-size:auto_15rem] [content-visibility:auto]";

/** `retry`: the failed call again, offered when it got no answer (see callAction); `undo`: take an approval back. */
type Notice = { kind: "ok" | "error"; text: string; retry?: () => void; undo?: () => void };
type TakeOverride = Pick<BoardEntry, "takenBy" | "takenAt">;

const keyOf = (entry: Pick<BoardEntry, "id" | "version">) => `${entry.id}:${entry.version}`;

/** Keys typed into a text field, a select or an editable area are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  }
  return false;
}

function short(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function QueueBoard({
  entries,
  meId,
  canReview,
  filtered,
  serverNow,
  reviewers,
}: {
  entries: BoardEntry[];
  meId: number;
  canReview: boolean;
  filtered: boolean;
  serverNow: number;
  /** Who claims can be assigned to (bulk assign, components/assign-bulk.tsx). */
  reviewers?: { id: number; name: string }[];
}) {
  const t = useTranslations("queue");
  const tp = useTranslations("publish");
  const lineText = useLineText();
  const router = useRouter();
  const now = useNow(serverNow);
  const hydrated = useHydrated();

  // Decided here (approved or returned): hidden at once, before the server's fresh list arrives.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  // Takes changed here since the server's list was rendered; a fresh list supersedes them.
  const [takes, setTakes] = useState<{ base: BoardEntry[]; map: ReadonlyMap<number, TakeOverride> }>({
    base: entries,
    map: new Map(),
  });
  const [activeId, setActiveId] = useState<number | null>(entries[0]?.id ?? null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const [busy, setBusy] = useState<ReadonlySet<number>>(() => new Set());
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(() => new Map());
  const [returnDraft, setReturnDraft] = useState<ReturnDraft | null>(null);
  const [notice, setNoticeState] = useState<Notice | null>(null);

  const items = useRef(new Map<number, HTMLElement>());
  const emptyHeading = useRef<HTMLHeadingElement>(null);
  const [help, setHelp] = useState(false);
  const refreshTimer = useRef<number | undefined>(undefined);
  const noticeTimer = useRef<number | undefined>(undefined);
  // Where focus goes once the list has re-rendered: the next claim, or the empty state.
  const pendingFocus = useRef<number | "empty" | null>(null);

  /** Confirmations fade after a few seconds; refusals and reports stay until dismissed or replaced. */
  const setNotice = (next: Notice | null) => {
    window.clearTimeout(noticeTimer.current);
    setNoticeState(next);
    // An approval's notice offers Undo for the server's ten seconds, less a margin for the round trip.
    const lasts = next?.undo ? UNDO_WINDOW_MS - 1000 : 6000;
    if (next?.kind === "ok") noticeTimer.current = window.setTimeout(() => setNoticeState(null), lasts);
  };

  const visible = useMemo(() => {
    const overrides = takes.base === entries ? takes.map : new Map<number, TakeOverride>();
    return entries
      .filter((e) => !hidden.has(keyOf(e)))
      .map((e) => {
        const override = overrides.get(e.id);
        return override ? { ...e, ...override } : e;
      });
  }, [entries, hidden, takes]);

  const active = visible.find((e) => e.id === activeId) ?? visible[0] ?? null;
  const selectedEntries = visible.filter((e) => selected.has(e.id));

  // Runs after every commit. An earlier render's effects may run before the list has changed
  // (React flushes them first), so the target is only consumed once it is on the page.
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const node = target === "empty" ? emptyHeading.current : items.current.get(target);
    if (!node) {
      if (target !== "empty" && !visible.some((e) => e.id === target)) pendingFocus.current = null;
      return;
    }
    pendingFocus.current = null;
    node.focus();
  });

  // A return note being written keeps its line: the fresh list waits until it is sent or cancelled
  // (a list fetched meanwhile would take the line and its note away without a word).
  const drafting = useRef(false);
  useEffect(() => {
    drafting.current = returnDraft !== null;
  });
  const refreshSoon = () => {
    window.clearTimeout(refreshTimer.current);
    const tick = () => {
      if (drafting.current) refreshTimer.current = window.setTimeout(tick, 700);
      else router.refresh();
    };
    refreshTimer.current = window.setTimeout(tick, 700);
  };

  // Others approve too: fetch the queue again every minute while the page is in view.
  const periodicRefresh = useEffectEvent(() => {
    if (document.visibilityState === "visible" && returnDraft === null && busy.size === 0) router.refresh();
  });
  useEffect(() => {
    const timer = window.setInterval(periodicRefresh, 60_000);
    return () => window.clearInterval(timer);
  }, []);

  const words = useTranslations();
  const fail = (failure: Failure) => describeError(words, failure);

  const setFlag = <T,>(set: ReadonlySet<T>, value: T, on: boolean): ReadonlySet<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  const setError = (id: number, message: string | null) =>
    setErrors((current) => {
      const next = new Map(current);
      if (message === null) next.delete(id);
      else next.set(id, message);
      return next;
    });

  /** The claim focus goes to when `gone` leave the list: the next one after the first, else the one before. */
  const successor = (gone: ReadonlySet<number>): BoardEntry | null => {
    const anchor = active && gone.has(active.id) ? visible.indexOf(active) : -1;
    if (anchor === -1) return active;
    const after = visible.slice(anchor + 1).find((e) => !gone.has(e.id));
    const before = [...visible.slice(0, anchor)].reverse().find((e) => !gone.has(e.id));
    return after ?? before ?? null;
  };

  const leave = (gone: BoardEntry[], { focus }: { focus: boolean }) => {
    const ids = new Set(gone.map((e) => e.id));
    const next = successor(ids);
    setHidden((current) => {
      const updated = new Set(current);
      for (const e of gone) updated.add(keyOf(e));
      return updated;
    });
    setSelected((current) => new Set([...current].filter((id) => !ids.has(id))));
    setActiveId(next?.id ?? null);
    if (focus) pendingFocus.current = next ? next.id : "empty";
  };

  const unhide = (entry: BoardEntry) =>
    setHidden((current) => {
      const updated = new Set(current);
      updated.delete(keyOf(entry));
      return updated;
    });

  const focusItem = (entry: BoardEntry) => {
    setActiveId(entry.id);
    items.current.get(entry.id)?.focus();
  };

  const move = (delta: number) => {
    if (!active) return;
    const inside =
      document.activeElement instanceof HTMLElement && document.activeElement.closest("[data-claim-id]");
    if (!inside) return focusItem(active);
    const index = visible.indexOf(active);
    const target = visible[Math.min(visible.length - 1, Math.max(0, index + delta))];
    if (target) focusItem(target);
  };

  const approve = async (entry: BoardEntry) => {
    if (!canReview) return setNotice({ kind: "error", text: t("errors.forbidden") });
    if (entry.ratedBy?.id === meId) return setNotice({ kind: "error", text: t("errors.fourEyes") });
    if (busy.has(entry.id)) return;
    setError(entry.id, null);
    leave([entry], { focus: true });
    const result = await callAction(() => approveAction({ id: entry.id, version: entry.version }));
    if (result.ok) {
      const approved = result.data;
      setNotice({
        kind: "ok",
        text: t("messages.approved", { statement: short(entry.statement) }),
        undo: () => void undoApproval(entry, approved),
      });
    } else {
      // Refused or unanswered, the claim comes back where it was, with why and a way to try again.
      if (!decidedElsewhere(result)) {
        unhide(entry);
        setActiveId(entry.id);
        setError(entry.id, fail(result));
      }
      setNotice({
        kind: "error",
        text: fail(result),
        retry: isRetryable(result) ? () => void approve(entry) : undefined,
      });
    }
    refreshSoon();
  };

  /** Issue 16: the approval withdrawn (the server checks the ten seconds); the claim comes back. */
  const undoApproval = async (entry: BoardEntry, approved: { id: number; version: number }) => {
    setNotice(null);
    const result = await callAction(() => undoApprovalAction(approved));
    if (result.ok) {
      unhide(entry);
      setActiveId(entry.id);
      setNotice({ kind: "ok", text: tp("undone", { statement: short(entry.statement) }) });
      router.refresh();
    } else {
      setNotice({
        kind: "error",
        text: fail(result),
        retry: isRetryable(result) ? () => void undoApproval(entry, approved) : undefined,
      });
    }
  };

  const approveSelected = async () => {
    if (!canReview || selectedEntries.length === 0) return;
    const batch = selectedEntries;
    setBusy((current) => new Set([...current, ...batch.map((e) => e.id)]));
    const result = await callAction(() =>
      bulkApproveAction({ items: batch.map((e) => ({ id: e.id, version: e.version })) }),
    );
    setBusy((current) => new Set([...current].filter((id) => !batch.some((e) => e.id === id))));
    if (!result.ok) {
      setNotice({
        kind: "error",
        text: fail(result),
        retry: isRetryable(result) ? () => void approveSelected() : undefined,
      });
      return;
    }
    const byId = new Map(batch.map((e) => [e.id, e]));
    const approved = result.data.filter((o) => o.ok).map((o) => byId.get(o.id)!);
    const refused = result.data.filter((o) => !o.ok);
    const reasons = refused.map((o) => {
      const statement = short(byId.get(o.id)?.statement ?? "", 50);
      const decision = o.details?.decision;
      const by = typeof o.details?.by === "string" ? o.details.by : "?";
      if (o.code === "four_eyes") return t("messages.reasonFourEyes", { statement });
      if (decision === "approved") return t("messages.reasonAlreadyApproved", { statement, name: by });
      if (decision === "returned") return t("messages.reasonAlreadyReturned", { statement, name: by });
      return t("messages.reasonOther", { statement, error: fail(o) });
    });
    const gone = [...approved, ...refused.filter((o) => decidedElsewhere(o)).map((o) => byId.get(o.id)!)];
    leave(gone, { focus: true });
    setSelected(new Set());
    setNotice({
      kind: refused.length > 0 ? "error" : "ok",
      text: t("messages.report", {
        approved: approved.length,
        refused: refused.length,
        reasons: reasons.join("; "),
      }),
    });
    refreshSoon();
  };

  const startReturn = (entry: BoardEntry) => {
    if (!canReview) return setNotice({ kind: "error", text: t("errors.forbidden") });
    setActiveId(entry.id);
    setReturnDraft((current) =>
      current?.id === entry.id ? current : { id: entry.id, note: "", error: null },
    );
  };

  const cancelReturn = (entry: BoardEntry) => {
    setReturnDraft(null);
    pendingFocus.current = entry.id;
  };

  const submitReturn = async (entry: BoardEntry) => {
    if (!returnDraft || returnDraft.id !== entry.id) return;
    const note = returnDraft.note.trim();
    if (note === "") return setReturnDraft({ ...returnDraft, error: t("errors.noteRequired") });
    setReturnDraft(null);
    setError(entry.id, null);
    leave([entry], { focus: true });
    const result = await callAction(() => returnAction({ id: entry.id, version: entry.version, note }));
    if (result.ok) {
      setNotice({ kind: "ok", text: t("messages.returned", { statement: short(entry.statement) }) });
    } else {
      // The note is kept in the reopened return form: submitting it again is the retry.
      if (!decidedElsewhere(result)) {
        unhide(entry);
        setReturnDraft({ id: entry.id, note, error: fail(result) });
        setActiveId(entry.id);
      }
      setNotice({ kind: "error", text: fail(result) });
    }
    refreshSoon();
  };

  const toggleTake = async (entry: BoardEntry) => {
    if (!canReview) return setNotice({ kind: "error", text: t("errors.forbidden") });
    const mine = activeTake(entry, now)?.id === meId;
    setBusy((current) => setFlag(current, entry.id, true));
    const result = await callAction(() => takeAction({ id: entry.id, taken: !mine }));
    setBusy((current) => setFlag(current, entry.id, false));
    const override = (value: TakeOverride) =>
      setTakes((current) => {
        const map = new Map(current.base === entries ? current.map : []);
        map.set(entry.id, value);
        return { base: entries, map };
      });
    if (result.ok) {
      override({ takenBy: result.data.takenBy, takenAt: result.data.takenAt });
      setNotice({
        kind: "ok",
        text: t(mine ? "messages.released" : "messages.taken", { statement: short(entry.statement) }),
      });
    } else {
      const by = result.details?.by;
      const at = result.details?.at;
      if (result.details?.decision === "taken" && typeof by === "string" && typeof at === "string") {
        override({ takenBy: { id: -1, name: by }, takenAt: Date.parse(at) });
      }
      if (decidedElsewhere(result)) leave([entry], { focus: false });
      setNotice({
        kind: "error",
        text: fail(result),
        retry: isRetryable(result) ? () => void toggleTake(entry) : undefined,
      });
    }
  };

  const toggleSelect = (entry: BoardEntry) =>
    setSelected((current) => setFlag(current, entry.id, !current.has(entry.id)));

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target) || help) return;
    const run = (action: () => unknown) => {
      event.preventDefault();
      action();
    };
    // The arrows move between lines when a line itself has the focus (elsewhere they scroll).
    const onLine = event.target instanceof HTMLElement && event.target.matches("[data-claim-id]");
    switch (event.key) {
      case "j":
        return run(() => move(1));
      case "k":
        return run(() => move(-1));
      case "ArrowDown":
        return onLine ? run(() => move(1)) : undefined;
      case "ArrowUp":
        return onLine ? run(() => move(-1)) : undefined;
      case "?":
        return run(() => setHelp(true));
      case "A":
        return run(() => void approveSelected());
      case "u":
        return notice?.undo ? run(() => notice.undo?.()) : undefined;
    }
    if (!active) return;
    switch (event.key) {
      case "a":
        return run(() => void approve(active));
      case "r":
        return run(() => startReturn(active));
      case "o":
        return run(() => router.push(claimHref(active)));
      case "x":
        return canReview ? run(() => toggleSelect(active)) : undefined;
      case "t":
        return run(() => void toggleTake(active));
      case "Escape":
        return selected.size > 0 ? run(() => setSelected(new Set())) : undefined;
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const handlersFor = (entry: BoardEntry): LineHandlers => ({
    onActivate: () => setActiveId(entry.id),
    onToggleSelect: () => toggleSelect(entry),
    onApprove: () => void approve(entry),
    onStartReturn: () => startReturn(entry),
    onNoteChange: (note) => setReturnDraft({ id: entry.id, note, error: null }),
    onSubmitReturn: () => void submitReturn(entry),
    onCancelReturn: () => cancelReturn(entry),
    onToggleTake: () => void toggleTake(entry),
  });

  // The server's HTML (and the hydration that matches it) has the first lines; the rest render
  // right after. Every shortcut, the selection and the focus work on `visible`, all lines.
  const shown = hydrated ? visible : visible.slice(0, SERVER_LINES);

  const allSelected = visible.length > 0 && visible.every((e) => selected.has(e.id));

  return (
    <div className="space-y-3" data-keyboard={hydrated ? "on" : "off"}>
      <KeyboardHints canReview={canReview} onShowAll={() => setHelp(true)} />
      {/* Fixed at the bottom of the window, so the outcome of a key press is seen wherever the list is scrolled. */}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-5 z-30 flex justify-center px-4"
        data-testid="queue-notice"
      >
        {notice ? (
          <span
            className={cn(
              "pointer-events-auto inline-flex max-w-3xl items-center gap-3 rounded-lg px-4 py-2.5 text-sm font-medium shadow-lg ring-1",
              notice.kind === "ok"
                ? "bg-confirmed-bg text-confirmed ring-confirmed/25"
                : "bg-disputed-bg text-disputed ring-disputed/25",
            )}
          >
            {notice.text}
            {notice.undo ? (
              <Suspense fallback={null}>
                <UndoButton onUndo={notice.undo} />
              </Suspense>
            ) : null}
            {notice.retry ? (
              <button
                type="button"
                onClick={notice.retry}
                className="rounded px-1 font-semibold underline underline-offset-2"
              >
                {t("messages.retry")}
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => setNotice(null)}
              className="rounded px-1 text-base leading-none opacity-70 hover:opacity-100"
              aria-label={t("messages.dismiss")}
            >
              ×
            </button>
          </span>
        ) : null}
      </div>

      {visible.length === 0 ? (
        <div className="border-line rounded-lg border border-dashed bg-white px-6 py-14 text-center">
          <h2 ref={emptyHeading} tabIndex={-1} className="text-lg font-medium outline-none">
            {filtered ? t("empty.filteredTitle") : t("empty.title")}
          </h2>
          <p className="text-muted mx-auto mt-2 max-w-md text-sm">
            {filtered ? t("empty.filteredText") : t("empty.text")}
          </p>
          {filtered ? (
            <Link href="/queue" className="text-accent mt-4 inline-block text-sm font-medium hover:underline">
              {t("filters.clear")}
            </Link>
          ) : null}
        </div>
      ) : (
        <div className="border-line rounded-lg border bg-white shadow-xs">
          {canReview ? (
            <div className="border-line sticky top-0 z-10 flex min-h-11 flex-wrap items-center gap-3 rounded-t-lg border-b bg-slate-50/95 px-4 py-1.5 text-sm backdrop-blur">
              <label className="text-muted flex items-center gap-2">
                <input
                  type="checkbox"
                  className="accent-accent size-4"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(visible.map((e) => e.id)))}
                />
                {t("selection.selectAll")}
              </label>
              {selected.size > 0 ? (
                <>
                  <span className="text-ink font-medium tabular-nums" data-testid="selection-count">
                    {t("selection.count", { count: selectedEntries.length })}
                  </span>
                  <Button size="sm" onClick={() => void approveSelected()} aria-keyshortcuts="Shift+A">
                    {t("selection.approve")}
                    <Kbd className="border-white/40 bg-white/15 text-white">⇧A</Kbd>
                  </Button>
                  {reviewers ? (
                    <Suspense fallback={null}>
                      <AssignBulk
                        ids={selectedEntries.map((e) => e.id)}
                        reviewers={reviewers}
                        onDone={(report) => {
                          if (report.ok) setSelected(new Set());
                          setNotice({ kind: report.ok ? "ok" : "error", text: report.text });
                        }}
                      />
                    </Suspense>
                  ) : null}
                  <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
                    {t("selection.clear")}
                  </Button>
                </>
              ) : null}
            </div>
          ) : null}
          <ol aria-label={t("item.listLabel")} className="divide-line divide-y">
            {shown.map((entry, index) => (
              <li key={keyOf(entry)} className={index >= SERVER_LINES ? BELOW_FOLD : undefined}>
                <QueueLine
                  ref={(node) => {
                    if (node) items.current.set(entry.id, node);
                    else items.current.delete(entry.id);
                  }}
                  entry={entry}
                  text={lineText}
                  meId={meId}
                  canReview={canReview}
                  reviewers={reviewers}
                  active={active?.id === entry.id}
                  selected={selected.has(entry.id)}
                  busy={busy.has(entry.id)}
                  error={errors.get(entry.id) ?? null}
                  returnDraft={returnDraft?.id === entry.id ? returnDraft : null}
                  now={now}
                  handlers={handlersFor(entry)}
                />
              </li>
            ))}
          </ol>
          {shown.length < visible.length ? (
            <p className="border-line text-muted border-t px-4 py-3 text-sm" data-testid="queue-more">
              {t("item.more", { count: visible.length - shown.length })}
            </p>
          ) : null}
        </div>
      )}
      {help ? (
        <Suspense fallback={null}>
          <ShortcutsDialog canReview={canReview} onClose={() => setHelp(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}

function KeyboardHints({ canReview, onShowAll }: { canReview: boolean; onShowAll: () => void }) {
  const t = useTranslations("queue");
  const hint = (keys: string[], label: string) => (
    <span className="inline-flex items-center gap-1">
      {keys.map((k) => (
        <Kbd key={k}>{k}</Kbd>
      ))}
      <span>{label}</span>
    </span>
  );
  return (
    <div className="text-muted flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
      <span className="flex flex-wrap items-center gap-x-4 gap-y-1" aria-hidden>
        {hint(["j", "k"], t("hintMove"))}
        {canReview ? hint(["a"], t("hintApprove")) : null}
        {canReview ? hint(["r"], t("hintReturn")) : null}
        {canReview ? hint(["x"], t("hintSelect")) : null}
        {hint(["o"], t("hintOpen"))}
      </span>
      <button
        type="button"
        onClick={onShowAll}
        aria-keyshortcuts="?"
        className="hover:text-ink inline-flex items-center gap-1 rounded"
      >
        <Kbd>?</Kbd>
        <span>{t("hintAll")}</span>
      </button>
    </div>
  );
}
