import { describe, it, expect } from "vitest";
import {
  ACTIONS,
  FOUR_EYES_MESSAGE,
  PERMISSIONS,
  REFUSAL_CODES,
  REVIEW_LOCK_MS,
  ROLES,
  STAGES,
  STAGE_TRANSITIONS,
  VERDICTS,
  canApprove,
  canDeleteClaim,
  canEditClaim,
  canReturn,
  canSubmit,
  canTakeForReview,
  canTransition,
  checkVerdict,
  hasPermission,
  isRole,
  ratedByAfterEdit,
  reviewLockActive,
  stageAfterEdit,
  type Action,
  type Actor,
  type ClaimFacts,
  type Decision,
  type RefusalCode,
  type Role,
  type Stage,
} from "./index";

// ids: 1 editor, 2 reviewer, 3 admin, 4 a second reviewer, 99 someone else who rated the claim.
const ACTORS: Record<Role, Actor> = {
  editor: { id: 1, role: "editor" },
  reviewer: { id: 2, role: "reviewer" },
  admin: { id: 3, role: "admin" },
};
const OTHER_REVIEWER: Actor = { id: 4, role: "reviewer" };
const SOMEONE_ELSE = 99;

/** A claim that satisfies every content rule, rated by someone other than the actors. */
function claim(overrides: Partial<ClaimFacts> = {}): ClaimFacts {
  return { stage: "draft", verdict: "confirmed", silentParty: null, ratedById: SOMEONE_ELSE, ...overrides };
}

/** A role the type system does not know, as a session read from a stale database might carry. */
function actorWithRole(role: string, id = 50): Actor {
  return { id, role: role as Role };
}

type Outcome = "ok" | RefusalCode;
function outcome(decision: Decision): Outcome {
  return decision.ok ? "ok" : decision.code;
}

type StageTable = Record<Role, Record<Stage, Outcome>>;
function tableOf(decide: (actor: Actor, facts: ClaimFacts) => Decision): StageTable {
  const table: Partial<StageTable> = {};
  for (const role of ROLES) {
    const row: Partial<Record<Stage, Outcome>> = {};
    for (const stage of STAGES) row[stage] = outcome(decide(ACTORS[role], claim({ stage })));
    table[role] = row as Record<Stage, Outcome>;
  }
  return table as StageTable;
}

describe("permissions", () => {
  // Columns: editor, reviewer, admin.
  const EXPECTED: Record<Action, readonly [boolean, boolean, boolean]> = {
    "article.create": [true, true, true],
    "article.edit": [true, true, true],
    "claim.create": [true, true, true],
    "claim.edit": [true, true, true],
    "claim.delete": [true, true, true],
    "claim.submit": [true, true, true],
    "claim.approve": [false, true, true],
    "claim.return": [false, true, true],
    "claim.take": [false, true, true],
    "claim.reopen": [false, true, true],
    "summary.publish": [false, true, true],
    "claim.discuss": [true, true, true],
    "claim.assign": [false, true, true],
    "article.assign": [true, true, true],
    "speaker.merge": [false, true, true],
    "account.manage": [false, false, true],
    "token.manage_others": [false, false, true],
    "variant.manage": [false, false, true],
  };

  it("matches the expected table for every role and every action", () => {
    const actual = Object.fromEntries(
      ACTIONS.map((action) => [action, ROLES.map((role) => hasPermission(role, action))]),
    );
    expect(ROLES).toEqual(["editor", "reviewer", "admin"]);
    expect(actual).toEqual(EXPECTED);
  });

  it("lists each role's actions in PERMISSIONS without duplicates or unknown actions", () => {
    for (const role of ROLES) {
      const actions = PERMISSIONS[role];
      expect(new Set(actions).size).toBe(actions.length);
      for (const action of actions) expect(ACTIONS).toContain(action);
    }
  });

  it("nests the roles: editor ⊂ reviewer ⊂ admin, each strictly", () => {
    const nested: ReadonlyArray<readonly [Role, Role]> = [
      ["editor", "reviewer"],
      ["reviewer", "admin"],
    ];
    for (const [smaller, larger] of nested) {
      for (const action of PERMISSIONS[smaller]) expect(PERMISSIONS[larger]).toContain(action);
      expect(PERMISSIONS[larger].length).toBeGreaterThan(PERMISSIONS[smaller].length);
    }
  });

  it("gives admin every action", () => {
    expect([...PERMISSIONS.admin].sort()).toEqual([...ACTIONS].sort());
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["an empty string", ""],
    ["an unknown role", "superuser"],
    ["a role in the wrong case", "Admin"],
    ["a role with spaces", " admin "],
    ["a prototype key", "constructor"],
    ["__proto__", "__proto__"],
    ["toString", "toString"],
  ])("denies every action to %s", (_label, role) => {
    for (const action of ACTIONS) expect(hasPermission(role, action)).toBe(false);
  });

  it("recognises only the three roles", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const value of ["", "root", "Editor", "hasOwnProperty", 1, null, undefined, {}]) {
      expect(isRole(value)).toBe(false);
    }
  });

  it("refuses every claim action to an actor with an unknown role", () => {
    const ghost = actorWithRole("ghost");
    for (const stage of STAGES) {
      const facts = claim({ stage });
      expect(outcome(canEditClaim(ghost, facts))).toBe("forbidden");
      expect(outcome(canDeleteClaim(ghost, facts))).toBe("forbidden");
      expect(outcome(canSubmit(ghost, facts))).toBe("forbidden");
      expect(outcome(canApprove(ghost, facts))).toBe("forbidden");
      expect(outcome(canReturn(ghost, facts, "why"))).toBe("forbidden");
      expect(outcome(canTakeForReview(ghost, facts))).toBe("forbidden");
    }
  });
});

