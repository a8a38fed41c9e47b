"use client";

import { AnchorBadge } from "@/components/anchor-badge";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState, type KeyboardEvent, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { reviewLockActive } from "@/lib/review/rules";
import { ClaimFacts, ClaimHeading, Kbd, QuoteInContext } from "./claim-parts";
import { claimHref, type BoardEntry } from "./entry";
import { useTimeFormat } from "./use-time";
import { ThreadPanel } from "@/components/thread-panel";

// The reviewer picker loads when a line's "Assign to…" is first clicked: most lines never use it.
const AssignReviewer = lazy(() =>
  import("@/components/assign-reviewer").then((m) => ({ default: m.AssignReviewer })),
);

export type ReturnDraft = { id: number; note: string; error: string | null };

export type LineHandlers = {
  onActivate: () => void;
  onToggleSelect: () => void;
  onApprove: () => void;
  onStartReturn: () => void;
  onNoteChange: (note: string) => void;
  onSubmitReturn: () => void;
  onCancelReturn: () => void;
  onToggleTake: () => void;
};

/** Who holds the claim for review right now, if anyone: a take lapses after REVIEW_LOCK_MS. */
export function activeTake(
  entry: Pick<BoardEntry, "takenBy" | "takenAt">,
  now: number,
): BoardEntry["takenBy"] {
  return entry.takenBy &&
    reviewLockActive(entry.takenAt === null ? null : new Date(entry.takenAt), new Date(now))
    ? entry.takenBy
    : null;
}

/** The words of a line that are the same on every line: resolved once per board, not 50 times. */
export type LineText = {
  approve: string;
  return: string;
  take: string;
  release: string;
  open: string;
  fourEyes: string;
  unrated: string;
  assign: string;
};

export function useLineText(): LineText {
  const t = useTranslations("queue.item");
  const ta = useTranslations("threads.assign");
  return {
    assign: `${ta("label")}…`,
    approve: t("approve"),
    return: t("return"),
    take: t("take"),
    release: t("release"),
    open: t("open"),
    fourEyes: t("fourEyes"),
    unrated: t("unrated"),
  };
}

