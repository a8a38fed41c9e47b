"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createClaimAction } from "@/app/(app)/articles/[id]/actions";
import { describeError } from "@/lib/errors/text";
import { callAction } from "./ui/action";
import type { Suggestion } from "@/lib/claims";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";
import { Input } from "./ui/field";
import { VerdictBadge } from "./verdict-badge";
import { bidiSafe } from "@/lib/text/bidi";

import { suggestionKey, type SuggestionState } from "./claim-suggestion-key";

export type { SuggestionState };

function draftInput(articleId: number, s: Suggestion) {
  return {
    articleId,
    start: s.start,
    end: s.end,
    quote: s.quote,
    statement: s.statement,
    speaker: s.speaker ?? "",
    // Accepting a suggestion is not giving a verdict: the claim is unrated, with the analyser's
    // verdict kept as a proposal until a person picks one (who is then its rater).
    verdict: "unrated" as const,
    verdictNote: "",
    silentParty: "",
    sources: [],
    suggestion: { verdict: s.verdict ?? null, silentParty: s.silentParty ?? "" },
  };
}

/** The suggestions of the analyser: accept (a draft claim), edit in the claim form, or dismiss. */
export function ClaimSuggestions({
  articleId,
  state,
  focusedKey,
  hiddenCount = 0,
  showHidden = false,
  onToggleHidden,
  onFocus,
  onEdit,
  onDismiss,
  onAccepted,
  onClose,
  onRetry,
}: {
  articleId: number;
  state: SuggestionState;
  focusedKey: string | null;
  /** How many open suggestions score below the threshold (listed only when showHidden). */
  hiddenCount?: number;
  showHidden?: boolean;
  onToggleHidden?: () => void;
  onFocus: (key: string) => void;
  onEdit: (s: Suggestion) => void;
  onDismiss: (keys: string[]) => void;
  onAccepted: (keys: string[], report: string) => void;
  onClose: () => void;
  /** Runs the analysis again after it failed. */
  onRetry: () => void;
}) {
  const t = useTranslations("suggest");
  const words = useTranslations();
  const [threshold, setThreshold] = useState(0.6);
  const [pending, startTransition] = useTransition();
  const [progress, setProgress] = useState<string | null>(null);

  if (state.status === "running") {
    const percent = state.total === 0 ? 0 : Math.round((state.done / state.total) * 100);
    return (
      <div className="space-y-2 px-4 py-6" role="status" aria-live="polite">
        <p className="text-sm font-medium">{t("running", { done: state.done, total: state.total })}</p>
        <div className="h-2 overflow-hidden rounded-full bg-slate-100">
          <div className="bg-accent h-full transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      </div>
    );
  }
  if (state.status === "failed") {
    return (
      <div role="alert" className="text-disputed space-y-3 px-4 py-6 text-sm">
        {/* The worker's own error is English and technical: it goes to the console, not here. */}
        <p>{t("failed")}</p>
        <Button size="sm" variant="secondary" onClick={onRetry}>
          {t("retry")}
        </Button>
      </div>
    );
  }
  if (state.status !== "ready") return null;

  const items = state.items;
  const above = items.filter((s) => s.score >= threshold);

  const accept = (list: Suggestion[]) =>
    startTransition(async () => {
      const accepted: string[] = [];
      const refused: string[] = [];
      for (const [i, s] of list.entries()) {
        setProgress(t("accepting", { done: i + 1, total: list.length }));
        const result = await callAction(() => createClaimAction(draftInput(articleId, s)));
        if (result.ok) accepted.push(suggestionKey(s));
        else refused.push(`${s.quote.slice(0, 40)}…: ${describeError(words, result)}`);
      }
      setProgress(null);
      const report =
        refused.length === 0
          ? t("acceptedReport", { count: accepted.length })
          : `${t("acceptedReport", { count: accepted.length })} ${t("refusedReport", { count: refused.length })} ${refused.join("; ")}`;
      onAccepted(accepted, report);
    });

  return (
    <div data-testid="suggestions">
      <div className="border-line space-y-3 border-b px-4 py-3">
        <div className="flex items-center justify-between gap-2">
          <h2 className="text-sm font-semibold">{t("heading", { count: items.length })}</h2>
          <Button size="sm" variant="ghost" onClick={onClose}>
            {t("close")}
          </Button>
        </div>
        {items.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor="suggest-threshold" className="text-muted">
              {t("threshold")}
            </label>
            <Input
              id="suggest-threshold"
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={threshold}
              onChange={(e) => setThreshold(Math.min(1, Math.max(0, Number(e.target.value) || 0)))}
              className="w-20"
            />
            <Button size="sm" disabled={pending || above.length === 0} onClick={() => accept(above)}>
              {t("acceptAbove", { count: above.length })}
            </Button>
          </div>
        ) : null}
        {progress ? (
          <p role="status" className="text-muted text-xs">
            {progress}
          </p>
        ) : null}
      </div>
      {items.length === 0 && hiddenCount === 0 ? (
        <p className="text-muted px-4 py-8 text-center text-sm">{t("none")}</p>
      ) : (
        <ol className="divide-line divide-y">
          {items.map((s) => {
            const key = suggestionKey(s);
            return (
              <li
                key={key}
                data-suggestion={key}
                className={cn("space-y-2 px-4 py-3 text-sm", focusedKey === key && "bg-accent/5")}
              >
                <button type="button" onClick={() => onFocus(key)} className="block w-full text-left">
                  <span className="flex items-center gap-2">
                    <span
                      className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold tabular-nums"
                      title={t("scoreTitle")}
                    >
                      {s.score.toFixed(2)}
                    </span>
                    {s.verdict ? <VerdictBadge verdict={s.verdict} /> : null}
                    {s.speaker ? (
                      <span className="text-muted truncate text-xs">
                        {bidiSafe(s.speaker)}
                        {s.role ? ` (${bidiSafe(s.role)})` : null}
                      </span>
                    ) : null}
                  </span>
                  <span className="text-ink mt-1 block font-medium">{bidiSafe(s.statement)}</span>
                </button>
                {s.hidden ? <p className="text-muted text-xs">{t("hiddenNote")}</p> : null}
                {s.silentParty ? (
                  <p className="text-uncommented text-xs first-letter:uppercase">
                    {t("silent", { party: s.silentParty })}
                  </p>
                ) : null}
                <details className="text-muted text-xs">
                  <summary className="cursor-pointer">{t("why")}</summary>
                  <ul className="mt-1 space-y-0.5">
                    {s.reasons.map((r) => (
                      <li key={r.feature + r.label}>
                        <span className="tabular-nums">
                          {r.weight >= 0 ? "+" : ""}
                          {r.weight.toFixed(2)}
                        </span>{" "}
                        {r.label}
                      </li>
                    ))}
                  </ul>
                </details>
                <div className="flex gap-2">
                  <Button size="sm" disabled={pending} onClick={() => accept([s])}>
                    {t("accept")}
                  </Button>
                  <Button size="sm" variant="secondary" disabled={pending} onClick={() => onEdit(s)}>
                    {t("edit")}
                  </Button>
                  <Button size="sm" variant="ghost" disabled={pending} onClick={() => onDismiss([key])}>
                    {t("dismiss")}
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {hiddenCount > 0 && onToggleHidden ? (
        <div className="border-line border-t px-4 py-3">
          <Button size="sm" variant="ghost" aria-expanded={showHidden} onClick={onToggleHidden}>
            {showHidden ? t("hideHidden", { count: hiddenCount }) : t("showHidden", { count: hiddenCount })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export { suggestionKey };
