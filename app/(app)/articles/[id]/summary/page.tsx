import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/print-button";
import { SummaryDocument } from "@/components/summary-document";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { appUrlFor } from "@/lib/app-url";
import { requireUser } from "@/lib/auth/session";
import { getArticleById } from "@/lib/data/articles";
import { getSummaryInput } from "@/lib/data/summary";
import { buildClaimReviews, buildSummary, labelsFor, scriptSafeJson } from "@/lib/export";
import { defaultCsvSeparator, exportHref, FORMATS } from "@/lib/export/format-names";
import { bidiSafe } from "@/lib/text/bidi";
import { articleIdParamSchema } from "@/lib/validation/export";
import "./print.css";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function articleId(raw: string): number {
  const id = articleIdParamSchema.safeParse(raw);
  if (!id.success) notFound();
  return id.data;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = articleIdParamSchema.safeParse((await params).id);
  const article = id.success ? await getArticleById({ id: id.data }) : undefined;
  if (!article) return {};
  // Also the file name a browser suggests for "Save as PDF": in the article's language.
  return {
    title: { absolute: `${labelsFor(article.language).verifiedSummary} — ${bidiSafe(article.title)}` },
  };
}

export default async function SummaryPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  await requireUser();
  const id = articleId((await params).id);
  const includeUnapproved = (await searchParams).unapproved === "1";
  const [input, article] = await Promise.all([
    // The embedded ClaimReview links where the downloads do (lib/app-url.ts).
    getSummaryInput({ articleId: id, includeUnapproved, appUrl: appUrlFor(await headers()) }),
    getArticleById({ id }),
  ]);
  if (!input || !article) notFound();

  const summary = buildSummary(input);
  const reviews = buildClaimReviews(input);
  const t = await getTranslations();
  const documentLanguage = labelsFor(article.language).lang;
  const uiLanguage = await getLocale();
  const { progress } = article;
  const pending = progress.total - progress.byStage.approved;
  const scopeClass = (active: boolean) =>
    cn("rounded px-3 py-1 text-sm font-medium", active ? "bg-ink text-white" : "text-muted hover:text-ink");

  return (
    <div className="space-y-6 print:space-y-0">
      <div className="space-y-4 print:hidden">
        <nav aria-label={t("summaryPage.breadcrumb")} className="text-muted text-sm">
          <ol className="flex flex-wrap items-center gap-1.5">
            <li>
              <Link href="/articles" className="hover:text-ink hover:underline">
                {t("nav.articles")}
              </Link>
            </li>
            <li aria-hidden>›</li>
            <li className="max-w-md truncate">
              <Link href={`/articles/${id}`} className="hover:text-ink hover:underline">
                {bidiSafe(article.title)}
              </Link>
            </li>
            <li aria-hidden>›</li>
            <li aria-current="page" className="text-ink">
              {t("summaryPage.summary")}
            </li>
          </ol>
        </nav>

        <div className="border-line flex flex-wrap items-center justify-between gap-x-6 gap-y-3 rounded-lg border bg-white px-4 py-3">
          {pending > 0 ? (
            <div
              role="group"
              aria-label={t("summaryPage.scopeLabel")}
              className="border-line inline-flex rounded-md border p-0.5"
            >
              <Link
                href={`/articles/${id}/summary`}
                aria-current={includeUnapproved ? undefined : "page"}
                className={scopeClass(!includeUnapproved)}
              >
                {t("summaryPage.approvedOnly")}
              </Link>
              <Link
                href={`/articles/${id}/summary?unapproved=1`}
                aria-current={includeUnapproved ? "page" : undefined}
                className={scopeClass(includeUnapproved)}
              >
                {t("summaryPage.includeUnapproved", { count: pending })}
              </Link>
            </div>
          ) : (
            <p className="text-muted text-sm">{t("summaryPage.allApproved", { count: progress.total })}</p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <ul aria-label={t("summaryPage.downloadLabel")} className="flex flex-wrap items-center gap-1.5">
              {FORMATS.map((format) => (
                <li key={format}>
                  <a
                    href={exportHref(id, format, {
                      includeUnapproved,
                      separator: defaultCsvSeparator(uiLanguage, article.language),
                    })}
                    download
                    title={`${t(`exportMenu.formats.${format}`)} — ${t(`exportMenu.hints.${format}`)}`}
                    className={buttonClass("secondary", "sm")}
                  >
                    {t(`exportMenu.short.${format}`)}
                  </a>
                </li>
              ))}
            </ul>
            <PrintButton label={t("summaryPage.print")} />
          </div>
        </div>

        {summary.counts.total === 0 && !includeUnapproved && pending > 0 ? (
          <p className="text-muted text-sm">{t("summaryPage.nothingApproved")}</p>
        ) : null}
        {documentLanguage !== uiLanguage ? (
          <p className="text-muted text-sm">
            {t("summaryPage.documentLanguage", {
              language: t(`summaryPage.languages.${article.language}`),
            })}
          </p>
        ) : null}
      </div>

      <SummaryDocument summary={summary} />

      {reviews.length > 0 ? (
        <script
          type="application/ld+json"
          // Escaped by scriptSafeJson: no "<", ">" or "&" can close the element.
          dangerouslySetInnerHTML={{ __html: scriptSafeJson(reviews) }}
        />
      ) : null}
    </div>
  );
}