export function QueueLine({
  entry,
  meId,
  canReview,
  active,
  selected,
  busy,
  error,
  returnDraft,
  now,
  handlers,
  ref,
  reviewers,
  text,
}: {
  text: LineText;
  entry: BoardEntry;
  meId: number;
  canReview: boolean;
  reviewers?: { id: number; name: string }[];
  active: boolean;
  selected: boolean;
  busy: boolean;
  error: string | null;
  returnDraft: ReturnDraft | null;
  now: number;
  handlers: LineHandlers;
  ref: Ref<HTMLElement>;
}) {
  const t = useTranslations("queue");
  const time = useTimeFormat();
  const ratedByMe = entry.ratedBy?.id === meId;
  const holder = activeTake(entry, now);
  const statementId = `claim-${entry.id}-statement`;
  const reasonId = `claim-${entry.id}-reason`;

  const onNoteKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      handlers.onSubmitReturn();
    } else if (event.key === "Escape") {
      event.preventDefault();
      handlers.onCancelReturn();
    }
  };

  return (
    <article
      ref={ref}
      tabIndex={active ? 0 : -1}
      aria-labelledby={statementId}
      aria-busy={busy || undefined}
      data-claim-id={entry.id}
      data-active={active || undefined}
      data-testid="queue-item"
      onFocus={handlers.onActivate}
      onMouseDown={handlers.onActivate}
      className={cn(
        "relative grid scroll-mt-16 grid-cols-[1.25rem_minmax(0,1fr)] gap-x-3 gap-y-3 border-l-[3px] border-transparent py-4 pr-4 pl-3 outline-none md:grid-cols-[1.25rem_minmax(0,1fr)_13rem]",
        "focus-visible:ring-accent focus-visible:ring-2 focus-visible:ring-inset",
        active && "border-l-accent bg-blue-50/50",
        selected && !active && "bg-blue-50/30",
        busy && "opacity-60",
      )}
    >
      <div className="pt-0.5">
        {canReview ? (
          <input
            type="checkbox"
            className="accent-accent size-4 cursor-pointer"
            checked={selected}
            onChange={handlers.onToggleSelect}
            aria-label={t("item.select", { statement: entry.statement })}
          />
        ) : null}
      </div>

      <div className="min-w-0 space-y-2">
        <ClaimHeading entry={entry} statementId={statementId} />
        {entry.reviewReason ? <AnchorBadge state="exact" reviewReason={entry.reviewReason} /> : null}
        <QuoteInContext entry={entry} />
        <ClaimFacts entry={entry} />
        <p className="text-muted text-xs">
          {entry.ratedBy && entry.ratedAt !== null
            ? t("item.rated", { name: entry.ratedBy.name, time: time.stamp(entry.ratedAt) })
            : text.unrated}
          {entry.submittedAt !== null ? (
            <>
              {" · "}
              <time dateTime={new Date(entry.submittedAt).toISOString()}>
                {t("item.submitted", { time: time.relative(entry.submittedAt, now) })}
              </time>
            </>
          ) : null}
        </p>
      </div>

      <div className="col-start-2 flex flex-col gap-2 md:col-start-3 md:items-stretch">
        {holder ? (
          <p
            className={cn(
              "rounded-md px-2 py-1 text-xs font-medium",
              holder.id === meId ? "bg-blue-100 text-blue-900" : "bg-amber-100 text-amber-950",
            )}
            data-testid="review-take"
          >
            {holder.id === meId
              ? t("item.takenByMe", { time: time.time(entry.takenAt!) })
              : t("item.takenByOther", { name: holder.name, time: time.time(entry.takenAt!) })}
          </p>
        ) : null}
        {canReview ? (
          <>
            <div className="flex flex-wrap gap-2 md:flex-col">
              <Button
                size="sm"
                onClick={handlers.onApprove}
                disabled={ratedByMe || busy}
                aria-describedby={ratedByMe ? reasonId : undefined}
                aria-keyshortcuts="a"
                className="justify-between md:w-full"
              >
                {text.approve}
                <Kbd className="border-white/40 bg-white/15 text-white">a</Kbd>
              </Button>
              <Button
                size="sm"
                variant="secondary"
                onClick={handlers.onStartReturn}
                disabled={busy}
                aria-keyshortcuts="r"
                aria-expanded={returnDraft !== null}
                className="justify-between md:w-full"
              >
                {text.return}
                <Kbd>r</Kbd>
              </Button>
              {!holder || holder.id === meId ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={handlers.onToggleTake}
                  disabled={busy}
                  aria-keyshortcuts="t"
                  aria-pressed={holder?.id === meId}
                  className="justify-between md:w-full"
                >
                  {holder?.id === meId ? text.release : text.take}
                  <Kbd>t</Kbd>
                </Button>
              ) : null}
            </div>
            {ratedByMe ? (
              <p id={reasonId} className="text-muted text-xs leading-snug" data-testid="four-eyes-reason">
                {text.fourEyes}
              </p>
            ) : null}
          </>
        ) : null}
        <Link
          href={claimHref(entry)}
          prefetch={false}
          className="text-muted hover:text-accent inline-flex items-center justify-between gap-2 text-xs underline-offset-2 hover:underline md:px-1"
          aria-keyshortcuts="o"
        >
          {text.open}
          <Kbd>o</Kbd>
        </Link>
      </div>

      <div className="col-span-full col-start-2 grid gap-3 md:grid-cols-[minmax(0,1fr)_13rem]">
        <ThreadPanel claimId={entry.id} summary={entry.thread ?? null} meId={meId} />
        {canReview && reviewers ? (
          <AssignOnDemand
            label={text.assign}
            claimId={entry.id}
            reviewers={reviewers}
            current={entry.thread?.assignedTo ?? null}
            ratedById={entry.ratedBy?.id ?? null}
          />
        ) : null}
      </div>

      {error ? (
        <p role="alert" className="text-disputed col-span-full col-start-2 text-sm font-medium">
          {error}
        </p>
      ) : null}

      {returnDraft ? (
        <form
          className="col-span-full col-start-2 space-y-2 rounded-md border border-amber-200 bg-amber-50/60 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            handlers.onSubmitReturn();
          }}
        >
          <label htmlFor={`return-note-${entry.id}`} className="text-ink block text-sm font-medium">
            {t("returnForm.label")}
          </label>
          <textarea
            id={`return-note-${entry.id}`}
            autoFocus
            rows={2}
            value={returnDraft.note}
            onChange={(event) => handlers.onNoteChange(event.target.value)}
            onKeyDown={onNoteKey}
            placeholder={t("returnForm.placeholder")}
            aria-invalid={returnDraft.error ? true : undefined}
            aria-describedby={`return-note-${entry.id}-hint`}
            className={inputClass}
          />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p
              id={`return-note-${entry.id}-hint`}
              className={cn("text-xs", returnDraft.error ? "text-disputed font-medium" : "text-muted")}
              role={returnDraft.error ? "alert" : undefined}
            >
              {returnDraft.error ?? t("returnForm.hint")}
            </p>
            <div className="flex gap-2">
              <Button size="sm" variant="ghost" onClick={handlers.onCancelReturn}>
                {t("returnForm.cancel")}
              </Button>
              <Button size="sm" type="submit" variant="danger">
                {t("returnForm.submit")}
              </Button>
            </div>
          </div>
        </form>
      ) : null}
    </article>
  );
}

/** The closed picker (the same button as AssignReviewer's compact one); the picker itself on click. */
function AssignOnDemand({
  label,
  ...picker
}: {
  label: string;
  claimId: number;
  reviewers: { id: number; name: string }[];
  current: { id: number; name: string } | null;
  ratedById: number | null;
}) {
  const [open, setOpen] = useState(false);
  const closed = (
    <div className="text-xs" data-testid="assign-reviewer">
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-expanded={false}
        aria-busy={open || undefined}
        className="text-muted hover:text-accent rounded font-medium underline-offset-2 hover:underline"
      >
        {label}
      </button>
    </div>
  );
  if (!open) return closed;
  return (
    <Suspense fallback={closed}>
      <AssignReviewer {...picker} compact startOpen />
    </Suspense>
  );
}
