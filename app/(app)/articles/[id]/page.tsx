import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { AnchorSummary } from "@/components/anchor-summary";
import { ArticleWorkspace } from "@/components/article-workspace";
import { toListClaim } from "@/components/workspace-claim";
import { ExportMenu } from "@/components/export-menu";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getArticleById } from "@/lib/data/articles";
import { listAddedVariants } from "@/lib/data/variants";
import { listClaimsForArticle, listSpeakers } from "@/lib/data/claims";
import { hasPermission } from "@/lib/review";
import { parseIdParam } from "@/lib/validation/id";
import { bidiSafe } from "@/lib/text/bidi";
import { ClientMessages } from "@/components/client-messages";
import { PublishedVersions } from "@/components/publish/published-versions";
import { listCorrections } from "@/lib/data/corrections";
import { listSummaryVersions } from "@/lib/data/publish";
import { AssignOwner } from "@/components/assign-owner";
import { getArticleOwner, listPossibleOwners } from "@/lib/data/threads";
import { LiveRefresh } from "@/components/live/live-refresh";
import { CommentRequestArticle } from "@/components/comment-request-article";
import { now } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { timeInputValue } from "@/lib/reply/wording";

type Params = Promise<{ id: string }>;

/** The article, read once per request: the title (metadata) and the page both need it. */
const articleOf = cache((id: number) => getArticleById({ id }));

async function load(idParam: string) {
  const id = parseIdParam(idParam);
  if (id === null) notFound();
  const article = await articleOf(id);
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseIdParam((await params).id);
  const article = id === null ? undefined : await articleOf(id);
  return { title: article?.title ?? "Article" };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const user = await requireUser();
  const article = await load((await params).id);
  const [claims, speakers, variants, versions, corrections, owner, people] = await Promise.all([
    listClaimsForArticle({ articleId: article.id }),
    listSpeakers(),
    listAddedVariants(),
    listSummaryVersions({ articleId: article.id }),
    listCorrections({ articleId: article.id }),
    getArticleOwner({ articleId: article.id }),
    listPossibleOwners(),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const { progress } = article;

  return (
    <ClientMessages
      // The claim form's own namespaces (claimForm, reply, similar, live) load with it, on demand
      // (components/claim-form-messages.ts).
      namespaces={[
        "article",
        "claimWork",
        "common",
        "errorReasons",
        "errors",
        "evidence",
        "exportMenu",
        "exportOptions",
        "publish",
        "stages",
        "suggest",
        "threads",
        "verdicts",
      ]}
    >
      <LiveRefresh articleId={article.id} />
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
                {bidiSafe(article.title)}
              </h1>
              <p className="text-muted text-sm">
                {[
                  article.outlet,
                  article.authors,
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
                      className="text-accent underline underline-offset-2 hover:no-underline"
                    >
                      {t("article.original")}
                    </a>
                  </>
                ) : null}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/articles/${article.id}/summary`} className={buttonClass("secondary", "sm")}>
                {t("exportMenu.summary")}
              </Link>
              <ExportMenu articleId={article.id} articleLanguage={article.language} />
              <Link href={`/articles/${article.id}/revisions`} className={buttonClass("secondary", "sm")}>
                {t("revisions.title")}
              </Link>
              {hasPermission(user.role, "article.edit") ? (
                <Link href={`/articles/${article.id}/edit`} className={buttonClass("secondary", "sm")}>
                  {t("article.editDetails")}
                </Link>
              ) : null}
            </div>
          </div>
          <AssignOwner
            articleId={article.id}
            owner={owner}
            people={people}
            canChange={hasPermission(user.role, "article.assign")}
          />
          <div
            className="border-line flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border bg-white px-4 py-3 text-sm"
            data-testid="article-progress"
          >
            <dl className="flex flex-wrap items-center gap-x-6 gap-y-2">
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
            </dl>
            {/* Not a term and its value: a sentence about the whole article, outside the list. */}
            {progress.verified ? (
              <p className="bg-confirmed-bg text-confirmed ml-auto rounded-full px-2.5 py-0.5 text-xs font-medium">
                {t("articles.verified")}
              </p>
            ) : progress.total > 0 ? (
              <p className="text-muted ml-auto text-xs">{t("article.notVerified")}</p>
            ) : null}
          </div>
        </header>

        <AnchorSummary articleId={article.id} claims={claims} />
        <PublishedVersions
          articleId={article.id}
          versions={versions}
          corrections={corrections}
          canPublish={hasPermission(user.role, "summary.publish")}
          verified={progress.verified}
        />

        <ArticleWorkspace
          article={{ id: article.id, body: article.body, language: article.language }}
          // A claim a new revision flagged has its words on an older text: it is settled first.
          // Only the list's lines: an opened claim's details and thread load when it is opened.
          claims={claims.filter((c) => c.anchorState === "exact").map(toListClaim)}
          speakers={speakers}
          variants={variants.map(({ name, preferred }) => ({ name, preferred }))}
          canEdit={hasPermission(user.role, "claim.edit")}
          viewer={{ id: user.id, canReturn: hasPermission(user.role, "claim.return") }}
          replyTimes={{
            askedAt: timeInputValue(now(), getEnv().TIME_ZONE),
            deadline: timeInputValue(new Date(now().getTime() + 4 * 3600_000), getEnv().TIME_ZONE),
          }}
        />
        <CommentRequestArticle articleId={article.id} claims={claims} />
      </div>
    </ClientMessages>
  );
}
