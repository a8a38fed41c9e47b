// On the article page: the claims a new revision flagged, each linked to where it is settled.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ClaimView } from "@/lib/data/claims";
import { bidiSafe } from "@/lib/text/bidi";
import { AnchorBadge } from "./anchor-badge";

export function AnchorSummary({ articleId, claims }: { articleId: number; claims: ClaimView[] }) {
  const t = useTranslations("anchors");
  const flagged = claims.filter((c) => c.anchorState !== "exact");
  if (flagged.length === 0) return null;
  return (
    <section
      aria-labelledby="anchor-summary-title"
      className="border-uncommented/40 bg-uncommented-bg/40 space-y-3 rounded-lg border p-4"
      data-testid="anchor-summary"
    >
      <h2 id="anchor-summary-title" className="font-semibold">
        {t("flaggedTitle", { count: flagged.length })}
      </h2>
      <p className="text-muted text-sm">{t("flaggedIntro")}</p>
      <ul className="space-y-2">
        {flagged.map((claim) => (
          <li key={claim.id} className="flex flex-wrap items-center gap-2 text-sm">
            <AnchorBadge state={claim.anchorState} reviewReason={claim.reviewReason} />
            <span className="min-w-0 flex-1 font-serif break-words">“{bidiSafe(claim.quote)}”</span>
            <Link
              href={`/articles/${articleId}/claims/${claim.id}`}
              className="text-accent font-medium underline underline-offset-2 hover:no-underline"
            >
              {t("open")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
