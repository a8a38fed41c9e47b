"use client";

import { useTranslations } from "next-intl";
import type { Stage, Verdict } from "@/lib/review/model";
import { cn } from "./ui/cn";

export const VERDICT_STYLES: Record<Verdict, { badge: string; mark: string; dot: string }> = {
  confirmed: {
    badge: "bg-confirmed-bg text-confirmed",
    mark: "bg-confirmed-bg decoration-confirmed",
    dot: "bg-confirmed",
  },
  disputed: {
    badge: "bg-disputed-bg text-disputed",
    mark: "bg-disputed-bg decoration-disputed",
    dot: "bg-disputed",
  },
  uncommented: {
    badge: "bg-uncommented-bg text-uncommented",
    mark: "bg-uncommented-bg decoration-uncommented",
    dot: "bg-uncommented",
  },
  unrated: {
    badge: "bg-unrated-bg text-unrated",
    mark: "bg-unrated-bg decoration-unrated",
    dot: "bg-unrated",
  },
};

export function VerdictBadge({ verdict, className }: { verdict: Verdict; className?: string }) {
  const t = useTranslations("verdicts");
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        VERDICT_STYLES[verdict].badge,
        className,
      )}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", VERDICT_STYLES[verdict].dot)} />
      {t(verdict)}
    </span>
  );
}

const STAGE_STYLES: Record<Stage, string> = {
  draft: "border-line text-muted",
  in_review: "border-accent/40 text-accent",
  approved: "border-confirmed/40 text-confirmed",
};

/** A draft that a reviewer sent back (and nobody resubmitted yet) reads "Returned", not "Draft". */
export function StageBadge({
  stage,
  returned = false,
  className,
}: {
  stage: Stage;
  returned?: boolean;
  className?: string;
}) {
  const t = useTranslations("stages");
  const tw = useTranslations("claimWork");
  const isReturned = stage === "draft" && returned;
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full border bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        isReturned ? "border-uncommented/40 text-uncommented" : STAGE_STYLES[stage],
        className,
      )}
      data-stage={isReturned ? "returned" : stage}
    >
      {isReturned ? tw("stageReturned") : t(stage)}
    </span>
  );
}