describe("stage transitions", () => {
  const ALLOWED: ReadonlyArray<readonly [Stage, Stage]> = [
    ["draft", "in_review"],
    ["in_review", "approved"],
    ["in_review", "draft"],
    ["approved", "draft"],
  ];
  const REFUSED: ReadonlyArray<readonly [Stage, Stage]> = [
    ["draft", "draft"],
    ["draft", "approved"],
    ["in_review", "in_review"],
    ["approved", "approved"],
    ["approved", "in_review"],
  ];

  it("covers all nine pairs between the two lists", () => {
    const pairs = [...ALLOWED, ...REFUSED].map(([from, to]) => `${from}->${to}`);
    expect(new Set(pairs).size).toBe(STAGES.length * STAGES.length);
  });

  it.each(ALLOWED)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(REFUSED)("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it("describes the transitions in STAGE_TRANSITIONS", () => {
    expect(STAGE_TRANSITIONS).toEqual({
      draft: ["in_review"],
      in_review: ["approved", "draft"],
      approved: ["draft"],
    });
  });

  it("refuses a transition from a stage it does not know", () => {
    const unknown = (name: string): Stage => name as Stage;
    expect(canTransition(unknown("archived"), "draft")).toBe(false);
    expect(canTransition(unknown("constructor"), "draft")).toBe(false);
  });

  it("only allows a claim action whose stage move is an allowed transition", () => {
    for (const role of ROLES) {
      for (const stage of STAGES) {
        const facts = claim({ stage });
        if (canSubmit(ACTORS[role], facts).ok) expect(canTransition(stage, "in_review")).toBe(true);
        if (canApprove(ACTORS[role], facts).ok) expect(canTransition(stage, "approved")).toBe(true);
        if (canReturn(ACTORS[role], facts, "why").ok) expect(canTransition(stage, "draft")).toBe(true);
      }
    }
  });
});

