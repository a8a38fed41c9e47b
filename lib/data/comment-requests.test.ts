// Right of reply at the data layer, on SQLite and PostgreSQL: requests, their computed state from a
// clock the test holds, replies that flag the claim and send it back to its editor, the rule of an
// `uncommented` verdict, and bad input refused with nothing written.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { claimEvents, commentRequests, sourceFiles } from "@/lib/data/tables";
import { incomingFiles, storedFiles } from "@/lib/evidence/files";
import { listCorrections } from "./corrections";
import { sha256 } from "./evidence";
import { publishSummary } from "./publish";
import { getSummaryInput } from "./summary";
import { noCommentSentence, requestLine, timeInputValue } from "@/lib/reply/wording";
import {
  approveClaim,
  createClaim,
  getClaimById,
  getClaimHistory,
  reopenClaim,
  submitClaim,
  updateClaim,
} from "./claims";
import {
  createCommentRequest,
  getRightOfReply,
  recordNotContacted,
  recordReply,
  tellPassedDeadlines,
} from "./comment-requests";
import { listInbox } from "./notifications";
import { cachedUntilWrite, countRows, getDb } from "./connection";
import { commentInsights } from "./insights-replies";
import { claimInput, makeArticle, makeUser, refusal, SAMPLE_BODY } from "@/test/data-helpers";

const QUOTE = "Le Kremlin affirme que ses forces ont pris 12 villages.";
const ZONE = "Europe/Paris";
// 1 December 2030, 14:00 in Paris is 13:00 UTC.
const ASKED = "2030-12-01T14:00";
const ASKED_AT = new Date("2030-12-01T13:00:00Z");
const at = (iso: string) => new Date(iso);

afterEach(() => {
  delete process.env.RIGHT_OF_REPLY;
});

async function setup(extra: Record<string, unknown> = {}) {
  const editor = await makeUser("editor");
  const reviewer = await makeUser("reviewer");
  const article = await makeArticle(editor);
  const claim = await createClaim({
    actor: editor,
    input: claimInput(article.id, SAMPLE_BODY, QUOTE, {
      speaker: "Kremlin",
      verdict: "uncommented",
      silentParty: "Kyiv",
      ...extra,
    }),
  });
  return { editor, reviewer, article, claim };
}

function ask(claimId: number, extra: Record<string, unknown> = {}) {
  return {
    claimId,
    party: "Kyiv",
    contactPressOffice: "Presidential office",
    contactEmail: "press@president.gov.ua",
    channel: "email" as const,
    askedAt: ASKED,
    deadline: "2030-12-01T18:00",
    notes: "",
    ...extra,
  };
}

