import { useTranslations } from "next-intl";
import type { Verdict } from "@/lib/review/model";
import { cn } from "@/components/ui/cn";

const COLOURS: Record<Verdict, string> = {
  confirmed: "bg-confirmed-bg text-confirmed ring-confirmed/20",
  disputed: "bg-disputed-bg text-disputed ring-disputed/20",
  uncommented: "bg-uncommented-bg text-uncommented ring-uncommented/20",
  unrated: "bg-unrated-bg text-unrated ring-unrated/20",
};

const DOTS: Record<Verdict, string> = {
  confirmed: "bg-confirmed",
  disputed: "bg-disputed",
  uncommented: "bg-uncommented",
  unrated: "bg-unrated",
};

export function VerdictBadge({ verdict, className }: { verdict: Verdict; className?: string }) {
  const t = useTranslations("verdicts");
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset",
        COLOURS[verdict],
        className,
      )}
      data-verdict={verdict}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", DOTS[verdict])} />
      {t(verdict)}
    </span>
  );
}
