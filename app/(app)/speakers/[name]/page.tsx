import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StageBadge, VerdictBadge } from "@/components/verdict-badge-server";
import { requireUser } from "@/lib/auth/session";
import { getSpeaker } from "@/lib/data/speakers";
import { VERDICTS } from "@/lib/review/model";
import { bidiSafe } from "@/lib/text/bidi";

type Params = Promise<{ name: string }>;

function speakerName(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: speakerName((await params).name) };
}

export default async function SpeakerPage({ params }: { params: Params }) {
  await requireUser();
  const name = speakerName((await params).name);
  const speaker = await getSpeaker({ name });
  if (!speaker) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const { stats, claims } = speaker;

  return (
    <div className="space-y-6">
      <nav aria-label={t("speakers.breadcrumb")} className="text-muted text-sm">
        <Link href="/speakers" className="hover:text-ink hover:underline">
          {t("speakers.title")}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{bidiSafe(stats.name)}</h1>
        <p className="text-muted mt-1 text-sm">
          {t("speakers.summary", { count: stats.total, approved: stats.approved })}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {VERDICTS.map((v) => (
          <div key={v} className="border-line rounded-lg border bg-white px-4 py-3">
            <dt>
              <VerdictBadge verdict={v} />
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{stats.byVerdict[v]}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="speaker-claims" className="space-y-3">
        <h2 id="speaker-claims" className="text-lg font-semibold">
          {t("speakers.claimsHeading")}
        </h2>
        <ol className="border-line divide-line divide-y rounded-lg border bg-white">
          {claims.map((claim) => (
            <li key={claim.id} className="space-y-1.5 px-4 py-3">
              <div className="flex flex-wrap items-center gap-2 text-xs">
                <VerdictBadge verdict={claim.verdict} />
                <StageBadge stage={claim.stage} />
                <span className="text-muted">
                  {format.dateTime(claim.updatedAt, { dateStyle: "medium" })}
                </span>
              </div>
              <Link
                href={`/articles/${claim.articleId}?claim=${claim.id}`}
                className="text-ink hover:text-accent block font-medium hover:underline"
              >
                {bidiSafe(claim.statement)}
              </Link>
              {claim.verdictNote ? (
                <p className="text-muted text-sm">
                  <span className="text-ink font-medium">{t("search.note")} </span>
                  {bidiSafe(claim.verdictNote)}
                </p>
              ) : null}
              <p className="text-muted text-xs">
                {t("search.inArticle")}{" "}
                <Link href={`/articles/${claim.articleId}`} className="hover:text-ink hover:underline">
                  {claim.articleTitle}
                </Link>
                {claim.outlet ? ` · ${bidiSafe(claim.outlet)}` : null}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