describe("requests for comment", () => {
  it("is waiting before the deadline and overdue after it, by the clock it is given", async () => {
    const { editor, claim } = await setup();
    const now = at("2030-12-01T15:00:00Z");
    const request = await createCommentRequest({ actor: editor, input: ask(claim.id), now });
    expect(request).toMatchObject({ party: "Kyiv", channel: "email", askedAt: ASKED_AT, state: "waiting" });
    expect(request.deadline).toEqual(at("2030-12-01T17:00:00Z"));

    const later = at("2030-12-01T19:00:00Z");
    const record = await getRightOfReply({ claimId: claim.id, now: later });
    expect(record.requests[0]).toMatchObject({ state: "overdue", overdueMinutes: 120 });
    expect(requestLine(record.requests[0]!, "en", ZONE, later)).toBe(
      "Asked Kyiv by e-mail on 1 Dec at 14:00, deadline 18:00, overdue by 2 h",
    );
    expect(noCommentSentence("Kyiv", record.requests, "fr", ZONE)).toBe(
      "Kyiv n'avait pas répondu à notre sollicitation, envoyée le 1er décembre à 14 h, au moment de la publication",
    );
    expect(noCommentSentence("Kyiv", record.requests, "en", ZONE)).toBe(
      "Kyiv did not respond to a request for comment sent on 1 December at 14:00 by the time of publication",
    );
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.at(-1)).toMatchObject({
      type: "comment_requested",
      after: { party: "Kyiv", channel: "email", askedAt: ASKED_AT.toISOString() },
    });
  });

  it("keeps several requests per party (a follow-up), oldest first", async () => {
    const { editor, claim } = await setup();
    const now = at("2030-12-02T12:00:00Z");
    await createCommentRequest({ actor: editor, input: ask(claim.id), now });
    await createCommentRequest({
      actor: editor,
      input: ask(claim.id, { channel: "phone", askedAt: "2030-12-02T09:00", deadline: "2030-12-02T17:00" }),
      now,
    });
    const record = await getRightOfReply({ claimId: claim.id, now });
    expect(record.requests.map((r) => [r.channel, r.state])).toEqual([
      ["email", "overdue"],
      ["phone", "waiting"],
    ]);
  });

  it("refuses a deadline before the request, a request in the future, an unknown claim: nothing written", async () => {
    const { editor, claim } = await setup();
    const now = at("2030-12-01T15:00:00Z");
    const before = await countRows(getDb(), commentRequests);
    const events = await countRows(getDb(), claimEvents);
    const early = await refusal(
      createCommentRequest({ actor: editor, input: ask(claim.id, { deadline: "2030-12-01T13:00" }), now }),
    );
    expect(early).toMatchObject({ code: "invalid_input", details: { reason: "deadline_before_request" } });
    expect(early.fieldErrors).toEqual({ deadline: ["deadlineBeforeRequest"] });
    const future = await refusal(
      createCommentRequest({
        actor: editor,
        input: ask(claim.id, { askedAt: "2030-12-03T14:00", deadline: "2030-12-03T18:00" }),
        now,
      }),
    );
    expect(future.details?.reason).toBe("asked_in_future");
    const garbled = await refusal(
      createCommentRequest({ actor: editor, input: ask(claim.id, { askedAt: "yesterday" }), now }),
    );
    expect(garbled.fieldErrors).toEqual({ askedAt: ["invalidTime"] });
    const noParty = await refusal(
      createCommentRequest({ actor: editor, input: ask(claim.id, { party: " " }), now }),
    );
    expect(noParty.fieldErrors).toEqual({ party: ["required"] });
    const missing = await refusal(createCommentRequest({ actor: editor, input: ask(999_999), now }));
    expect(missing).toMatchObject({ code: "not_found", details: { reason: "claim_not_found" } });
    expect(await countRows(getDb(), commentRequests)).toBe(before);
    expect(await countRows(getDb(), claimEvents)).toBe(events);
  });
});

