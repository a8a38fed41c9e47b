// The right of reply in the summary and exports: the sentence of an `uncommented` verdict built
// from the recorded request, in the article's language and the desk's zone, and the replies listed
// beside the sources.
import { describe, expect, it } from "vitest";
import { makeClaim, makeInput, parseCsv } from "@/test/export-fixtures";
import { CSV_COLUMNS, toCsv } from "./csv";
import { webSource } from "./sources";
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

  it("starts the sentence with a capital when the party is written in lower case", () => {
    const ministry = { ...asked, party: "le ministère des Transports" };
    const claim = makeClaim({
      id: 6,
      verdict: "uncommented",
      silentParty: "le ministère des Transports",
      commentRequests: [ministry],
    });
    const fr = summaryItems(buildSummary(makeInput([claim], { language: "fr" })))[0]!;
    expect(fr.silenceSentence).toBe(
      "Le ministère des Transports n'avait pas répondu à notre sollicitation, envoyée le 1er décembre à 14 h, au moment de la publication.",
    );
  });

  it("says 'declined to comment' and lists the refusal among the sources, as a reply", () => {
    const declined = {
      ...asked,
      requestId: 7,
      outcome: "declined" as const,
      repliedAt: new Date("2026-12-01T15:30:00Z"),
      replyChannel: "phone" as const,
    };
    const input = makeInput([silentClaim([declined])], { language: "fr" });
    const item = summaryItems(buildSummary(input))[0]!;
    expect(item.silenceSentence).toBe("Kyiv a refusé de commenter.");
    expect(item.sources).toMatchObject([
      {
        kind: "reply",
        party: "Kyiv",
        reply: {
          requestId: 7,
          outcome: "declined",
          channel: "phone",
          heading: "Kyiv, 1er décembre à 16 h 30, par téléphone (refus de commenter)",
        },
      },
    ]);
    expect(toHtml(input)).toContain(
      "Réponse de Kyiv, 1er décembre à 16 h 30, par téléphone (refus de commenter)",
    );
    expect(JSON.parse(toJson(input)).verdicts.uncommented.claims[0].sources[0]).toMatchObject({
      kind: "reply",
      reply: { outcome: "declined", repliedAt: "2026-12-01T15:30:00.000Z" },
    });
  });

  it("keeps the plain sentence when nobody was asked", () => {
    const item = summaryItems(buildSummary(makeInput([silentClaim([])], { language: "en" })))[0]!;
    expect(item.silenceSentence).toBe("Kyiv did not comment.");
    expect(item.sources).toEqual([]);
  });
});

describe("a reply as a source of the claim", () => {
  const answered: SummaryCommentRequest = {
    ...asked,
    requestId: 12,
    outcome: "answered",
    repliedAt: new Date("2026-12-02T08:15:00Z"), // 09:15 in Paris
    replyChannel: "email",
    replyText: `The villages were retaken on 30 November.\n\n${"Details follow. ".repeat(30)}`,
    replyDocument: {
      name: "statement.pdf",
      mediaType: "application/pdf",
      size: 2048,
      sha256: "ab".repeat(32),
    },
  };
  const claim = makeClaim({
    id: 9,
    verdict: "disputed",
    sources: [webSource("https://example.org/report", "Report")],
    commentRequests: [asked, answered],
  });

  it("comes after the typed sources with its party, date, channel, an excerpt and its document, in every format", () => {
    const input = makeInput([claim], { language: "en" });
    const item = summaryItems(buildSummary(input))[0]!;
    expect(item.sources.map((s) => s.kind)).toEqual(["web", "reply"]);
    const reply = item.sources[1]!;
    expect(reply.reply?.excerpt?.length).toBeLessThanOrEqual(280);
    expect(reply.reply?.excerpt).toMatch(/^The villages were retaken on 30 November\. Details follow\..*…$/);
    // The JSON carries the whole text and the request it answers; nothing else repeats it.
    const json = JSON.parse(toJson(input)).verdicts.disputed.claims[0];
    expect(json.replies).toBeUndefined();
    expect(json.sources[1]).toMatchObject({
      kind: "reply",
      party: "Kyiv",
      document: { name: "statement.pdf", sha256: "ab".repeat(32) },
      reply: { requestId: 12, outcome: "answered", channel: "email", text: answered.replyText!.trim() },
    });
    const line = "Reply from Kyiv, 2 December at 09:15, by e-mail";
    const md = toMarkdown(input);
    expect(md).toContain(`- ${line} (“The villages were retaken on 30 November. Details follow.`);
    expect(md).toContain(`Document: statement.pdf, SHA-256 ${"ab".repeat(32)}`);
    expect(toHtml(input)).toContain(line);
    const csv = parseCsv(toCsv(input));
    const sources = csv[1]![CSV_COLUMNS.indexOf("sources")]!.split("\n");
    expect(sources[0]).toBe("Report (https://example.org/report)");
    expect(sources[1]).toMatch(new RegExp(`^${line} — “The villages`));
  });

  it("is worded in French for a French article", () => {
    const input = makeInput([claim], { language: "fr" });
    const csv = parseCsv(toCsv(input));
    expect(csv[1]![CSV_COLUMNS.indexOf("sources")]).toContain(
      "Réponse de Kyiv, 2 décembre à 9 h 15, par courriel",
    );
  });
});
