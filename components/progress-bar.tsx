import { getTranslations } from "@/lib/i18n/server";
import type { ArticleProgress } from "@/lib/data/articles";
import { VERDICTS } from "@/lib/review/model";

const VERDICT_COLOURS = {
  confirmed: "bg-confirmed",
  disputed: "bg-disputed",
  uncommented: "bg-uncommented",
  unrated: "bg-slate-300",
} as const;

/** What the bars of the articles list mean: their colours are verdicts, the line under them stages. */
export async function ProgressLegend() {
  const t = await getTranslations();
  return (
    <p
      className="text-muted flex flex-wrap items-center gap-x-3 gap-y-1 text-xs"
      data-testid="progress-legend"
    >
      <span>{t("claimWork.legend.label")}</span>
      {VERDICTS.map((v) => (
        <span key={v} className="inline-flex items-center gap-1">
          <span aria-hidden className={`size-2 rounded-full ${VERDICT_COLOURS[v]}`} />
          {t(`verdicts.${v}`)}
        </span>
      ))}
      <span>{t("claimWork.legend.caption")}</span>
    </p>
  );
}

/** Claims of an article as a small bar by verdict, with the stage counts in words. */
export async function ProgressBar({ progress }: { progress: ArticleProgress }) {
  const t = await getTranslations();
  if (progress.total === 0) return <span className="text-muted text-xs">{t("articles.noClaimsYet")}</span>;
  const label = VERDICTS.filter((v) => progress.byVerdict[v] > 0)
    .map((v) => `${progress.byVerdict[v]} ${t(`verdicts.${v}`).toLowerCase()}`)
    .join(", ");
  return (
    <div className="min-w-40 space-y-1">
      <div className="flex h-2 overflow-hidden rounded-full bg-slate-100" role="img" aria-label={label}>
        {VERDICTS.map((v) =>
          progress.byVerdict[v] > 0 ? (
            <span
              key={v}
              className={VERDICT_COLOURS[v]}
              style={{ width: `${(progress.byVerdict[v] / progress.total) * 100}%` }}
            />
          ) : null,
        )}
      </div>
      <p className="text-muted text-xs tabular-nums">
        {t("articles.progressLine", {
          total: progress.total,
          inReview: progress.byStage.in_review,
          approved: progress.byStage.approved,
        })}
      </p>
    </div>
  );
}
