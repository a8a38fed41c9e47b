import Link from "next/link";
import { useTranslations } from "next-intl";
import { SourceList } from "../source-list";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { QueueEntry } from "./entry";
import { VerdictBadge } from "@/components/verdict-badge";
import { upperFirst } from "@/lib/text/upper-first";
import { bidiSafe } from "@/lib/text/bidi";

export function Kbd({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <kbd
      className={cn(
        "border-line text-ink inline-flex h-5 min-w-5 items-center justify-center rounded border border-b-2 bg-white px-1 font-mono text-[11px] leading-none",
        className,
      )}
    >
      {children}
    </kbd>
  );
}

/** The quoted words, marked, with a few words of their paragraph on each side. */
export function QuoteInContext({ entry }: { entry: Pick<QueueEntry, "quote" | "context"> }) {
  const t = useTranslations("queue.item");
  const { before, after, clippedBefore, clippedAfter } = entry.context;
  return (
    <figure>
      <figcaption className="sr-only">{t("quoteLabel")}</figcaption>
      <blockquote className="text-ink/75 border-line border-l-2 pl-3 font-serif text-[15px] leading-relaxed">
        {clippedBefore ? "… " : null}
        {bidiSafe(before)}
        <mark className="text-ink rounded-sm bg-amber-100 [box-decoration-break:clone] px-0.5">
          {bidiSafe(entry.quote)}
        </mark>
        {bidiSafe(after)}
        {clippedAfter ? " …" : null}
      </blockquote>
    </figure>
  );
}

/** Note, silent party and sources: what the rater based the verdict on. */
export function ClaimFacts({
  entry,
}: {
  entry: Pick<QueueEntry, "verdictNote" | "silentParty" | "sources" | "verdict">;
}) {
  const t = useTranslations("queue.item");
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[13px] leading-snug">
      {entry.verdict === "uncommented" && entry.silentParty ? (
        <>
          <dt className="sr-only">{t("silentPartyLabel")}</dt>
          <dd className="text-uncommented col-span-2 font-medium">
            {t("silentParty", { party: bidiSafe(upperFirst(entry.silentParty)) })}
          </dd>
        </>
      ) : null}
      {entry.verdictNote ? (
        <>
          <dt className="text-muted">{t("note")}</dt>
          <dd className="text-ink">{bidiSafe(entry.verdictNote)}</dd>
        </>
      ) : null}
      <dt className="text-muted">{t("sources")}</dt>
      <dd className="min-w-0">
        {entry.sources.length === 0 ? (
          <span className="text-muted">{t("noSources")}</span>
        ) : (
          <SourceList sources={entry.sources} />
        )}
      </dd>
    </dl>
  );
}

/** Verdict, speaker and article on one line, then the statement (its id names the item). */
export function ClaimHeading({
  entry,
  statementId,
}: {
  entry: Pick<QueueEntry, "verdict" | "speaker" | "articleId" | "articleTitle" | "statement">;
  statementId: string;
}) {
  const t = useTranslations("queue");
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px]">
        <VerdictBadge verdict={entry.verdict} />
        <span className="text-ink font-semibold">{entry.speaker ?? t("item.noSpeaker")}</span>
        <span aria-hidden className="text-line">
          |
        </span>
        <Link
          href={`/articles/${entry.articleId}`}
          prefetch={false}
          className="text-muted hover:text-accent max-w-[36rem] truncate underline-offset-2 hover:underline"
        >
          {bidiSafe(entry.articleTitle)}
        </Link>
      </div>
      <p id={statementId} className="text-ink text-[15px] leading-snug font-medium">
        {bidiSafe(entry.statement)}
      </p>
    </>
  );
}
