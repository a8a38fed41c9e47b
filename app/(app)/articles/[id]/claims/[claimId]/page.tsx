import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClaimTimeline } from "@/components/claim-timeline";
import { StageBadge, VerdictBadge } from "@/components/verdict-badge";
import { requireUser } from "@/lib/auth/session";
import { getArticleById } from "@/lib/data/articles";
import { getClaimById, getClaimHistory } from "@/lib/data/claims";
import { parseIdParam } from "@/lib/validation/id";
import { bidiSafe } from "@/lib/text/bidi";
import { ClientMessages } from "@/components/client-messages";
import { CommentRequestSection } from "@/components/comment-request-section";
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
  const now = clockNow();
  const record = claim ? await getRightOfReply({ claimId: claim.id, now }) : null;

  return (
    <ClientMessages namespaces={["claimWork", "stages", "verdicts"]}>
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
              </div>
              <p className="font-medium">{bidiSafe(claim.statement)}</p>
              {claim.speaker ? <p className="text-muted text-sm">{bidiSafe(claim.speaker)}</p> : null}
              <blockquote className="border-line text-muted border-l-2 pl-3 font-serif">
                {bidiSafe(claim.quote)}
              </blockquote>
            </>
          ) : (
            <p className="text-muted text-sm">{t("history.deletedClaim")}</p>
          )}
        </header>
        {claim && record ? (
          <CommentRequestSection
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
