import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { now as clockNow } from "@/lib/clock";
import { commentInsights } from "@/lib/data/insights-replies";
import { durationWords } from "@/lib/reply/wording";
import { bidiSafe } from "@/lib/text/bidi";

function share(part: number, total: number): string {
  return total === 0 ? "—" : `${Math.round((part / total) * 100)} %`;
}

/** Insights of the right of reply: per party, and the requests overdue now. */
export async function CommentRequestInsights() {
  const now = clockNow();
  const [data, t, locale] = await Promise.all([
    commentInsights({ now }),
    getTranslations("reply"),
    getLocale(),
  ]);
  return (
    <section
      aria-labelledby="reply-insights-heading"
      className="border-line space-y-4 rounded-lg border bg-white p-5"
      data-testid="reply-insights"
    >
      <h2 id="reply-insights-heading" className="text-base font-semibold">
        {t("insightsTitle")}
      </h2>
      {data.parties.length === 0 ? (
        <p className="text-muted text-sm">{t("insightsNone")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <thead className="text-muted text-xs">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("insightsParty")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {t("insightsRequests")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {t("insightsAnswered")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {t("insightsDeclined")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {t("insightsUnanswered")}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("insightsMedian")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-line divide-y tabular-nums">
              {data.parties.map((p) => (
                <tr key={p.party}>
                  <th scope="row" className="py-1.5 pr-3 font-medium">
                    {bidiSafe(p.party)}
                  </th>
                  <td className="py-1.5 pr-3 text-right">{p.requests}</td>
                  <td className="py-1.5 pr-3 text-right">{share(p.answered, p.requests)}</td>
                  <td className="py-1.5 pr-3 text-right">{share(p.declined, p.requests)}</td>
                  <td className="py-1.5 pr-3 text-right">{share(p.unanswered, p.requests)}</td>
                  <td className="py-1.5 text-right">
                    {p.medianAnswerMinutes === null ? "—" : durationWords(p.medianAnswerMinutes, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.overdue.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold">{t("insightsOverdue")}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {data.overdue.map((o) => (
              <li key={o.requestId}>
                <Link href={`/articles/${o.articleId}/claims/${o.claimId}`} className="hover:underline">
                  {bidiSafe(o.party)} · {bidiSafe(o.statement)}
                </Link>{" "}
                <span className="text-disputed">
                  {t("overdueBy", { duration: durationWords(o.overdueMinutes, locale) })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
