// The review rules of DESIGN.md ("Roles and rules") as pure functions: who may do what, which
// stage a claim may move to, and what a claim must hold before it moves. The server actions, the
// HTTP API and the data layer all ask these functions; the UI only mirrors their answers.
//
// Every decision checks in the same order: permission (forbidden), then stage (wrong_stage),
// then content (needs_verdict, needs_silent_party, needs_note), then four eyes (four_eyes).
import { ROLES, type Role, type Stage, type Verdict } from "./model";

export type Actor = { id: number; role: Role };

/** What the rules need to know about a claim. `ratedById` is who set its current verdict. */
export type ClaimFacts = {
  stage: Stage;
  verdict: Verdict;
  silentParty: string | null;
  ratedById: number | null;
};

// ---------------------------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------------------------

export const ACTIONS = [
  "article.create",
  "article.edit",
  "claim.create",
  "claim.edit",
  "claim.delete",
  "claim.submit",
  "claim.approve",
  "claim.return",
  "claim.take",
  "claim.reopen",
  "summary.publish",
  "claim.discuss",
  "claim.assign",
  "article.assign",
  "speaker.merge",
  "account.manage",
  "token.manage_others",
  "variant.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const EDITOR_ACTIONS = [
  "article.create",
  "article.edit",
  "claim.create",
  "claim.edit",
  "claim.delete",
  "claim.submit",
  // Writing in a claim's thread, and giving an article to an editor (its owner).
  "claim.discuss",
  "article.assign",
] as const satisfies readonly Action[];

const REVIEWER_ACTIONS = [
  ...EDITOR_ACTIONS,
  "claim.approve",
  "claim.return",
  "claim.take",
  // Sending an approved claim back to the queue, and publishing a verified summary (issue 16).
  "claim.reopen",
  "summary.publish",
  // Giving a claim in review to a reviewer (lib/data/threads.ts); four eyes still decides who approves.
  "claim.assign",
  // Renaming every claim of a speaker touches approved claims across articles: reviewers decide.
  "speaker.merge",
] as const satisfies readonly Action[];

const ADMIN_ACTIONS = [
  ...REVIEWER_ACTIONS,
  "account.manage",
  "token.manage_others",
  // The name variants change every search and suggestion of the desk.
  "variant.manage",
] as const satisfies readonly Action[];

/** editor ⊂ reviewer ⊂ admin: each role may do all the one before it may, and more. */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = Object.freeze({
  editor: EDITOR_ACTIONS,
  reviewer: REVIEWER_ACTIONS,
  admin: ADMIN_ACTIONS,
});