describe("replies", () => {
  it("flags the claim and sends a queued claim back to its editor without touching the verdict", async () => {
    // On the real clock: the flag compares the reply's logging with the time the verdict was set.
    const { editor, claim } = await setup();
    const real = Date.now();
    const request = await createCommentRequest({
      actor: editor,
      input: ask(claim.id, {
        askedAt: timeInputValue(new Date(real - 3 * 3600_000), ZONE),
        deadline: timeInputValue(new Date(real - 3600_000), ZONE),
      }),
      now: new Date(real),
    });
    await submitClaim({ actor: editor, id: claim.id });
    const later = new Date();
    const { request: answered, stage } = await recordReply({
      actor: editor,
      input: {
        claimId: claim.id,
        requestId: request.id,
        outcome: "answered",
        text: "The village is still under Ukrainian control.",
        repliedAt: later.toISOString(),
        channel: "email",
      },
      now: later,
    });
    expect(stage).toBe("draft");
    expect(answered).toMatchObject({
      state: "answered",
      reply: { text: "The village is still under Ukrainian control." },
    });
    const after = await getClaimById({ id: claim.id });
    expect(after).toMatchObject({ verdict: "uncommented", silentParty: "Kyiv", stage: "draft" });
    expect((await getRightOfReply({ claimId: claim.id, now: later })).replyReceived).toBe(true);
    expect((await getClaimHistory({ claimId: claim.id })).at(-1)).toMatchObject({
      type: "reply_recorded",
      before: { stage: "in_review" },
      after: { outcome: "answered", party: "Kyiv", stage: "draft" },
    });

    // Re-rating weighs the reply: the flag goes.
    await new Promise((resolve) => setImmediate(resolve));
    await updateClaim({
      actor: editor,
      input: {
        ...claimInput(claim.articleId, SAMPLE_BODY, QUOTE, {
          speaker: "Kremlin",
          verdict: "disputed",
          verdictNote: "Kyiv says the village is under its control.",
        }),
        id: claim.id,
        version: after!.version,
      },
    });
    expect((await getRightOfReply({ claimId: claim.id, now: new Date() })).replyReceived).toBe(false);

    // Logged twice: refused, nothing changed.
    const twice = await refusal(
      recordReply({
        actor: editor,
        input: {
          claimId: claim.id,
          requestId: request.id,
          outcome: "declined",
          repliedAt: later.toISOString(),
          channel: "phone",
        },
        now: new Date(),
      }),
    );
    expect(twice).toMatchObject({ code: "conflict", details: { reason: "reply_already_recorded" } });
  });

  it("keeps an approved claim approved, flagged, with the reply in its history", async () => {
    const { editor, reviewer, claim } = await setup();
    const now = at("2030-12-01T15:00:00Z");
    const request = await createCommentRequest({ actor: editor, input: ask(claim.id), now });
    await submitClaim({ actor: editor, id: claim.id });
    await approveClaim({ actor: reviewer, id: claim.id });
    const later = at("2030-12-02T09:00:00Z");
    const { stage } = await recordReply({
      actor: reviewer,
      input: {
        claimId: claim.id,
        requestId: request.id,
        outcome: "answered",
        text: "We deny it.",
        repliedAt: "2030-12-01T19:00",
        channel: "phone",
      },
      now: later,
    });
    expect(stage).toBe("approved");
    expect((await getClaimById({ id: claim.id }))?.stage).toBe("approved");
    expect((await getRightOfReply({ claimId: claim.id, now: later })).replyReceived).toBe(true);
  });

  it("writes 'declined to comment', flags nothing and leaves the stage", async () => {
    const { editor, claim } = await setup();
    const now = at("2030-12-01T15:00:00Z");
    const request = await createCommentRequest({ actor: editor, input: ask(claim.id), now });
    await submitClaim({ actor: editor, id: claim.id });
    const { stage } = await recordReply({
      actor: editor,
      input: {
        claimId: claim.id,
        requestId: request.id,
        outcome: "declined",
        repliedAt: "2030-12-01T16:00",
        channel: "phone",
      },
      now,
    });
    expect(stage).toBe("in_review");
    const record = await getRightOfReply({ claimId: claim.id, now });
    expect(record.replyReceived).toBe(false);
    expect(noCommentSentence("Kyiv", record.requests, "fr", ZONE)).toBe("Kyiv a refusé de commenter");
    expect(noCommentSentence("Kyiv", record.requests, "en", ZONE)).toBe("Kyiv declined to comment");
  });

  it("refuses a reply to a request of another claim, before the request, or without text", async () => {
    const { editor, claim } = await setup();
    const other = await createClaim({
      actor: editor,
      input: claimInput(claim.articleId, SAMPLE_BODY, QUOTE, { speaker: "Other" }),
    });
    const now = at("2030-12-01T15:00:00Z");
    const request = await createCommentRequest({ actor: editor, input: ask(claim.id), now });
    const reply = (extra: Record<string, unknown>) =>
      recordReply({
        actor: editor,
        input: {
          claimId: claim.id,
          requestId: request.id,
          outcome: "answered" as const,
          text: "No.",
          repliedAt: "2030-12-01T15:30",
          channel: "email" as const,
          ...extra,
        },
        now,
      });
    expect((await refusal(reply({ claimId: other.id }))).details?.reason).toBe("request_of_other_claim");
    expect((await refusal(reply({ repliedAt: "2030-12-01T13:00" }))).details?.reason).toBe(
      "reply_before_request",
    );
    expect((await refusal(reply({ text: "" }))).fieldErrors).toEqual({ text: ["replyTextRequired"] });
    expect((await refusal(reply({ requestId: 999_999 }))).details?.reason).toBe("comment_request_not_found");
    const record = await getRightOfReply({ claimId: claim.id, now });
    expect(record.requests[0]).toMatchObject({ state: "waiting", reply: null });
  });
});

