"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { mergeSpeakersAction } from "@/app/actions/speakers";
import { describeError } from "@/lib/errors/text";
import type { SpeakerStats } from "@/lib/data/speakers";
import { VERDICTS } from "@/lib/review/model";
import { foldWord } from "@/lib/search/query";
import { preferredSpeakerName } from "@/lib/search/speaker-names";
import { Button } from "./ui/button";
import { callAction } from "./ui/action";
import { cn } from "./ui/cn";
import { Input } from "./ui/field";
import { bidiSafe } from "@/lib/text/bidi";

const VERDICT_BAR = {
  confirmed: "bg-confirmed",
  disputed: "bg-disputed",
  uncommented: "bg-uncommented",
  unrated: "bg-slate-300",
} as const;

export function speakerHref(name: string): string {
  return `/speakers/${encodeURIComponent(name)}`;
}

/**
 * The speakers with their counts. Reviewers and admins select several spellings of one speaker
 * and merge them into one name.
 */
export function SpeakersTable({
  speakers,
  suggestions,
  canMerge,
}: {
  speakers: SpeakerStats[];
  suggestions: string[][];
  canMerge: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const visible = useMemo(() => {
    const needle = foldWord(filter.trim());
    return needle ? speakers.filter((s) => foldWord(s.name).includes(needle)) : speakers;
  }, [filter, speakers]);

  function toggle(name: string) {
    setMessage(null);
    setSelected((current) =>
      current.includes(name) ? current.filter((n) => n !== name) : [...current, name],
    );
  }

  const live = new Set(speakers.map((s) => s.name));
  const openSuggestions = suggestions.filter((group) => group.filter((n) => live.has(n)).length > 1);

  return (
    <div className="space-y-6">
      {canMerge && openSuggestions.length > 0 ? (
        <section aria-labelledby="suggestions-heading" className="border-line rounded-lg border bg-white p-4">
          <h2 id="suggestions-heading" className="text-sm font-semibold">
            {t("speakers.suggestionsTitle")}
          </h2>
          <p className="text-muted mt-1 text-sm">{t("speakers.suggestionsText")}</p>
          <ul className="mt-3 space-y-2">
            {openSuggestions.map((group) => (
              <li key={group.join("|")} className="flex flex-wrap items-center gap-2 text-sm">
                {group.map((name) => (
                  <span key={name} className="rounded-full bg-slate-100 px-2.5 py-0.5">
                    {bidiSafe(name)}
                  </span>
                ))}
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    setMessage(null);
                    setFilter("");
                    setSelected(group);
                  }}
                >
                  {t("speakers.selectGroup")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canMerge && selected.length > 0 ? (
        <MergePanel
          key={selected.join("\u0000")}
          names={selected}
          speakers={speakers}
          onCancel={() => setSelected([])}
          onDone={(text, ok) => {
            setMessage({ kind: ok ? "ok" : "error", text });
            if (ok) {
              setSelected([]);
              router.refresh();
            }
          }}
        />
      ) : null}

      <p
        role="status"
        className={cn("text-sm", message?.kind === "error" ? "text-disputed" : "text-confirmed")}
      >
        {message?.text ?? ""}
      </p>

      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="w-72">
          <label htmlFor="speaker-filter" className="text-muted mb-1 block text-xs font-medium">
            {t("speakers.filterLabel")}
          </label>
          <Input
            id="speaker-filter"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t("speakers.filterPlaceholder")}
          />
        </div>
        {!canMerge ? <p className="text-muted text-sm">{t("speakers.mergeReviewersOnly")}</p> : null}
      </div>

      <div className="border-line overflow-x-auto rounded-lg border bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("speakers.tableCaption")}</caption>
          <thead className="border-line text-muted border-b bg-slate-50 text-xs tracking-wide uppercase">
            <tr>
              {canMerge ? (
                <th scope="col" className="w-10 px-4 py-2.5 font-medium">
                  <span className="sr-only">{t("speakers.colSelect")}</span>
                </th>
              ) : null}
              <th scope="col" className="px-4 py-2.5 font-medium">
                {t("speakers.colName")}
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                {t("speakers.colClaims")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                {t("speakers.colVerdicts")}
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium max-md:hidden">
                {t("speakers.colApproved")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium max-md:hidden">
                {t("speakers.colLast")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-line divide-y">
            {visible.map((s) => {
              const checked = selected.includes(s.name);
              const verdictLabel = VERDICTS.filter((v) => s.byVerdict[v] > 0)
                .map((v) => `${s.byVerdict[v]} ${t(`verdicts.${v}`).toLowerCase()}`)
                .join(", ");
              return (
                <tr key={s.name} className={cn(checked ? "bg-accent/5" : "hover:bg-slate-50/60")}>
                  {canMerge ? (
                    <td className="px-4 py-3">
                      <input
                        type="checkbox"
                        className="accent-accent size-4"
                        checked={checked}
                        onChange={() => toggle(s.name)}
                        aria-label={t("speakers.select", { name: s.name })}
                      />
                    </td>
                  ) : null}
                  <td className="px-4 py-3">
                    <Link
                      href={speakerHref(s.name)}
                      className="text-ink hover:text-accent font-medium hover:underline"
                    >
                      {bidiSafe(s.name)}
                    </Link>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{s.total}</td>
                  <td className="px-4 py-3">
                    <div className="min-w-44 space-y-1">
                      <div
                        className="flex h-2 overflow-hidden rounded-full bg-slate-100"
                        role="img"
                        aria-label={verdictLabel}
                      >
                        {VERDICTS.map((v) =>
                          s.byVerdict[v] > 0 ? (
                            <span
                              key={v}
                              className={VERDICT_BAR[v]}
                              style={{ width: `${(s.byVerdict[v] / s.total) * 100}%` }}
                            />
                          ) : null,
                        )}
                      </div>
                      <p className="text-muted text-xs tabular-nums" aria-hidden>
                        {verdictLabel}
                      </p>
                    </div>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums max-md:hidden">{s.approved}</td>
                  <td className="text-muted px-4 py-3 whitespace-nowrap max-md:hidden">
                    {format.dateTime(s.lastAt, { dateStyle: "medium" })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {visible.length === 0 ? (
          <p className="text-muted px-4 py-6 text-center text-sm">{t("speakers.noMatch")}</p>
        ) : null}
      </div>
    </div>
  );
}

function MergePanel({
  names,
  speakers,
  onCancel,
  onDone,
}: {
  names: string[];
  speakers: SpeakerStats[];
  onCancel: () => void;
  onDone: (message: string, ok: boolean) => void;
}) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const counts = new Map(speakers.map((s) => [s.name, s.total]));
  const byUse = [...names].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  const [choice, setChoice] = useState<string>(preferredSpeakerName(names, counts) ?? "");
  const [custom, setCustom] = useState("");
  const target = choice === "__custom" ? custom.trim() : choice;
  const affected = names.filter((n) => n !== target).reduce((sum, n) => sum + (counts.get(n) ?? 0), 0);
  const ready =
    target !== "" && names.some((n) => n !== target) && (names.length > 1 || choice === "__custom");

  function merge() {
    startTransition(async () => {
      const result = await callAction(() => mergeSpeakersAction({ from: names, to: target }));
      if (result.ok) onDone(t("speakers.merged", { count: result.data.renamed, name: result.data.to }), true);
      else onDone(`${t("speakers.mergeFailed")} ${describeError(t, result)}`, false);
    });
  }

  return (
    <section aria-labelledby="merge-heading" className="border-accent/40 bg-accent/5 rounded-lg border p-4">
      <h2 id="merge-heading" className="text-sm font-semibold">
        {t("speakers.mergeTitle", { count: names.length })}
      </h2>
      <fieldset className="mt-3 space-y-2">
        <legend className="text-ink text-sm font-medium">{t("speakers.mergeInto")}</legend>
        {byUse.map((name) => (
          <label key={name} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="merge-target"
              className="accent-accent"
              checked={choice === name}
              onChange={() => setChoice(name)}
            />
            <span className="font-medium">{bidiSafe(name)}</span>
            <span className="text-muted">{t("speakers.claimCount", { count: counts.get(name) ?? 0 })}</span>
          </label>
        ))}
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="merge-target"
              className="accent-accent"
              checked={choice === "__custom"}
              onChange={() => setChoice("__custom")}
            />
            {t("speakers.otherName")}
          </label>
          <Input
            aria-label={t("speakers.otherNameLabel")}
            value={custom}
            maxLength={200}
            onChange={(e) => {
              setCustom(e.target.value);
              setChoice("__custom");
            }}
            className="h-8 w-72"
          />
        </div>
      </fieldset>
      <p className="text-muted mt-3 max-w-3xl text-sm">{t("speakers.mergeExplain")}</p>
      <div className="mt-4 flex items-center gap-2">
        <Button onClick={merge} disabled={!ready || pending}>
          {pending
            ? t("speakers.merging")
            : ready
              ? t("speakers.mergeButton", { count: affected, name: target })
              : t("speakers.mergeChoose")}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          {t("common.cancel")}
        </Button>
      </div>
    </section>
  );
}
