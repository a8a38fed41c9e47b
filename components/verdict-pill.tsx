import { useTranslations } from "next-intl";
import type { Stage, Verdict } from "@/lib/review/model";
import { cn } from "./ui/cn";

const VERDICT_CLASSES: Record<Verdict, { pill: string; dot: string }> = {
  confirmed: { pill: "bg-confirmed-bg text-confirmed", dot: "bg-confirmed" },
  disputed: { pill: "bg-disputed-bg text-disputed", dot: "bg-disputed" },
  uncommented: { pill: "bg-uncommented-bg text-uncommented", dot: "bg-uncommented" },
  unrated: { pill: "bg-unrated-bg text-unrated", dot: "bg-unrated" },
};

/** A claim's verdict as a coloured pill with its word (colour is never the only signal). */
export function VerdictPill({ verdict, className }: { verdict: Verdict; className?: string }) {
  const t = useTranslations("verdicts");
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        VERDICT_CLASSES[verdict].pill,
        className,
      )}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", VERDICT_CLASSES[verdict].dot)} />
      {t(verdict)}
    </span>
  );
}

const STAGE_CLASSES: Record<Stage, string> = {
  draft: "border-line text-muted",
  in_review: "border-accent/40 text-accent",
  approved: "border-confirmed/40 text-confirmed",
};

export function StagePill({ stage, className }: { stage: Stage; className?: string }) {
  const t = useTranslations("stages");
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full border bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        STAGE_CLASSES[stage],
        className,
      )}
    >
      {t(stage)}
    </span>
  );
}