describe("an uncommented verdict needs its right of reply (the default)", () => {
  it("goes to review only when its silent party was asked or recorded as not contacted", async () => {
    const { editor, claim } = await setup();
    const now = at("2030-12-01T15:00:00Z");
    const refused = await refusal(submitClaim({ actor: editor, id: claim.id }));
    expect(refused).toMatchObject({
      code: "needs_silent_party",
      status: 400,
      details: { reason: "needs_right_of_reply", party: "Kyiv" },
    });
    expect((await getClaimById({ id: claim.id }))?.stage).toBe("draft");
    // Asking another party is not asking the silent one.
    await createCommentRequest({ actor: editor, input: ask(claim.id, { party: "Moscow" }), now });
    expect((await refusal(submitClaim({ actor: editor, id: claim.id }))).details?.reason).toBe(
      "needs_right_of_reply",
    );
    await recordNotContacted({
      actor: editor,
      input: {
        claimId: claim.id,
        party: " kyiv ",
        reason: "The office does not answer the desk since 2025.",
      },
      now,
    });
    expect((await submitClaim({ actor: editor, id: claim.id })).stage).toBe("in_review");
  });

  it("refuses a claim created and submitted at once without it, and writes nothing", async () => {
    const { editor, article } = await setup({ verdict: "confirmed", silentParty: "" });
    const before = await countRows(getDb(), claimEvents);
    const refused = await refusal(
      createClaim({
        actor: editor,
        input: claimInput(article.id, SAMPLE_BODY, "12 villages", {
          verdict: "uncommented",
          silentParty: "Kyiv",
          submit: true,
        }),
      }),
    );
    expect(refused.details?.reason).toBe("needs_right_of_reply");
    expect(await countRows(getDb(), claimEvents)).toBe(before);
  });

  it("takes a request to the silent party given with the claim, in the claim's transaction", async () => {
    const { editor, article } = await setup({ verdict: "confirmed", silentParty: "" });
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, "12 villages", {
        verdict: "uncommented",
        silentParty: "Kyiv",
        submit: true,
        rightOfReply: {
          kind: "asked",
          channel: "phone",
          askedAt: "2026-11-20T09:00",
          deadline: "2026-11-20T12:00",
          contactPhone: "+380 44 000 00 00",
        },
      }),
    });
    expect(claim.stage).toBe("in_review");
    const record = await getRightOfReply({ claimId: claim.id, now: at("2026-11-20T10:00:00Z") });
    expect(record.requests).toHaveLength(1);
    // The party is the claim's silent party, written once.
    expect(record.requests[0]).toMatchObject({
      party: "Kyiv",
      channel: "phone",
      askedAt: at("2026-11-20T08:00:00Z"),
      askedBy: { id: editor.id },
      state: "waiting",
      contact: { phone: "+380 44 000 00 00", email: null },
    });
    const types = (await getClaimHistory({ claimId: claim.id })).map((e) => e.type);
    expect(types).toEqual(["created", "comment_requested", "submitted"]);
  });

  it("takes a not-contacted note on update, and refuses bad times or a verdict that is not uncommented", async () => {
    const { editor, claim } = await setup();
    const base = {
      id: claim.id,
      version: claim.version,
      start: claim.start,
      end: claim.end,
      quote: claim.quote,
      statement: claim.statement,
      speaker: claim.speaker ?? "",
      verdict: "uncommented" as const,
      verdictNote: "",
      silentParty: "Kyiv",
      sources: [],
      submit: true,
    };
    const reversed = await refusal(
      updateClaim({
        actor: editor,
        input: {
          ...base,
          rightOfReply: {
            kind: "asked",
            channel: "email",
            askedAt: "2026-11-20T12:00",
            deadline: "2026-11-20T09:00",
          },
        },
      }),
    );
    expect(reversed.fieldErrors).toEqual({ "rightOfReply.deadline": ["deadlineBeforeRequest"] });
    const future = await refusal(
      updateClaim({
        actor: editor,
        input: {
          ...base,
          rightOfReply: {
            kind: "asked",
            channel: "email",
            askedAt: "2099-01-01T12:00",
            deadline: "2099-01-02T12:00",
          },
        },
      }),
    );
    expect(future.fieldErrors).toEqual({ "rightOfReply.askedAt": ["timeInFuture"] });
    const blank = await refusal(
      updateClaim({ actor: editor, input: { ...base, rightOfReply: { kind: "notContacted", reason: " " } } }),
    );
    expect(blank.fieldErrors).toEqual({ "rightOfReply.reason": ["required"] });
    const wrongVerdict = await refusal(
      updateClaim({
        actor: editor,
        input: {
          ...base,
          verdict: "confirmed",
          silentParty: "",
          rightOfReply: { kind: "notContacted", reason: "No press office." },
        },
      }),
    );
    expect(wrongVerdict.fieldErrors).toEqual({ rightOfReply: ["rightOfReplyNeedsUncommented"] });
    // Nothing of the refused saves was written.
    expect(await getDb().select().from(commentRequests).where(eq(commentRequests.claimId, claim.id))).toEqual(
      [],
    );
    expect((await getClaimById({ id: claim.id }))?.version).toBe(claim.version);

    const saved = await updateClaim({
      actor: editor,
      input: { ...base, rightOfReply: { kind: "notContacted", reason: "The ministry has no press office." } },
    });
    expect(saved.stage).toBe("in_review");
    const record = await getRightOfReply({ claimId: claim.id, now: new Date() });
    expect(record.notContacted).toMatchObject([
      { party: "Kyiv", reason: "The ministry has no press office.", recordedBy: { id: editor.id } },
    ]);
  });

  it("is only advice with RIGHT_OF_REPLY=advisory, the opt-out", async () => {
    process.env.RIGHT_OF_REPLY = "advisory";
    const { editor, claim } = await setup();
    expect((await submitClaim({ actor: editor, id: claim.id })).stage).toBe("in_review");
  });

  it("holds when an approved claim is reopened: it enters the queue again", async () => {
    // Approved while the desk had the rule as advice only, then the rule is back.
    process.env.RIGHT_OF_REPLY = "advisory";
    const { editor, reviewer, claim } = await setup();
    const submitted = await submitClaim({ actor: editor, id: claim.id });
    const approved = await approveClaim({ actor: reviewer, id: claim.id, version: submitted.version });
    delete process.env.RIGHT_OF_REPLY;

    const reason = "The figure was revised.";
    const refused = await refusal(
      reopenClaim({ actor: reviewer, input: { id: claim.id, version: approved.version, reason } }),
    );
    expect(refused).toMatchObject({
      code: "needs_silent_party",
      details: { reason: "needs_right_of_reply", party: "Kyiv" },
    });
    const unchanged = await getClaimById({ id: claim.id });
    expect(unchanged).toMatchObject({ stage: "approved", version: approved.version });
    const history = (await getClaimHistory({ claimId: claim.id })).map((e) => e.type);
    expect(history).toContain("approved");
    expect(history).not.toContain("reopened");

    await createCommentRequest({ actor: editor, input: ask(claim.id), now: at("2030-12-01T15:00:00Z") });
    const current = (await getClaimById({ id: claim.id }))!;
    const reopened = await reopenClaim({
      actor: reviewer,
      input: { id: claim.id, version: current.version, reason },
    });
    expect(reopened.stage).toBe("in_review");
  });
});