describe("decisions per role and stage", () => {
  it("submit: every role, from draft only", () => {
    expect(tableOf(canSubmit)).toEqual({
      editor: { draft: "ok", in_review: "wrong_stage", approved: "wrong_stage" },
      reviewer: { draft: "ok", in_review: "wrong_stage", approved: "wrong_stage" },
      admin: { draft: "ok", in_review: "wrong_stage", approved: "wrong_stage" },
    });
  });

  it("approve: reviewer and admin, in_review only", () => {
    expect(tableOf(canApprove)).toEqual({
      editor: { draft: "forbidden", in_review: "forbidden", approved: "forbidden" },
      reviewer: { draft: "wrong_stage", in_review: "ok", approved: "wrong_stage" },
      admin: { draft: "wrong_stage", in_review: "ok", approved: "wrong_stage" },
    });
  });

  it("return: reviewer and admin, from in_review or approved", () => {
    expect(tableOf((actor, facts) => canReturn(actor, facts, "Source is a press release."))).toEqual({
      editor: { draft: "forbidden", in_review: "forbidden", approved: "forbidden" },
      reviewer: { draft: "wrong_stage", in_review: "ok", approved: "ok" },
      admin: { draft: "wrong_stage", in_review: "ok", approved: "ok" },
    });
  });

  it("edit: every role, in every stage", () => {
    expect(tableOf(canEditClaim)).toEqual({
      editor: { draft: "ok", in_review: "ok", approved: "ok" },
      reviewer: { draft: "ok", in_review: "ok", approved: "ok" },
      admin: { draft: "ok", in_review: "ok", approved: "ok" },
    });
  });

  it("delete: every role, but approved claims by reviewer and admin only", () => {
    expect(tableOf(canDeleteClaim)).toEqual({
      editor: { draft: "ok", in_review: "ok", approved: "forbidden" },
      reviewer: { draft: "ok", in_review: "ok", approved: "ok" },
      admin: { draft: "ok", in_review: "ok", approved: "ok" },
    });
  });

  it("take for review: reviewer and admin, in_review only", () => {
    expect(tableOf(canTakeForReview)).toEqual({
      editor: { draft: "forbidden", in_review: "forbidden", approved: "forbidden" },
      reviewer: { draft: "wrong_stage", in_review: "ok", approved: "wrong_stage" },
      admin: { draft: "wrong_stage", in_review: "ok", approved: "wrong_stage" },
    });
  });

  it("refuses with a known code and a non-empty plain-English message", () => {
    const refusals: Decision[] = [];
    for (const role of ROLES) {
      for (const stage of STAGES) {
        for (const verdict of VERDICTS) {
          const facts = claim({ stage, verdict, ratedById: ACTORS[role].id });
          const actor = ACTORS[role];
          refusals.push(
            canSubmit(actor, facts),
            canApprove(actor, facts),
            canReturn(actor, facts, " "),
            canEditClaim(actor, facts),
            canDeleteClaim(actor, facts),
            canTakeForReview(actor, facts),
          );
        }
      }
    }
    const refused = refusals.filter((decision) => !decision.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const decision of refused) {
      if (decision.ok) continue;
      expect(REFUSAL_CODES).toContain(decision.code);
      expect(decision.message).toMatch(/^[A-Z].*[.]$/);
    }
    // All six codes are reachable from these inputs.
    expect(new Set(refused.map((d) => (d.ok ? "ok" : d.code)))).toEqual(new Set(REFUSAL_CODES));
  });
});

describe("order of checks", () => {
  it("puts permission before stage", () => {
    expect(outcome(canApprove(ACTORS.editor, claim({ stage: "draft", verdict: "unrated" })))).toBe(
      "forbidden",
    );
    expect(outcome(canReturn(ACTORS.editor, claim({ stage: "draft" }), ""))).toBe("forbidden");
    expect(outcome(canSubmit(actorWithRole("ghost"), claim({ stage: "approved", verdict: "unrated" })))).toBe(
      "forbidden",
    );
  });

  it("puts stage before content", () => {
    expect(outcome(canSubmit(ACTORS.editor, claim({ stage: "in_review", verdict: "unrated" })))).toBe(
      "wrong_stage",
    );
    expect(outcome(canReturn(ACTORS.reviewer, claim({ stage: "draft" }), "   "))).toBe("wrong_stage");
    expect(outcome(canApprove(ACTORS.reviewer, claim({ stage: "approved", verdict: "unrated" })))).toBe(
      "wrong_stage",
    );
  });

  it("puts stage before four eyes", () => {
    const ownDraft = claim({ stage: "draft", ratedById: ACTORS.reviewer.id });
    expect(outcome(canApprove(ACTORS.reviewer, ownDraft))).toBe("wrong_stage");
  });

  it("puts content before four eyes", () => {
    const own = { stage: "in_review", ratedById: ACTORS.reviewer.id } as const;
    expect(outcome(canApprove(ACTORS.reviewer, claim({ ...own, verdict: "unrated" })))).toBe("needs_verdict");
    expect(
      outcome(canApprove(ACTORS.reviewer, claim({ ...own, verdict: "uncommented", silentParty: " " }))),
    ).toBe("needs_silent_party");
  });
});

