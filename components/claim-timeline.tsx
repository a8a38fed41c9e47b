import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEntry } from "@/lib/data/claims";
import { VERDICTS, type Verdict } from "@/lib/review/model";
import { bidiSafe } from "@/lib/text/bidi";

function isVerdict(value: unknown): value is Verdict {
  return typeof value === "string" && (VERDICTS as readonly string[]).includes(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    return (
      value
        .map((v) =>
          typeof v === "object" && v && "url" in v ? String((v as { url: unknown }).url) : String(v),
        )
        .join(", ") || "—"
    );
  }
  return String(value);
}

/** A claim's history, oldest first: "rated disputed by Ana, 14:02". */
export async function ClaimTimeline({ entries }: { entries: HistoryEntry[] }) {
  const t = await getTranslations("history");
  const tv = await getTranslations("verdicts");
  const tw = await getTranslations("claimWork.history");
  const format = await getFormatter();
  return (
    <ol className="border-line relative space-y-5 border-l pl-5" data-testid="claim-timeline">
      {entries.map((entry) => {
        const verdict = entry.type === "rated" ? entry.after.verdict : undefined;
        // The fields an edit changed (the stage it moved to, and an override, are told apart).
        const changes = entry.type === "edited" || entry.type === "rated" ? entry : null;
        const fields = changes
          ? (Object.keys(changes.after) as (keyof typeof changes.after)[]).filter(
              (k) => k !== "stage" && k !== "override",
            )
          : [];
        const override = changes?.after.override ?? null;
        const origin =
          entry.type === "created" && entry.after.origin === "suggestion"
            ? isVerdict(entry.after.suggestedVerdict)
              ? tw("proposed", { verdict: tv(entry.after.suggestedVerdict).toLowerCase() })
              : tw("fromSuggestion")
            : null;
        // The thread and assignment events (issue 18): to whom, and whom a message mentioned.
        const team =
          entry.type === "assigned"
            ? entry.after.assignedTo
              ? t("assignedTo", { name: entry.after.assignedTo.name })
              : t("unassigned")
            : (entry.type === "message_posted" || entry.type === "message_edited") &&
                entry.after.mentions.length > 0
              ? t("mentioned", { names: format.list(entry.after.mentions.map((m) => m.name)) })
              : null;
        const time = format.dateTime(entry.at, { timeStyle: "short" });
        const date = format.dateTime(entry.at, { dateStyle: "medium" });
        const summary =
          entry.type === "rated" && isVerdict(verdict)
            ? t("rated", { verdict: tv(verdict).toLowerCase(), name: entry.actor.name, time })
            : t(entry.type, { name: entry.actor.name, time });
        return (
          <li key={entry.id} className="relative">
            <span
              aria-hidden
              className="bg-accent absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full border-2 border-white"
            />
            <p className="text-sm">
              <span className="font-medium">{summary}</span>
              <span className="text-muted"> · {date}</span>
            </p>
            {team ? (
              <p className="text-muted mt-1 text-sm" data-testid="history-team">
                {team}
              </p>
            ) : null}
            {entry.type === "message_edited" ? (
              <p className="text-muted mt-1 text-sm">
                {t("earlierText")} <del>“{bidiSafe(entry.before.text)}”</del>
              </p>
            ) : null}
            {origin ? (
              <p className="text-muted mt-1 text-sm" data-testid="history-origin">
                {origin}
              </p>
            ) : null}
            {override ? (
              <p
                className="bg-uncommented-bg text-uncommented mt-1 inline-block rounded px-2 py-0.5 text-sm font-medium"
                data-testid="history-override"
              >
                {tw("override", { name: override.name })}
              </p>
            ) : null}
            {entry.note ? <p className="text-ink mt-1 text-sm">“{bidiSafe(entry.note)}”</p> : null}
            {changes && fields.length > 0 ? (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-slate-50 p-3 text-xs">
                {fields.map((field) => (
                  <div key={field} className="contents">
                    <dt className="text-muted font-medium">{t(`fields.${field}`)}</dt>
                    <dd>
                      <del className="text-muted">{show(changes.before[field])}</del>
                      {" → "}
                      <ins className="no-underline">{show(changes.after[field])}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