const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

describe("a document with the reply", () => {
  it("is kept with the reply (type from its content, SHA-256), and a refused reply leaves no file and no row", async () => {
    const { editor, claim } = await setup();
    const now = at("2030-12-01T15:00:00Z");
    const request = await createCommentRequest({ actor: editor, input: ask(claim.id), now });
    const other = await createCommentRequest({
      actor: editor,
      input: ask(claim.id, { party: "Minsk" }),
      now,
    });
    const reply = (requestId: number, extra: Record<string, unknown> = {}) => ({
      claimId: claim.id,
      requestId,
      outcome: "answered" as const,
      text: "See our statement attached.",
      repliedAt: "2030-12-01T16:00",
      channel: "email" as const,
      ...extra,
    });
    const filesBefore = storedFiles().length;
    const rowsBefore = await countRows(getDb(), sourceFiles);

    // Refused before anything is written: a file whose content is not its extension, an empty one.
    const mismatch = await refusal(
      recordReply({
        actor: editor,
        input: reply(request.id),
        now,
        document: { name: "statement.pdf", bytes: new TextEncoder().encode("plain words") },
      }),
    );
    expect(mismatch).toMatchObject({
      code: "unsupported_media_type",
      details: { reason: "file_type_mismatch" },
    });
    const empty = await refusal(
      recordReply({
        actor: editor,
        input: reply(request.id),
        now,
        document: { name: "statement.pdf", bytes: new Uint8Array() },
      }),
    );
    expect(empty.details?.reason).toBe("file_empty");

    const { request: saved } = await recordReply({
      actor: editor,
      input: reply(request.id),
      now,
      document: { name: "../Déclaration officielle.pdf", bytes: PDF },
    });
    expect(saved.reply?.document).toMatchObject({
      kind: "document",
      name: "Déclaration officielle.pdf",
      mediaType: "application/pdf",
      size: PDF.byteLength,
      sha256: sha256(PDF),
    });
    expect(storedFiles()).toHaveLength(filesBefore + 1);
    const record = await getRightOfReply({ claimId: claim.id, now });
    expect(record.requests.find((r) => r.id === request.id)?.reply?.document?.id).toBe(
      saved.reply?.document?.id,
    );
    const event = (await getClaimHistory({ claimId: claim.id })).find((e) => e.type === "reply_recorded");
    expect(event?.after).toMatchObject({ fileId: saved.reply?.document?.id, sha256: sha256(PDF) });

    // Refused inside the transaction (a second reply; another claim's request): the file goes too.
    const twice = await refusal(
      recordReply({
        actor: editor,
        input: reply(request.id),
        now,
        document: { name: "again.pdf", bytes: PDF },
      }),
    );
    expect(twice).toMatchObject({ code: "conflict", details: { reason: "reply_already_recorded" } });
    const early = await refusal(
      recordReply({
        actor: editor,
        input: reply(other.id, { repliedAt: "2030-12-01T10:00" }),
        now,
        document: { name: "early.pdf", bytes: PDF },
      }),
    );
    expect(early.details?.reason).toBe("reply_before_request");
    expect(storedFiles()).toHaveLength(filesBefore + 1);
    expect(incomingFiles()).toEqual([]);
    expect(await countRows(getDb(), sourceFiles)).toBe(rowsBefore + 1);
  });
});

