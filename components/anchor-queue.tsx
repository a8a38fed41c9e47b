// The queue's "Needs re-anchoring" tab: every claim a new revision flagged, with where to settle it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FlaggedClaim } from "@/lib/data/revisions";
import { bidiSafe } from "@/lib/text/bidi";
import { AnchorBadge } from "./anchor-badge";

export function AnchorQueue({ claims }: { claims: FlaggedClaim[] }) {
  const t = useTranslations("anchors");
  if (claims.length === 0) {
    return <p className="text-muted text-sm">{t("noneFlagged")}</p>;
  }
  return (
    <ul className="space-y-3" data-testid="anchor-queue">
      {claims.map((claim) => (
        <li key={claim.id} className="border-line space-y-1.5 rounded-lg border bg-white p-4">
          <div className="flex flex-wrap items-center gap-2">
            <AnchorBadge state={claim.anchorState} reviewReason={claim.reviewReason} />
            <span className="text-muted text-xs">{bidiSafe(claim.articleTitle)}</span>
          </div>
          <p className="font-medium break-words">{bidiSafe(claim.statement)}</p>
          <p className="text-muted font-serif text-sm break-words">“{bidiSafe(claim.quote)}”</p>
          <Link
            href={`/articles/${claim.articleId}/claims/${claim.id}`}
            className="text-accent text-sm font-medium underline underline-offset-2 hover:no-underline"
          >
            {t("open")}
          </Link>
        </li>
      ))}
    </ul>
  );
}
