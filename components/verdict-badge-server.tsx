import type { Stage, Verdict } from "@/lib/review/model";
import { getTranslations } from "@/lib/i18n/server";
import { shownStage, StageBadgeMarkup, VerdictBadgeMarkup } from "./badge-markup";

// The badges of server components: the words resolved on the server, so a page that shows only
// these needs neither next-intl's client runtime nor its messages in the browser. Same markup as
// the client components' ./verdict-badge.tsx (./badge-markup.tsx).

export async function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = await getTranslations("verdicts");
  return <VerdictBadgeMarkup verdict={verdict} label={t(verdict)} />;
}

/** A draft that a reviewer sent back (and nobody resubmitted yet) reads "Returned", not "Draft". */
export async function StageBadge({ stage, returned = false }: { stage: Stage; returned?: boolean }) {
  const t = await getTranslations();
  const shown = shownStage(stage, returned);
  return (
    <StageBadgeMarkup
      stage={shown}
      label={shown === "returned" ? t("claimWork.stageReturned") : t(`stages.${shown}`)}
    />
  );
}
