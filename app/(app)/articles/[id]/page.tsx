import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleWorkspace } from "@/components/article-workspace";
import { ExportMenu } from "@/components/export-menu";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getArticleById } from "@/lib/data/articles";
import { listClaimsForArticle, listSpeakers } from "@/lib/data/claims";
import { hasPermission } from "@/lib/review";
import { ClientMessages } from "@/components/client-messages";

type Params = Promise<{ id: string }>;

async function load(idParam: string) {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const article = await getArticleById({ id });
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const article = await getArticleById({ id: Number((await params).id) || 0 });
  return { title: article?.title ?? "Article" };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const user = await requireUser();
  const article = await load((await params).id);
  const [claims, speakers] = await Promise.all([
    listClaimsForArticle({ articleId: article.id }),
    listSpeakers(),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const { progress } = article;

  return (
    <ClientMessages
      namespaces={[
        "article",
        "claimForm",
        "errors",
        "exportMenu",
        "similar",
        "stages",
        "suggest",
        "verdicts",
      ]}
    >
      <div className="space-y-6">
        <header className="space-y-3">
          <nav aria-label={t("article.breadcrumb")} className="text-muted text-sm">
            <Link href="/articles" className="hover:text-ink hover:underline">
              {t("nav.articles")}
            </Link>
          </nav>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div className="max-w-3xl space-y-2">
              <h1 className="font-serif text-3xl leading-tight font-semibold tracking-tight">
                {article.title}
              </h1>
              <p className="text-muted text-sm">
                {[
                  article.outlet,
                  article.publishedAt
                    ? format.dateTime(new Date(`${article.publishedAt}T12:00:00Z`), { dateStyle: "long" })
                    : null,
                  t(`languages.${article.language}`),
                ]
                  .filter(Boolean)
                  .join(" · ")}
                {article.url ? (
                  <>
                    {" · "}
                    <a
                      href={article.url}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="text-accent hover:underline"
                    >
                      {t("article.original")}
                    </a>
                  </>
                ) : null}
              </p>
            </div>
            <div className="flex items-center gap-2">
              <Link href={`/articles/${article.id}/summary`} className={buttonClass("secondary", "sm")}>
                {t("exportMenu.summary")}
              </Link>
              <ExportMenu articleId={article.id} />
              {hasPermission(user.role, "article.edit") ? (
                <Link href={`/articles/${article.id}/edit`} className={buttonClass("secondary", "sm")}>
                  {t("article.editDetails")}
                </Link>
              ) : null}
            </div>
          </div>
          <dl
            className="border-line flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border bg-white px-4 py-3 text-sm"
            data-testid="article-progress"
          >
            <div className="flex gap-1.5">
              <dt className="text-muted">{t("article.progressClaims")}</dt>
              <dd className="font-semibold tabular-nums">{progress.total}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-muted">{t("article.progressDraft")}</dt>
              <dd className="font-semibold tabular-nums">{progress.byStage.draft}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-muted">{t("article.progressInReview")}</dt>
              <dd className="font-semibold tabular-nums">{progress.byStage.in_review}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-muted">{t("article.progressApproved")}</dt>
              <dd className="font-semibold tabular-nums">{progress.byStage.approved}</dd>
            </div>
            {progress.verified ? (
              <dd className="bg-confirmed-bg text-confirmed ml-auto rounded-full px-2.5 py-0.5 text-xs font-medium">
                {t("articles.verified")}
              </dd>
            ) : progress.total > 0 ? (
              <dd className="text-muted ml-auto text-xs">{t("article.notVerified")}</dd>
            ) : null}
          </dl>
        </header>

        <ArticleWorkspace
          article={{ id: article.id, body: article.body, language: article.language }}
          claims={claims}
          speakers={speakers}
          canEdit={hasPermission(user.role, "claim.edit")}
        />
      </div>
    </ClientMessages>
  );
}
