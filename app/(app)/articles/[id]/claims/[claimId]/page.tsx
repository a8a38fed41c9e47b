import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AnchorBadge } from "@/components/anchor-badge";
import { AnchorPanel } from "@/components/anchor-panel";
import { ClaimTimeline } from "@/components/claim-timeline";
import { StageBadge, VerdictBadge } from "@/components/verdict-badge";
import { requireUser } from "@/lib/auth/session";
import { getArticleById } from "@/lib/data/articles";
import { getClaimById, getClaimHistory } from "@/lib/data/claims";
import { listRevisions } from "@/lib/data/revisions";
import { hasPermission } from "@/lib/review";
import { parseIdParam } from "@/lib/validation/id";
import { bidiSafe } from "@/lib/text/bidi";
import { SourceList } from "@/components/source-list";
import { ClientMessages } from "@/components/client-messages";
import { ReopenClaim } from "@/components/publish/reopen-claim";
import { AssignReviewer } from "@/components/assign-reviewer";
import { ThreadPanel } from "@/components/thread-panel";
import { toThreadMessage, toThreadSummary } from "@/components/thread-types";
import { getThread, getThreadDigest, listAssignableReviewers, listMentionable } from "@/lib/data/threads";
import { CommentRequestSection, replySourceItems } from "@/components/comment-request-section";
import { now as clockNow } from "@/lib/clock";
import { getRightOfReply } from "@/lib/data/comment-requests";

type Params = Promise<{ id: string; claimId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function ClaimHistoryPage({ params }: { params: Params }) {
  const user = await requireUser();
  const { id, claimId } = await params;
  const articleId = parseIdParam(id);
  const cid = parseIdParam(claimId);
  if (articleId === null || cid === null) notFound();
  const [article, claim, history] = await Promise.all([
    getArticleById({ id: articleId }),
    getClaimById({ id: cid }),
    getClaimHistory({ claimId: cid }),
  ]);
  if (!article || history.length === 0 || history[0]?.claimId !== cid) notFound();
  if (claim && claim.articleId !== articleId) notFound();
  const t = await getTranslations();
  const flagged = claim && claim.anchorState !== "exact" && hasPermission(user.role, "claim.edit");
  const latestRevision = flagged ? ((await listRevisions({ articleId }))[0]?.number ?? 1) : 1;

  const [thread, digest, mentionable, reviewers] = await Promise.all([
    getThread({ claimId: cid }),
    getThreadDigest({ claimId: cid }),
    listMentionable(),
    listAssignableReviewers(),
  ]);
  const summary = toThreadSummary(digest);
  const now = clockNow();
  const record = claim ? await getRightOfReply({ claimId: claim.id, now }) : null;
  const replySources = record ? replySourceItems(record.requests, await getLocale()) : [];

  return (
    <ClientMessages
      namespaces={[
        "claimWork",
        "reply",
        "stages",
        "verdicts",
        "anchors",
        "revisions",
        "evidence",
        "errors",
        "threads",
        "errorReasons",
        "common",
        "publish",
      ]}
    >
      <div className="mx-auto max-w-3xl space-y-6">
        <nav aria-label={t("article.breadcrumb")} className="text-muted text-sm">
          <Link href="/articles" className="hover:text-ink hover:underline">
            {t("nav.articles")}
          </Link>
          {" / "}
          <Link
            href={`/articles/${article.id}${claim ? `?claim=${claim.id}` : ""}`}
            className="hover:text-ink hover:underline"
          >
            {bidiSafe(article.title)}
          </Link>
        </nav>
        <header className="border-line space-y-3 rounded-lg border bg-white p-5">
          <h1 className="text-xl font-semibold">{t("history.title")}</h1>
          {claim ? (
            <>
              <div className="flex items-center gap-2">
                <VerdictBadge verdict={claim.verdict} />
                <StageBadge stage={claim.stage} returned={claim.returnedAt !== null} />
                <AnchorBadge state={claim.anchorState} reviewReason={claim.reviewReason} />
              </div>
              <p className="font-medium">{bidiSafe(claim.statement)}</p>
              {claim.speaker ? <p className="text-muted text-sm">{bidiSafe(claim.speaker)}</p> : null}
              <blockquote className="border-line text-muted border-l-2 pl-3 font-serif">
                {bidiSafe(claim.quote)}
              </blockquote>
              {claim.stage === "approved" && hasPermission(user.role, "claim.reopen") ? (
                <ReopenClaim claimId={claim.id} version={claim.version} />
              ) : null}
              {claim.sources.length > 0 || replySources.length > 0 ? (
                <section aria-label={t("claimForm.fields.sources")} className="text-sm">
                  <h2 className="text-muted text-xs font-semibold tracking-wide uppercase">
                    {t("claimForm.fields.sources")}
                  </h2>
                  <SourceList sources={claim.sources} replies={replySources} className="mt-1" />
                </section>
              ) : null}
            </>
          ) : (
            <p className="text-muted text-sm">{t("history.deletedClaim")}</p>
          )}
        </header>
        {claim && flagged ? (
          <AnchorPanel
            claim={claim}
            body={article.body}
            lang={article.language}
            latestRevision={latestRevision}
          />
        ) : null}
        {claim ? (
          <section
            aria-labelledby="thread-heading"
            className="border-line space-y-3 rounded-lg border bg-white p-5"
          >
            <h2 id="thread-heading" className="text-muted text-sm font-semibold tracking-wide uppercase">
              {t("threads.title")}
            </h2>
            {claim.stage === "in_review" && hasPermission(user.role, "claim.assign") ? (
              <AssignReviewer
                claimId={claim.id}
                reviewers={reviewers}
                current={summary.assignedTo}
                ratedById={claim.ratedBy?.id ?? null}
              />
            ) : null}
            <ThreadPanel
              claimId={claim.id}
              summary={summary}
              meId={user.id}
              initial={{ messages: thread.map(toThreadMessage), mentionable }}
              startOpen
            />
          </section>
        ) : null}
        {claim && record ? (
          <CommentRequestSection
            articleId={claim.articleId}
            claimId={claim.id}
            record={record}
            silentParty={claim.silentParty}
            role={user.role}
            now={now}
          />
        ) : null}
        <section aria-labelledby="timeline-heading" className="border-line rounded-lg border bg-white p-5">
          <h2 id="timeline-heading" className="text-muted mb-4 text-sm font-semibold tracking-wide uppercase">
            {t("history.timeline")}
          </h2>
          <ClaimTimeline entries={history} />
        </section>
      </div>
    </ClientMessages>
  );
}