/** True for the three known roles only; guards against prototype keys such as "constructor". */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may perform `action`. A missing or unknown role may do nothing. */
export function hasPermission(role: string | null | undefined, action: Action): boolean {
  if (!isRole(role)) return false;
  return PERMISSIONS[role].includes(action);
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

export const REFUSAL_CODES = [
  "forbidden",
  "four_eyes",
  "wrong_stage",
  "needs_verdict",
  "needs_silent_party",
  "needs_note",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/**
 * A refusal carries its code, an English message for logs, and `details.reason` (with the values
 * of its sentence) from which the UI and the API put it into the reader's words.
 */
export type Decision =
  | { ok: true }
  | { ok: false; code: RefusalCode; message: string; details: { reason: string } & Record<string, string> };

const ALLOWED: Decision = Object.freeze({ ok: true });

function refuse(
  code: RefusalCode,
  reason: string,
  message: string,
  values: Record<string, string> = {},
): Decision {
  return { ok: false, code, message, details: { reason, ...values } };
}

function isBlank(text: string | null | undefined): boolean {
  return text == null || text.trim() === "";
}

export const FOUR_EYES_MESSAGE = "You set this verdict; another reviewer must approve it.";

// ---------------------------------------------------------------------------------------------
// Stages
// ---------------------------------------------------------------------------------------------

/** draft → in_review (submit); in_review → approved (approve) or draft (return); approved → draft (return). */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = Object.freeze({
  draft: ["in_review"],
  in_review: ["approved", "draft"],
  approved: ["draft"],
});

export function canTransition(from: Stage, to: Stage): boolean {
  if (!Object.hasOwn(STAGE_TRANSITIONS, from)) return false;
  return STAGE_TRANSITIONS[from].includes(to);
}

const STAGE_WORDS: Record<Stage, string> = {
  draft: "a draft",
  in_review: "in the review queue",
  approved: "already approved",
};

const DOING_WORDS = {
  submit: "submitted for review",
  approve: "approved",
  return: "returned",
  take: "taken for review",
  withdraw: "withdrawn from approval",
  reopen: "reopened",
  assign: "assigned to a reviewer",
} as const;

function wrongStage(stage: Stage, action: keyof typeof DOING_WORDS): Decision {
  const where = Object.hasOwn(STAGE_WORDS, stage) ? STAGE_WORDS[stage] : `in stage "${String(stage)}"`;
  return refuse(
    "wrong_stage",
    "wrong_stage",
    `This claim is ${where}; it cannot be ${DOING_WORDS[action]} now.`,
    {
      stage: String(stage),
      action,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Verdicts
// ---------------------------------------------------------------------------------------------

/** An `uncommented` verdict names the party that has not responded, so it needs a non-blank silent party. */
export function checkVerdict(verdict: Verdict, silentParty: string | null): Decision {
  if (verdict === "uncommented" && isBlank(silentParty)) {
    return refuse(
      "needs_silent_party",
      "needs_silent_party",
      'An "uncommented" verdict needs the party that has not commented, e.g. "Kyiv".',
    );
  }
  return ALLOWED;
}

/** A claim in the queue must carry a verdict, and an `uncommented` one its silent party. */
function checkReadyForReview(claim: ClaimFacts): Decision {
  if (claim.verdict === "unrated") {
    return refuse("needs_verdict", "needs_verdict", "Give the claim a verdict before it goes to review.");
  }
  return checkVerdict(claim.verdict, claim.silentParty);
}

// ---------------------------------------------------------------------------------------------
// Claim actions
// ---------------------------------------------------------------------------------------------

/** Any stage may be edited; a real change to an in_review or approved claim sends it back to draft (see stageAfterEdit). */
export function canEditClaim(actor: Actor, claim: ClaimFacts): Decision {
  void claim; // every stage is editable; the parameter keeps the signature like the others
  if (!hasPermission(actor.role, "claim.edit")) {
    return refuse("forbidden", "edit_forbidden", "You are not allowed to edit claims.");
  }
  return ALLOWED;
}

/** Editors may delete draft and queued claims; an approved claim only a reviewer or admin may delete. */
export function canDeleteClaim(actor: Actor, claim: ClaimFacts): Decision {
  if (!hasPermission(actor.role, "claim.delete")) {
    return refuse("forbidden", "delete_forbidden", "You are not allowed to delete claims.");
  }
  if (claim.stage === "approved" && !hasPermission(actor.role, "claim.approve")) {
    return refuse(
      "forbidden",
      "delete_approved_forbidden",
      "Only a reviewer or an admin can delete an approved claim.",
    );
  }
  return ALLOWED;
}

/** draft → in_review: needs a verdict, and an `uncommented` verdict needs its silent party. */
export function canSubmit(actor: Actor, claim: ClaimFacts): Decision {
  if (!hasPermission(actor.role, "claim.submit")) {
    return refuse("forbidden", "submit_forbidden", "You are not allowed to submit claims for review.");
  }
  if (!canTransition(claim.stage, "in_review")) return wrongStage(claim.stage, "submit");
  return checkReadyForReview(claim);
}

/**
 * in_review → approved, by a reviewer or admin who did not set the current verdict (four eyes).
 * A rated claim whose rater is unknown (`ratedById` null) may be approved by any reviewer.
 */
export function canApprove(actor: Actor, claim: ClaimFacts): Decision {
  if (!hasPermission(actor.role, "claim.approve")) {
    return refuse("forbidden", "approve_forbidden", "Only a reviewer or an admin can approve claims.");
  }
  if (claim.stage !== "in_review") return wrongStage(claim.stage, "approve");
  const ready = checkReadyForReview(claim);
  if (!ready.ok) return ready;
  if (claim.ratedById !== null && claim.ratedById === actor.id) {
    return refuse("four_eyes", "four_eyes", FOUR_EYES_MESSAGE);
  }
  return ALLOWED;
}

/** in_review or approved → draft, by a reviewer or admin, always with a note saying why. */
export function canReturn(actor: Actor, claim: ClaimFacts, note: string): Decision {
  if (!hasPermission(actor.role, "claim.return")) {
    return refuse("forbidden", "return_forbidden", "Only a reviewer or an admin can return claims.");
  }
  if (!canTransition(claim.stage, "draft")) return wrongStage(claim.stage, "return");
  if (isBlank(note)) {
    return refuse("needs_note", "needs_note", "Say why the claim is returned: the note cannot be empty.");
  }
  return ALLOWED;
}

/** A reviewer or admin takes a queued claim to review it (see REVIEW_LOCK_MS). */
export function canTakeForReview(actor: Actor, claim: ClaimFacts): Decision {
  if (!hasPermission(actor.role, "claim.take")) {
    return refuse("forbidden", "take_forbidden", "Only a reviewer or an admin can take claims for review.");
  }
  if (claim.stage !== "in_review") return wrongStage(claim.stage, "take");
  return ALLOWED;
}

/**
 * A claim in review given to a reviewer, by a reviewer or admin. The assignee must be able to
 * approve it: nobody who set its current verdict (four eyes). `assignee` null takes it back.
 */
export function canAssignReviewer(
  actor: Actor,
  claim: ClaimFacts,
  assignee: { id: number; role: Role } | null,
): Decision {
  if (!hasPermission(actor.role, "claim.assign")) {
    return refuse("forbidden", "assign_forbidden", "Only a reviewer or an admin can assign claims.");
  }
  if (claim.stage !== "in_review") return wrongStage(claim.stage, "assign");
  if (assignee === null) return ALLOWED;
  if (!hasPermission(assignee.role, "claim.approve")) {
    return refuse("forbidden", "assignee_not_reviewer", "Claims are assigned to reviewers and admins only.");
  }
  if (claim.ratedById !== null && claim.ratedById === assignee.id) {
    return refuse("four_eyes", "assign_own_verdict", "This person set the verdict; they cannot approve it.");
  }
  return ALLOWED;
}

// ---------------------------------------------------------------------------------------------
// Effects of an edit
// ---------------------------------------------------------------------------------------------

/** A real change to a claim in_review or approved sends it back to draft; a draft stays a draft. */
export function stageAfterEdit(stage: Stage, changed: boolean): Stage {
  if (!changed) return stage;
  return "draft";
}

/** Blank and null mean the same: no text. Surrounding whitespace is not a change. */
function sameText(a: string | null, b: string | null): boolean {
  return (a?.trim() ?? "") === (b?.trim() ?? "");
}

/**
 * Who set the claim's current verdict after an edit: the actor, when the verdict, its note or the
 * silent party changes; the previous rater otherwise; nobody when the verdict is `unrated`.
 */
export function ratedByAfterEdit(
  prev: ClaimFacts,
  next: { verdict: Verdict; verdictNote: string | null; silentParty: string | null },
  prevNote: string | null,
  actorId: number,
): number | null {
  if (next.verdict === "unrated") return null;
  const verdictChanged =
    next.verdict !== prev.verdict ||
    !sameText(next.verdictNote, prevNote) ||
    !sameText(next.silentParty, prev.silentParty);
  return verdictChanged ? actorId : prev.ratedById;
}

// ---------------------------------------------------------------------------------------------
// Review lock
// ---------------------------------------------------------------------------------------------

/** How long a claim taken for review stays reserved to the reviewer who took it. */
export const REVIEW_LOCK_MS = 15 * 60 * 1000;

/** True while a take is younger than REVIEW_LOCK_MS; at exactly 15 minutes it has lapsed. */
export function reviewLockActive(takenAt: Date | null, now: Date): boolean {
  if (takenAt === null) return false;
  const age = now.getTime() - takenAt.getTime();
  if (Number.isNaN(age)) return false;
  return age < REVIEW_LOCK_MS;
}

// ---------------------------------------------------------------------------------------------
// Undo and reopen (issue 16)
// ---------------------------------------------------------------------------------------------

/** How long after approving the reviewer who approved may take it back ("Undo"). */
export const UNDO_WINDOW_MS = 10_000;

/** Who approved the claim and when, for the undo window. */
export type ApprovalFacts = { approvedById: number | null; approvedAt: Date | null };

/**
 * approved → in_review ("Undo"): only by the reviewer who approved it, and only while the approval
 * is younger than UNDO_WINDOW_MS (at exactly 10 s it has passed); afterwards a reviewer reopens it.
 */
export function canWithdrawApproval(actor: Actor, claim: ClaimFacts & ApprovalFacts, now: Date): Decision {
  if (!hasPermission(actor.role, "claim.approve")) {
    return refuse("forbidden", "approve_forbidden", "Only a reviewer or an admin can approve claims.");
  }
  if (claim.stage !== "approved") return wrongStage(claim.stage, "withdraw");
  if (claim.approvedById !== actor.id) {
    return refuse(
      "forbidden",
      "undo_not_yours",
      "Only the reviewer who approved a claim can undo the approval; reopen it instead.",
    );
  }
  const age = claim.approvedAt ? now.getTime() - claim.approvedAt.getTime() : Number.NaN;
  if (!(age >= 0 && age < UNDO_WINDOW_MS)) {
    return refuse(
      "wrong_stage",
      "undo_expired",
      "The ten seconds to undo this approval have passed; reopen the claim with a reason instead.",
    );
  }
  return ALLOWED;
}

/** approved → in_review, by a reviewer or admin, always with a reason (it goes into the history). */
export function canReopen(actor: Actor, claim: ClaimFacts, reason: string): Decision {
  if (!hasPermission(actor.role, "claim.reopen")) {
    return refuse("forbidden", "reopen_forbidden", "Only a reviewer or an admin can reopen claims.");
  }
  if (claim.stage !== "approved") return wrongStage(claim.stage, "reopen");
  if (isBlank(reason)) {
    return refuse(
      "needs_note",
      "reopen_needs_reason",
      "Say why the claim is reopened: the reason cannot be empty.",
    );
  }
  return ALLOWED;
}

/** Publishing an article's summary: a reviewer or admin, and only once every claim is approved. */
export function canPublishSummary(actor: Actor, progress: { total: number; approved: number }): Decision {
  if (!hasPermission(actor.role, "summary.publish")) {
    return refuse("forbidden", "publish_forbidden", "Only a reviewer or an admin can publish a summary.");
  }
  if (progress.total === 0 || progress.approved !== progress.total) {
    return refuse(
      "wrong_stage",
      "publish_not_verified",
      "Only a verified article (every claim approved) can be published.",
    );
  }
  return ALLOWED;
}

// ---------------------------------------------------------------------------------------------
// Right of reply
// ---------------------------------------------------------------------------------------------

/** A party's name compared as people mean it: trimmed, inner spaces collapsed, ignoring case. */
export function sameParty(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (v: string | null | undefined) => (v ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return norm(a) !== "" && norm(a) === norm(b);
}

/** Asking for comment, logging a reply, recording a party as not contacted: whoever may edit claims. */
export function canRequestComment(actor: Actor): Decision {
  if (!hasPermission(actor.role, "claim.edit")) {
    return refuse("forbidden", "comment_forbidden", "You are not allowed to ask for comment or log replies.");
  }
  return ALLOWED;
}

/**
 * An `uncommented` verdict names a party the desk asked for comment (a request to it) or decided
 * not to contact (with a reason): the silent party is the request's party, written once.
 */
export function checkRightOfReply(
  verdict: Verdict,
  silentParty: string | null,
  record: { askedParties: readonly string[]; waivedParties: readonly string[] },
): Decision {
  if (verdict !== "uncommented" || isBlank(silentParty)) return ALLOWED;
  const known = [...record.askedParties, ...record.waivedParties].some((p) => sameParty(p, silentParty));
  if (known) return ALLOWED;
  return refuse(
    "needs_silent_party",
    "needs_right_of_reply",
    `An "uncommented" verdict needs a request for comment to ${silentParty}, or a note that it was not contacted and why.`,
    { party: silentParty ?? "" },
  );
}

/**
 * Where a reply sends the claim: it never changes the verdict, but a claim waiting in the queue
 * goes back to its editor (draft) to weigh it; a draft stays a draft; an approved claim stays
 * approved (it is published: the reply is flagged and leads to a correction).
 */
export function stageAfterReply(stage: Stage): Stage {
  return stage === "in_review" ? "draft" : stage;
}
