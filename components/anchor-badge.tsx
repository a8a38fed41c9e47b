// Where a claim's words stand on the article's latest revision, and why an approved claim is back.
import { useTranslations } from "next-intl";
import type { AnchorStateName } from "@/lib/review/model";

export function AnchorBadge({
  state,
  reviewReason,
}: {
  state: AnchorStateName;
  reviewReason?: string | null;
}) {
  const t = useTranslations("anchors");
  if (state === "exact" && !reviewReason) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="anchor-badge">
      {state !== "exact" ? (
        <span
          className="bg-uncommented-bg text-uncommented rounded-full px-2 py-0.5 text-xs font-medium"
          data-state={state}
        >
          {t(`state.${state}`)}
        </span>
      ) : null}
      {reviewReason ? (
        <span className="bg-disputed-bg text-disputed rounded-full px-2 py-0.5 text-xs font-medium">
          {t("reason")}
        </span>
      ) : null}
    </span>
  );
}
