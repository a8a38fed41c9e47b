// The right of reply in the summary and exports: the sentence of an `uncommented` verdict built
// from the recorded request, in the article's language and the desk's zone, and the replies listed
// beside the sources.
import { describe, expect, it } from "vitest";
import { makeClaim, makeInput } from "@/test/export-fixtures";
import { toHtml } from "./html";
import { toJson } from "./json";
import { toMarkdown } from "./markdown";
import { buildSummary, summaryItems } from "./summary";
import type { SummaryCommentRequest } from "./types";

const asked: SummaryCommentRequest = {
  party: "Kyiv",
  channel: "email",
  askedAt: new Date("2026-12-01T13:00:00Z"), // 14:00 in Paris
  deadline: new Date("2026-12-01T17:00:00Z"),
  outcome: null,
  repliedAt: null,
  replyChannel: null,
  replyText: null,
};

function silentClaim(requests: SummaryCommentRequest[]) {
  return makeClaim({ id: 5, verdict: "uncommented", silentParty: "Kyiv", commentRequests: requests });
}

describe("the sentence of an uncommented verdict", () => {
  it("reads the recorded request in French and in English", () => {
    const fr = summaryItems(buildSummary(makeInput([silentClaim([asked])], { language: "fr" })))[0]!;
    expect(fr.silenceSentence).toBe(
      "Kyiv n'avait pas répondu à notre sollicitation, envoyée le 1er décembre à 14 h, au moment de la publication.",
    );
    const en = summaryItems(buildSummary(makeInput([silentClaim([asked])], { language: "en" })))[0]!;
    expect(en.silenceSentence).toBe(
      "Kyiv did not respond to a request for comment sent on 1 December at 14:00 by the time of publication.",
    );
    expect(toMarkdown(makeInput([silentClaim([asked])], { language: "en" }))).toContain(
      "*Kyiv did not respond to a request for comment sent on 1 December at 14:00 by the time of publication.*",
    );
  });

  it("says 'declined to comment' and lists the refusal among the replies", () => {
    const declined = {
      ...asked,
      outcome: "declined" as const,
      repliedAt: new Date("2026-12-01T15:30:00Z"),
      replyChannel: "phone" as const,
    };
    const input = makeInput([silentClaim([declined])], { language: "fr" });
    const item = summaryItems(buildSummary(input))[0]!;
    expect(item.silenceSentence).toBe("Kyiv a refusé de commenter.");
    expect(item.replies).toMatchObject([
      {
        party: "Kyiv",
        outcome: "declined",
        heading: "Kyiv, 1er décembre à 16 h 30, par téléphone (refus de commenter)",
      },
    ]);
    expect(toHtml(input)).toContain("Réponses");
    expect(JSON.parse(toJson(input)).verdicts.uncommented.claims[0].replies[0]).toMatchObject({
      outcome: "declined",
      repliedAt: "2026-12-01T15:30:00.000Z",
    });
  });

  it("keeps the plain sentence when nobody was asked", () => {
    const item = summaryItems(buildSummary(makeInput([silentClaim([])], { language: "en" })))[0]!;
    expect(item.silenceSentence).toBe("Kyiv did not comment.");
    expect(item.replies).toEqual([]);
  });
});
