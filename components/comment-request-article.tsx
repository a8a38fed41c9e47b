import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { now as clockNow } from "@/lib/clock";
import type { ClaimView } from "@/lib/data/claims";
import { listRightOfReplyForArticle } from "@/lib/data/comment-requests";
import { getEnv } from "@/lib/env";
import { requestLine } from "@/lib/reply/wording";
import { bidiSafe } from "@/lib/text/bidi";

/** The article page's right of reply: every request of its claims, one line each, linking to the claim. */
export async function CommentRequestArticle({
  articleId,
  claims,
}: {
  articleId: number;
  claims: ClaimView[];
}) {
  const now = clockNow();
  const [records, t, locale] = await Promise.all([
    listRightOfReplyForArticle({ articleId, now }),
    getTranslations("reply"),
    getLocale(),
  ]);
  const zone = getEnv().TIME_ZONE;
  const withRecord = claims.filter((c) => (records.get(c.id)?.requests.length ?? 0) > 0);
  if (withRecord.length === 0) return null;
  return (
    <section
      aria-labelledby="article-reply-heading"
      className="border-line space-y-3 rounded-lg border bg-white p-4"
      data-testid="article-right-of-reply"
    >
      <h2 id="article-reply-heading" className="text-sm font-semibold">
        {t("title")}
      </h2>
      <ul className="space-y-2 text-sm">
        {withRecord.map((claim) => {
          const record = records.get(claim.id)!;
          return (
            <li key={claim.id}>
              <Link
                href={`/articles/${articleId}/claims/${claim.id}`}
                className="font-medium [overflow-wrap:anywhere] hover:underline"
              >
                {bidiSafe(claim.statement)}
              </Link>
              {record.replyReceived ? (
                <span className="bg-uncommented-bg text-uncommented ml-2 rounded px-1.5 py-0.5 text-xs font-semibold">
                  {t("replyReceivedShort")}
                </span>
              ) : null}
              <ul className="text-muted mt-0.5 space-y-0.5 text-xs">
                {record.requests.map((r) => (
                  <li key={r.id} className="[overflow-wrap:anywhere]">
                    {requestLine(r, locale, zone, now)}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
