// The verdict and stage badges' markup and classes, one source for both variants: the client
// components' (./verdict-badge.tsx, words from next-intl's client provider) and the server
// components' (./verdict-badge-server.tsx, words resolved on the server, no JavaScript in the
// browser). A plain module: it has no hooks and no "use client", and joins its classes without
// tailwind-merge (their parts never set one property twice; badge-markup.test.ts checks it).
import type { Stage, Verdict } from "@/lib/review/model";
import { joinClasses } from "./ui/classes";

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

const STAGE_STYLES: Record<Stage, string> = {
  draft: "border-line text-muted",
  in_review: "border-accent/40 text-accent",
  approved: "border-confirmed/40 text-confirmed",
};

const RETURNED_STYLE = "border-uncommented/40 text-uncommented";

export function verdictBadgeClasses(verdict: Verdict): { badge: string; dot: string } {
  return {
    badge: joinClasses(
      "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
      VERDICT_STYLES[verdict].badge,
    ),
    dot: joinClasses("size-1.5 rounded-full", VERDICT_STYLES[verdict].dot),
  };
}

export function stageBadgeClass(stage: Stage | "returned"): string {
  return joinClasses(
    "inline-flex items-center rounded-full border bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap",
    stage === "returned" ? RETURNED_STYLE : STAGE_STYLES[stage],
  );
}

/** A draft that a reviewer sent back (and nobody resubmitted yet) reads "Returned", not "Draft". */
export function shownStage(stage: Stage, returned: boolean): Stage | "returned" {
  return stage === "draft" && returned ? "returned" : stage;
}

/** The verdict badge with its word (`verdicts.<verdict>`) already translated. */
export function VerdictBadgeMarkup({ verdict, label }: { verdict: Verdict; label: string }) {
  const classes = verdictBadgeClasses(verdict);
  return (
    <span className={classes.badge}>
      <span aria-hidden className={classes.dot} />
      {label}
    </span>
  );
}

/** The stage badge with its word (`stages.<stage>`, or `claimWork.stageReturned`) already translated. */
export function StageBadgeMarkup({ stage, label }: { stage: Stage | "returned"; label: string }) {
  return (
    <span className={stageBadgeClass(stage)} data-stage={stage}>
      {label}
    </span>
  );
}
