import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CorrectionView } from "@/lib/data/corrections";
import type { SummaryVersionView } from "@/lib/data/publish";
import { FORMATS } from "@/lib/export/format-names";
import { bidiSafe } from "@/lib/text/bidi";
import { PublishButton } from "./publish-button";

const FORMAT_LABELS = {
  md: "Markdown",
  html: "HTML",
  json: "JSON",
  csv: "CSV",
  claimreview: "ClaimReview",
} as const;

/**
 * The article's published versions (issue 16): "Published on … by …" for the latest, every
 * version with its files exactly as published, the "Publish summary" button for reviewers, and
 * the article's corrections log. Rendered by the article page; client part: PublishButton
 * (namespace "publish").
 */
export async function PublishedVersions({
  articleId,
  versions,
  corrections,
  canPublish,
  verified,
}: {
  articleId: number;
  versions: SummaryVersionView[];
  corrections: CorrectionView[];
  canPublish: boolean;
  verified: boolean;
}) {
  const t = await getTranslations("publish");
  const format = await getFormatter();
  const latest = versions[0];
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });

  return (
    <section
      aria-labelledby="published-versions"
      className="border-line space-y-3 rounded-lg border bg-white px-4 py-3 text-sm"
      data-testid="published-versions"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="published-versions" className="font-semibold">
          {t("title")}
        </h2>
        <p className="text-muted" data-testid="published-on">
          {latest
            ? t("publishedOn", { date: when(latest.publishedAt), name: latest.publishedBy.name })
            : t("notPublished")}
        </p>
      </div>
      {canPublish ? <PublishButton articleId={articleId} verified={verified} /> : null}
      {versions.length > 0 ? (
        <ol className="divide-line divide-y" data-testid="version-list">
          {versions.map((version) => (
            <li key={version.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <span className="font-medium">
                {t("versionLine", {
                  number: version.number,
                  date: when(version.publishedAt),
                  name: version.publishedBy.name,
                  claims: version.claimCount,
                })}
                {version.channel === "api" ? <span className="text-muted"> · {t("viaApi")}</span> : null}
              </span>
              <span
                className="text-muted font-mono text-xs break-all"
                title={t("hash", { hash: version.contentHash })}
              >
                {version.contentHash.slice(0, 12)}
              </span>
              <nav aria-label={t("downloads", { number: version.number })} className="flex flex-wrap gap-x-3">
                {FORMATS.map((f) => (
                  <a
                    key={f}
                    href={`/articles/${articleId}/versions/${version.number}?format=${f}`}
                    className="text-accent underline underline-offset-2 hover:no-underline"
                    data-testid={`version-${version.number}-${f}`}
                  >
                    {FORMAT_LABELS[f]}
                  </a>
                ))}
              </nav>
            </li>
          ))}
        </ol>
      ) : null}
      {versions.length > 0 || corrections.length > 0 ? (
        <div className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">{t("correctionsTitle")}</h3>
            <Link href="/corrections" className="text-accent text-xs underline underline-offset-2">
              {t("allCorrections")}
            </Link>
          </div>
          <CorrectionList corrections={corrections} />
        </div>
      ) : null}
    </section>
  );
}

/** A corrections log, newest first; with `showArticle`, each names its article (the desk's log). */
export async function CorrectionList({
  corrections,
  showArticle = false,
}: {
  corrections: CorrectionView[];
  showArticle?: boolean;
}) {
  const t = await getTranslations("publish");
  const format = await getFormatter();
  if (corrections.length === 0) return <p className="text-muted text-sm">{t("noCorrections")}</p>;
  return (
    <ul className="space-y-3" data-testid="corrections-log">
      {corrections.map((c) => (
        <li key={c.id} className="border-line border-l-2 pl-3">
          {showArticle ? (
            <p className="font-medium">
              <Link href={`/articles/${c.articleId}`} className="hover:underline">
                {bidiSafe(c.articleTitle)}
              </Link>
            </p>
          ) : null}
          <p className="whitespace-pre-line">{bidiSafe(c.note)}</p>
          <p className="text-muted text-xs">
            {t("correctionLine", {
              date: format.dateTime(c.createdAt, { dateStyle: "long", timeStyle: "short" }),
              name: c.createdBy.name,
            })}
            {" · "}
            <Link
              href={`/articles/${c.articleId}/claims/${c.claimId}`}
              className="underline underline-offset-2"
            >
              {t("claim", { id: c.claimId })}
            </Link>
            {" · "}
            {t("corrects", { number: c.corrects })}
            {" · "}
            {c.publishedIn === null ? t("pending") : t("publishedIn", { number: c.publishedIn })}
          </p>
        </li>
      ))}
    </ul>
  );
}
