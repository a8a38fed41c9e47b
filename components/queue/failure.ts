import type { Failure } from "@/lib/errors";

export type { Failure };

function detail(failure: Failure, key: string): string | undefined {
  const value = failure.details?.[key];
  return typeof value === "string" ? value : undefined;
}

/**
 * Someone else decided the claim first: it has left the queue for good. (What to tell the reviewer
 * comes from describeError, lib/errors/text.ts, like every failure of the app.)
 */
export function decidedElsewhere(failure: Failure): boolean {
  const decision = detail(failure, "decision");
  return (
    failure.code === "wrong_stage" ||
    failure.code === "not_found" ||
    decision === "approved" ||
    decision === "returned"
  );
}
