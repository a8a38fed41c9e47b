"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { resubmitAction } from "@/app/(app)/queue/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ClaimFacts, ClaimHeading, QuoteInContext } from "./claim-parts";
import { claimHref, type QueueEntry } from "./entry";
import { callAction } from "@/components/ui/action";
import { describeError } from "@/lib/errors/text";
import { decidedElsewhere } from "./failure";
import { useTimeFormat } from "./use-time";
import { bidiSafe } from "@/lib/text/bidi";

/** Claims a reviewer sent back to me, each with the reviewer's note, a way to fix it, and to resubmit. */
export function ReturnedList({ entries }: { entries: QueueEntry[] }) {
  const t = useTranslations("queue");
  const time = useTimeFormat();
  const words = useTranslations();
  const router = useRouter();
  const [done, setDone] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState<number | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(() => new Map());
  const [notice, setNotice] = useState<string | null>(null);

  const visible = entries.filter((e) => !done.has(`${e.id}:${e.version}`));

  const resubmit = async (entry: QueueEntry) => {
    setBusy(entry.id);
    const result = await callAction(() => resubmitAction({ id: entry.id, version: entry.version }));
    setBusy(null);
    if (result.ok || decidedElsewhere(result)) {
      setDone((current) => new Set(current).add(`${entry.id}:${entry.version}`));
    }
    if (result.ok) setNotice(t("messages.resubmitted", { statement: entry.statement }));
    else setErrors((current) => new Map(current).set(entry.id, describeError(words, result)));
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-muted max-w-2xl text-sm">{t("returned.intro")}</p>
        <div role="status" aria-live="polite" className="min-h-8" data-testid="queue-notice">
          {notice ? (
            <span className="bg-confirmed-bg text-confirmed inline-flex rounded-md px-3 py-1.5 text-sm font-medium">
              {notice}
            </span>
          ) : null}
        </div>
      </div>
      {visible.length === 0 ? (
        <div className="border-line rounded-lg border border-dashed bg-white px-6 py-14 text-center">
          <h2 className="text-lg font-medium">{t("empty.returnedTitle")}</h2>
          <p className="text-muted mx-auto mt-2 max-w-md text-sm">{t("empty.returnedText")}</p>
        </div>
      ) : (
        <ol
          aria-label={t("item.returnedListLabel")}
          className="border-line divide-line divide-y rounded-lg border bg-white shadow-xs"
        >
          {visible.map((entry) => (
            <li key={entry.id}>
              <article
                aria-labelledby={`returned-${entry.id}`}
                data-testid="returned-item"
                className={cn(
                  "grid gap-x-6 gap-y-3 px-5 py-4 md:grid-cols-[minmax(0,1fr)_13rem]",
                  busy === entry.id && "opacity-60",
                )}
              >
                <div className="min-w-0 space-y-2">
                  <ClaimHeading entry={entry} statementId={`returned-${entry.id}`} />
                  <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
                    <p className="text-xs font-medium text-amber-950">
                      {entry.returnedBy && entry.returnedAt !== null
                        ? t("returned.by", {
                            name: entry.returnedBy.name,
                            time: time.stamp(entry.returnedAt),
                          })
                        : t("returned.noteLabel")}
                    </p>
                    <p className="text-ink mt-0.5 text-sm whitespace-pre-line" data-testid="return-note">
                      {bidiSafe(entry.returnNote)}
                    </p>
                  </div>
                  <QuoteInContext entry={entry} />
                  <ClaimFacts entry={entry} />
                </div>
                <div className="flex flex-col gap-2">
                  <Link href={claimHref(entry)} prefetch={false} className={buttonClass("primary", "sm")}>
                    {t("returned.fix")}
                  </Link>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => void resubmit(entry)}
                    disabled={busy === entry.id}
                    aria-describedby={`resubmit-hint-${entry.id}`}
                  >
                    {t("returned.resubmit")}
                  </Button>
                  <p id={`resubmit-hint-${entry.id}`} className="text-muted text-xs">
                    {t("returned.resubmitHint")}
                  </p>
                  {errors.get(entry.id) ? (
                    <p role="alert" className="text-disputed text-sm font-medium">
                      {errors.get(entry.id)}
                    </p>
                  ) : null}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