describe("four eyes", () => {
  const queued = (ratedById: number | null): ClaimFacts => claim({ stage: "in_review", ratedById });

  it("refuses the reviewer who set the verdict", () => {
    expect(canApprove(ACTORS.reviewer, queued(ACTORS.reviewer.id))).toEqual({
      ok: false,
      code: "four_eyes",
      message: "You set this verdict; another reviewer must approve it.",
      details: { reason: "four_eyes" },
    });
    expect(FOUR_EYES_MESSAGE).toBe("You set this verdict; another reviewer must approve it.");
  });

  it("lets another reviewer approve", () => {
    expect(canApprove(OTHER_REVIEWER, queued(ACTORS.reviewer.id))).toEqual({ ok: true });
  });

  it("refuses an admin who set the verdict", () => {
    expect(outcome(canApprove(ACTORS.admin, queued(ACTORS.admin.id)))).toBe("four_eyes");
  });

  it("lets an admin approve a verdict someone else set", () => {
    expect(canApprove(ACTORS.admin, queued(ACTORS.reviewer.id))).toEqual({ ok: true });
    expect(canApprove(ACTORS.admin, queued(ACTORS.editor.id))).toEqual({ ok: true });
  });

  it("lets any reviewer approve a verdict whose rater is unknown", () => {
    expect(canApprove(ACTORS.reviewer, queued(null))).toEqual({ ok: true });
  });

  it("does not stop the rater from returning or taking the claim", () => {
    expect(canReturn(ACTORS.reviewer, queued(ACTORS.reviewer.id), "Wrong source.")).toEqual({ ok: true });
    expect(canTakeForReview(ACTORS.reviewer, queued(ACTORS.reviewer.id))).toEqual({ ok: true });
  });
});

describe("verdict content", () => {
  it.each([
    ["null", null],
    ["an empty string", ""],
    ["spaces", "   "],
    ["tabs and newlines", "\t\n "],
  ])("refuses uncommented with %s as silent party", (_label, silentParty) => {
    expect(outcome(checkVerdict("uncommented", silentParty))).toBe("needs_silent_party");
    for (const role of ROLES) {
      expect(outcome(canSubmit(ACTORS[role], claim({ verdict: "uncommented", silentParty })))).toBe(
        "needs_silent_party",
      );
    }
  });

  it("allows uncommented with a silent party", () => {
    expect(checkVerdict("uncommented", "Kyiv")).toEqual({ ok: true });
    expect(canSubmit(ACTORS.editor, claim({ verdict: "uncommented", silentParty: "Kyiv" }))).toEqual({
      ok: true,
    });
    expect(
      canApprove(ACTORS.reviewer, claim({ stage: "in_review", verdict: "uncommented", silentParty: "Kyiv" })),
    ).toEqual({ ok: true });
  });

  it("does not ask the other verdicts for a silent party", () => {
    for (const verdict of VERDICTS.filter((v) => v !== "uncommented")) {
      expect(checkVerdict(verdict, null)).toEqual({ ok: true });
    }
  });

  it("refuses to submit an unrated claim, for every role", () => {
    for (const role of ROLES) {
      expect(outcome(canSubmit(ACTORS[role], claim({ verdict: "unrated", ratedById: null })))).toBe(
        "needs_verdict",
      );
    }
  });

  it("submits every rated verdict", () => {
    expect(canSubmit(ACTORS.editor, claim({ verdict: "confirmed" }))).toEqual({ ok: true });
    expect(canSubmit(ACTORS.editor, claim({ verdict: "disputed" }))).toEqual({ ok: true });
    expect(canSubmit(ACTORS.editor, claim({ verdict: "uncommented", silentParty: "the Kremlin" }))).toEqual({
      ok: true,
    });
  });

  it("refuses to approve an unrated claim found in the queue", () => {
    expect(
      outcome(
        canApprove(ACTORS.reviewer, claim({ stage: "in_review", verdict: "unrated", ratedById: null })),
      ),
    ).toBe("needs_verdict");
  });

  it.each([
    ["an empty note", ""],
    ["a blank note", "  \n\t"],
  ])("refuses to return with %s", (_label, note) => {
    expect(outcome(canReturn(ACTORS.reviewer, claim({ stage: "in_review" }), note))).toBe("needs_note");
    expect(outcome(canReturn(ACTORS.admin, claim({ stage: "approved" }), note))).toBe("needs_note");
  });
});

describe("stageAfterEdit", () => {
  it("sends an in_review or approved claim back to draft on a real change", () => {
    expect(stageAfterEdit("in_review", true)).toBe("draft");
    expect(stageAfterEdit("approved", true)).toBe("draft");
  });

  it("keeps a draft a draft", () => {
    expect(stageAfterEdit("draft", true)).toBe("draft");
    expect(stageAfterEdit("draft", false)).toBe("draft");
  });

  it("keeps the stage when nothing changed", () => {
    for (const stage of STAGES) expect(stageAfterEdit(stage, false)).toBe(stage);
  });
});

