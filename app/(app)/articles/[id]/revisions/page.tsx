import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { RevisionDiff } from "@/components/revision-diff";
import { RevisionForm } from "@/components/revision-form";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import { getArticleById } from "@/lib/data/articles";
import { listClaimsForArticle } from "@/lib/data/claims";
import { getRevisionBody, listRevisions } from "@/lib/data/revisions";
import { hasPermission } from "@/lib/review";
import { bidiSafe } from "@/lib/text/bidi";
import { wordDiff } from "@/lib/text/word-diff";
import { parseIdParam } from "@/lib/validation/id";

type Params = Promise<{ id: string }>;
type Search = Promise<{ from?: string; to?: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("revisions");
  return { title: t("title") };
}

export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const user = await requireUser();
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  const article = await getArticleById({ id });
  if (!article) notFound();
  const [revisions, claims, t, format] = await Promise.all([
    listRevisions({ articleId: id }),
    listClaimsForArticle({ articleId: id }),
    getTranslations(),
    getFormatter(),
  ]);
  const latest = revisions[0]?.number ?? 1;
  const search = await searchParams;
  const pick = (raw: string | undefined, fallback: number) => {
    const n = Number(raw);
    return Number.isInteger(n) && n >= 1 && n <= latest ? n : fallback;
  };
  const to = pick(search.to, latest);
  const from = pick(search.from, Math.max(1, to - 1));
  const [before, after] = await Promise.all([
    getRevisionBody({ articleId: id, number: from }),
    getRevisionBody({ articleId: id, number: to }),
  ]);
  // Each claim's words on the revision they are anchored to.
  const spansOn = (n: number) =>
    claims.filter((c) => c.anchorRevision === n).map((c) => ({ id: c.id, start: c.start, end: c.end }));
  const pieces =
    latest > 1 && before !== undefined && after !== undefined && from !== to
      ? wordDiff(before, after, spansOn(from), spansOn(to))
      : null;

  return (
    <ClientMessages namespaces={["revisions", "anchors", "errors", "errorReasons", "intakeErrors", "common"]}>
      <div className="mx-auto max-w-4xl space-y-6">
        <nav aria-label={t("article.breadcrumb")} className="text-muted text-sm">
          <Link href="/articles" className="hover:text-ink hover:underline">
            {t("nav.articles")}
          </Link>
          {" / "}
          <Link href={`/articles/${article.id}`} className="hover:text-ink hover:underline">
            {bidiSafe(article.title)}
          </Link>
        </nav>
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("revisions.title")}</h1>
          <p className="text-muted max-w-prose text-sm">{t("revisions.intro")}</p>
        </header>
        {hasPermission(user.role, "article.edit") ? (
          <RevisionForm articleId={article.id} version={article.version} articleUrl={article.url} />
        ) : null}
        <section aria-labelledby="revision-list-title" className="space-y-3">
          <h2 id="revision-list-title" className="font-semibold">
            {t("revisions.list")}
          </h2>
          <ol
            className="border-line divide-line divide-y rounded-lg border bg-white"
            data-testid="revision-list"
          >
            {revisions.map((r) => (
              <li key={r.number} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2 text-sm">
                <span className="font-medium">{t("revisions.number", { number: r.number })}</span>
                <span className="text-muted">{t(`revisions.source.${r.source}`)}</span>
                <span className="text-muted">
                  {t("revisions.by", {
                    name: r.createdBy.name,
                    time: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                  })}
                </span>
                <span className="text-muted ml-auto tabular-nums">
                  {t("revisions.characters", { count: r.length })}
                </span>
                {r.origin ? (
                  <span className="text-muted w-full truncate text-xs">{bidiSafe(r.origin)}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
        {latest > 1 ? (
          <section aria-labelledby="compare-title" className="space-y-3">
            <h2 id="compare-title" className="font-semibold">
              {t("revisions.compare")}
            </h2>
            <form className="flex flex-wrap items-end gap-3" method="get">
              {(["from", "to"] as const).map((side) => (
                <label key={side} className="space-y-1 text-sm">
                  <span className="block font-medium">
                    {t(side === "from" ? "revisions.compareFrom" : "revisions.compareTo")}
                  </span>
                  <select
                    name={side}
                    defaultValue={side === "from" ? from : to}
                    className={`${inputClass} w-auto`}
                  >
                    {revisions.map((r) => (
                      <option key={r.number} value={r.number}>
                        {t("revisions.number", { number: r.number })}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <button type="submit" className={buttonClass("secondary", "md")}>
                {t("revisions.compareSubmit")}
              </button>
            </form>
            <h3 className="text-muted text-sm font-medium">{t("revisions.diffTitle", { from, to })}</h3>
            <p className="text-muted text-xs">{t("revisions.diffLegend")}</p>
            {pieces ? (
              <RevisionDiff pieces={pieces} lang={article.language} />
            ) : (
              <p className="text-muted text-sm">{t("revisions.noDiff")}</p>
            )}
          </section>
        ) : (
          <p className="text-muted text-sm">{t("revisions.onlyOne")}</p>
        )}
      </div>
    </ClientMessages>
  );
}