describe("a reply to a published claim", () => {
  it("flags the approved claim for its editor, and changing it then asks for a correction note", async () => {
    const { editor, reviewer, claim } = await setup();
    const now = at("2030-12-01T15:00:00Z");
    const request = await createCommentRequest({ actor: editor, input: ask(claim.id), now });
    await submitClaim({ actor: editor, id: claim.id });
    await approveClaim({ actor: reviewer, id: claim.id });
    await publishSummary({ actor: reviewer, articleId: claim.articleId, channel: "app" });
    const later = at("2030-12-02T09:00:00Z");
    const { stage } = await recordReply({
      actor: editor,
      input: {
        claimId: claim.id,
        requestId: request.id,
        outcome: "answered",
        text: "Kyiv says the villages were retaken on 30 November.",
        repliedAt: "2030-12-02T08:00",
        channel: "email",
      },
      now: later,
    });
    // What went out stays as it went out: the claim stays approved, flagged "reply received".
    expect(stage).toBe("approved");
    const current = (await getClaimById({ id: claim.id }))!;
    expect(current.stage).toBe("approved");
    expect((await getRightOfReply({ claimId: claim.id, now: later })).replyReceived).toBe(true);
    // The reply is among the claim's sources for the new verdict.
    const input = await getSummaryInput({ articleId: claim.articleId, includeUnapproved: true });
    expect(input!.claims[0]!.commentRequests?.[0]).toMatchObject({
      requestId: request.id,
      outcome: "answered",
      replyText: "Kyiv says the villages were retaken on 30 November.",
    });

    const change = {
      id: current.id,
      version: current.version,
      start: current.start,
      end: current.end,
      quote: current.quote,
      statement: current.statement,
      speaker: current.speaker ?? "",
      verdict: "disputed" as const,
      verdictNote: "Kyiv disputes it (reply of 2 December).",
      silentParty: "",
      sources: [],
    };
    const refused = await refusal(updateClaim({ actor: editor, input: change }));
    expect(refused.details?.reason).toBe("correction_note_required");
    const corrected = await updateClaim({
      actor: editor,
      input: { ...change, correctionNote: "Kyiv answered after publication: it disputes the claim." },
    });
    expect(corrected).toMatchObject({ stage: "draft", verdict: "disputed" });
    // The verdict was set again after the reply: the flag is answered.
    expect((await getRightOfReply({ claimId: claim.id, now: later })).replyReceived).toBe(false);
    const log = await listCorrections({ articleId: claim.articleId });
    expect(log).toMatchObject([{ claimId: claim.id, corrects: 1 }]);
  });
});