describe("ratedByAfterEdit", () => {
  const EDITOR = ACTORS.editor.id;
  const RATER = 7;
  const prev = claim({ stage: "in_review", verdict: "uncommented", silentParty: "Kyiv", ratedById: RATER });
  const prevNote = "Asked Kyiv on Monday.";
  const same = { verdict: prev.verdict, verdictNote: prevNote, silentParty: prev.silentParty };

  it("makes the actor the rater when the verdict changes", () => {
    expect(
      ratedByAfterEdit(prev, { ...same, verdict: "disputed", silentParty: null }, prevNote, EDITOR),
    ).toBe(EDITOR);
  });

  it("makes the actor the rater when the note changes", () => {
    expect(ratedByAfterEdit(prev, { ...same, verdictNote: "Asked Kyiv twice." }, prevNote, EDITOR)).toBe(
      EDITOR,
    );
    expect(ratedByAfterEdit(prev, { ...same, verdictNote: null }, prevNote, EDITOR)).toBe(EDITOR);
  });

  it("makes the actor the rater when the silent party changes", () => {
    expect(ratedByAfterEdit(prev, { ...same, silentParty: "Moscow" }, prevNote, EDITOR)).toBe(EDITOR);
  });

  it("keeps the rater when none of them changes", () => {
    expect(ratedByAfterEdit(prev, same, prevNote, EDITOR)).toBe(RATER);
  });

  it("keeps the rater when the text differs only by surrounding space, or blank against null", () => {
    expect(ratedByAfterEdit(prev, { ...same, verdictNote: ` ${prevNote} ` }, prevNote, EDITOR)).toBe(RATER);
    const noNote = claim({ verdict: "confirmed", ratedById: RATER });
    expect(
      ratedByAfterEdit(noNote, { verdict: "confirmed", verdictNote: "", silentParty: "  " }, null, EDITOR),
    ).toBe(RATER);
  });

  it("keeps an unknown rater unknown when nothing changes", () => {
    const unknown = { ...prev, ratedById: null };
    expect(ratedByAfterEdit(unknown, same, prevNote, EDITOR)).toBeNull();
  });

  it("makes the actor the rater when an unrated claim gets a verdict", () => {
    const unrated = claim({ verdict: "unrated", ratedById: null });
    expect(
      ratedByAfterEdit(unrated, { verdict: "confirmed", verdictNote: null, silentParty: null }, null, EDITOR),
    ).toBe(EDITOR);
  });

  it("returns null when the verdict is unrated", () => {
    expect(
      ratedByAfterEdit(prev, { verdict: "unrated", verdictNote: null, silentParty: null }, prevNote, EDITOR),
    ).toBeNull();
    const unrated = claim({ verdict: "unrated", ratedById: null });
    expect(
      ratedByAfterEdit(
        unrated,
        { verdict: "unrated", verdictNote: "later", silentParty: null },
        null,
        EDITOR,
      ),
    ).toBeNull();
  });

  it("lets the rater approve only after another person re-rates", () => {
    // A reviewer who edits the verdict of a queued claim becomes its rater and so cannot approve it.
    const reviewer = ACTORS.reviewer;
    const ratedBy = ratedByAfterEdit(
      prev,
      { ...same, verdict: "confirmed", silentParty: null },
      prevNote,
      reviewer.id,
    );
    const after = claim({ stage: "in_review", verdict: "confirmed", ratedById: ratedBy });
    expect(outcome(canApprove(reviewer, after))).toBe("four_eyes");
    expect(canApprove(OTHER_REVIEWER, after)).toEqual({ ok: true });
  });
});

describe("review lock", () => {
  const takenAt = new Date("2025-03-01T10:00:00.000Z");
  const at = (ms: number): Date => new Date(takenAt.getTime() + ms);

  it("lasts fifteen minutes", () => {
    expect(REVIEW_LOCK_MS).toBe(900_000);
  });

  it("is inactive when nobody took the claim", () => {
    expect(reviewLockActive(null, takenAt)).toBe(false);
  });

  it("is active from the moment of taking until just before fifteen minutes", () => {
    expect(reviewLockActive(takenAt, at(0))).toBe(true);
    expect(reviewLockActive(takenAt, at(5 * 60 * 1000))).toBe(true);
    expect(reviewLockActive(takenAt, at(REVIEW_LOCK_MS - 1))).toBe(true);
  });

  it("lapses at fifteen minutes and stays lapsed", () => {
    expect(reviewLockActive(takenAt, at(REVIEW_LOCK_MS))).toBe(false);
    expect(reviewLockActive(takenAt, at(REVIEW_LOCK_MS + 1))).toBe(false);
    expect(reviewLockActive(takenAt, at(24 * 60 * 60 * 1000))).toBe(false);
  });

  it("is inactive for an invalid date", () => {
    expect(reviewLockActive(new Date("not a date"), takenAt)).toBe(false);
  });
});
