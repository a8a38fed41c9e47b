"use client";

import { useTranslations } from "next-intl";
import type { Stage, Verdict } from "@/lib/review/model";
import { shownStage, StageBadgeMarkup, VerdictBadgeMarkup } from "./badge-markup";

// The badges of client components, translated by next-intl's client provider. Server components
// use ./verdict-badge-server.tsx (same markup, ./badge-markup.tsx), which loads no JavaScript.

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useTranslations("verdicts");
  return <VerdictBadgeMarkup verdict={verdict} label={t(verdict)} />;
}

/** A draft that a reviewer sent back (and nobody resubmitted yet) reads "Returned", not "Draft". */
export function StageBadge({ stage, returned = false }: { stage: Stage; returned?: boolean }) {
  const t = useTranslations("stages");
  const tw = useTranslations("claimWork");
  const shown = shownStage(stage, returned);
  return <StageBadgeMarkup stage={shown} label={shown === "returned" ? tw("stageReturned") : t(shown)} />;
}