describe("insights of the right of reply", () => {
  it("counts requests per party, the shares answered, declined and unanswered, the median time to answer", async () => {
    const { editor, claim } = await setup();
    const now = at("2030-12-05T12:00:00Z");
    const r1 = await createCommentRequest({
      actor: editor,
      input: ask(claim.id, { party: "Ministry of Defence" }),
      now,
    });
    const r2 = await createCommentRequest({
      actor: editor,
      input: ask(claim.id, {
        party: "Ministry of Defence",
        askedAt: "2030-12-02T10:00",
        deadline: "2030-12-02T12:00",
      }),
      now,
    });
    const r3 = await createCommentRequest({
      actor: editor,
      input: ask(claim.id, {
        party: "Ministry of Defence",
        askedAt: "2030-12-03T10:00",
        deadline: "2030-12-03T12:00",
      }),
      now,
    });
    await createCommentRequest({
      actor: editor,
      input: ask(claim.id, {
        party: "Foreign Office",
        askedAt: "2030-12-05T12:00",
        deadline: "2030-12-06T12:00",
      }),
      now,
    });
    const reply = (requestId: number, outcome: "answered" | "declined", repliedAt: string) =>
      recordReply({
        actor: editor,
        input: { claimId: claim.id, requestId, outcome, text: "x", repliedAt, channel: "email" },
        now,
      });
    await reply(r1.id, "answered", "2030-12-01T16:00"); // 2 h
    await reply(r2.id, "answered", "2030-12-02T14:00"); // 4 h
    await reply(r3.id, "declined", "2030-12-03T11:00");
    const insights = await commentInsights({ now });
    const kyiv = insights.parties.find((p) => p.party === "Ministry of Defence");
    expect(kyiv).toMatchObject({
      requests: 3,
      answered: 2,
      declined: 1,
      unanswered: 0,
      medianAnswerMinutes: 180,
    });
    expect(insights.parties.find((p) => p.party === "Moscow")).toMatchObject({
      requests: 1,
      unanswered: 1,
      medianAnswerMinutes: null,
    });
    expect(insights.overdue.filter((o) => o.claimId === claim.id)).toEqual([]);
    const next = await commentInsights({ now: at("2030-12-06T13:00:00Z") });
    expect(next.overdue.filter((o) => o.claimId === claim.id)).toMatchObject([
      { party: "Foreign Office", overdueMinutes: 120 },
    ]);
  });
});

describe("a deadline passing without an answer", () => {
  it("is told once to whoever asked, and not for a request that was answered", async () => {
    const { editor, claim } = await setup();
    const asked = await createCommentRequest({
      actor: editor,
      input: ask(claim.id, { askedAt: "2031-03-01T10:00", deadline: "2031-03-01T12:00" }),
      now: at("2031-03-01T09:30:00Z"),
    });
    const answered = await createCommentRequest({
      actor: editor,
      input: ask(claim.id, { party: "Kyiv", askedAt: "2031-03-01T10:00", deadline: "2031-03-01T11:00" }),
      now: at("2031-03-01T09:30:00Z"),
    });
    await recordReply({
      actor: editor,
      input: {
        claimId: claim.id,
        requestId: answered.id,
        outcome: "declined",
        repliedAt: "2031-03-01T10:30",
        channel: "phone",
      },
      now: at("2031-03-01T09:45:00Z"),
    });
    const told = async () =>
      (await listInbox(editor.id)).filter((n) => n.kind === "deadline_passed" && n.claimId === claim.id);

    await tellPassedDeadlines(at("2031-03-01T10:30:00Z"));
    expect(await told()).toEqual([]);
    await tellPassedDeadlines(at("2031-03-01T11:05:00Z"));
    const once = await told();
    expect(once).toHaveLength(1);
    expect(once[0]).toMatchObject({ note: "Kyiv", articleId: claim.articleId });
    await tellPassedDeadlines(at("2031-03-01T12:00:00Z"));
    expect(await told()).toHaveLength(1);
    const [row] = await getDb()
      .select({ told: commentRequests.deadlineToldAt })
      .from(commentRequests)
      .where(eq(commentRequests.id, asked.id));
    expect(row?.told).toEqual(at("2031-03-01T11:05:00Z"));

    // A tick with nothing to tell writes nothing: the pages' read cache is kept.
    let reads = 0;
    const cached = () => cachedUntilWrite("test:deadlines", async () => ++reads);
    await cached();
    expect(await tellPassedDeadlines(at("2031-03-01T13:00:00Z"))).toBe(0);
    await cached();
    expect(reads).toBe(1);
  });
});
