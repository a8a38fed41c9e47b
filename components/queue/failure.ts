import type { ActionResult } from "@/lib/errors";

export type Failure = Extract<ActionResult<never>, { ok: false }>;
type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

function detail(failure: Failure, key: string): string | undefined {
  const value = failure.details?.[key];
  return typeof value === "string" ? value : undefined;
}

/** Someone else decided the claim first: it has left the queue for good. */
export function decidedElsewhere(failure: Failure): boolean {
  const decision = detail(failure, "decision");
  return (
    failure.code === "wrong_stage" ||
    failure.code === "not_found" ||
    decision === "approved" ||
    decision === "returned"
  );
}

/** A refusal in the reader's language, from the error code and its details (never the server's English). */
export function describeFailure(t: Translate, failure: Failure, formatTime: (ms: number) => string): string {
  const by = detail(failure, "by") ?? "?";
  switch (detail(failure, "decision")) {
    case "approved":
      return t("errors.alreadyApproved", { name: by });
    case "returned":
      return t("errors.alreadyReturned", { name: by });
    case "taken": {
      const at = detail(failure, "at");
      return t("errors.taken", { name: by, time: at ? formatTime(Date.parse(at)) : "?" });
    }
  }
  switch (failure.code) {
    case "four_eyes":
      return t("errors.fourEyes");
    case "conflict":
      return t("errors.conflict", { name: by });
    case "wrong_stage":
      return t("errors.wrongStage");
    case "forbidden":
      return t("errors.forbidden");
    case "unauthenticated":
      return t("errors.unauthenticated");
    case "not_found":
      return t("errors.notFound");
    case "needs_verdict":
      return t("errors.needsVerdict");
    case "needs_silent_party":
      return t("errors.needsSilentParty");
    case "needs_note":
      return t("errors.noteRequired");
    case "invalid_input": {
      const noteError = failure.fieldErrors?.note?.[0];
      if (noteError === "tooLong") return t("errors.tooLong");
      if (noteError) return t("errors.noteRequired");
      return t("errors.generic");
    }
    default:
      return t("errors.generic");
  }
}
