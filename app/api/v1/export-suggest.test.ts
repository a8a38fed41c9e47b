import { describe, expect, it } from "vitest";
import { call, makeTokenUser } from "@/test/api-helpers";
import { approveClaim, createClaim } from "@/lib/data/claims";
import { claimInput, makeArticle, SAMPLE_BODY } from "@/test/data-helpers";
import { apiProblemSchema, apiSuggestResultSchema } from "@/lib/validation/api";
import { GET as exportArticle } from "./articles/[id]/export/route";
import { POST as suggest } from "./suggest/route";

const KREMLIN = "Le Kremlin affirme que ses forces ont pris 12 villages.";
const KYIV = "Kyiv n'a pas commenté ces affirmations.";

async function verifiedArticle() {
  const editor = await makeTokenUser("editor", "Ana Martin");
  const reviewer = await makeTokenUser("reviewer", "Ben Okafor");
  const article = await makeArticle(editor);
  const approved = await createClaim({
    actor: editor,
    input: {
      ...claimInput(article.id, SAMPLE_BODY, KREMLIN),
      statement: "La Russie dit avoir pris 12 villages.",
      speaker: "le Kremlin",
      verdict: "uncommented",
      silentParty: "Kyiv",
      rightOfReply: { kind: "notContacted", reason: "Test: no press office to reach." },
      submit: true,
    },
  });
  await approveClaim({ actor: reviewer, id: approved.id });
  await createClaim({
    actor: editor,
    input: {
      ...claimInput(article.id, SAMPLE_BODY, KYIV),
      statement: "Pas encore vérifiée",
      verdict: "disputed",
    },
  });
  return { editor, article };
}

function exportOf(token: string, id: number, query: string, headers: Record<string, string> = {}) {
  return call(exportArticle, {
    path: `/articles/${id}/export?${query}`,
    token,
    params: { id: String(id) },
    headers,
  });
}

describe("GET /api/v1/articles/{id}/export", () => {
  it("downloads the verified summary in Markdown by default, approved claims only", async () => {
    const { editor, article } = await verifiedArticle();
    const res = await exportOf(editor.token, article.id, "");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z0-9-]+-summary\.md"$/);
    expect(res.text).toContain("La Russie dit avoir pris 12 villages.");
    expect(res.text).toContain("Kyiv");
    expect(res.text).toContain("Ben Okafor");
    expect(res.text).not.toContain("Pas encore vérifiée");
  });

  it("answers in every format with its media type, and adds unapproved claims on request", async () => {
    const { editor, article } = await verifiedArticle();
    const types = {
      md: "text/markdown",
      html: "text/html",
      json: "application/json",
      csv: "text/csv",
      claimreview: "application/ld+json",
    };
    for (const [format, type] of Object.entries(types)) {
      const res = await exportOf(editor.token, article.id, `format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type")?.split(";")[0]).toBe(type);
      expect(res.text.length).toBeGreaterThan(0);
    }
    const json = await exportOf(editor.token, article.id, "format=json");
    expect(() => JSON.parse(json.text)).not.toThrow();
    const all = await exportOf(
      editor.token,
      article.id,
      "format=csv&include=all&separator=semicolon&bom=true",
    );
    expect([...all.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(all.text).toContain("Pas encore vérifiée");
    expect(all.text.split("\r\n")[0]).toContain(";");
  });

  it("writes uncommented claims into ClaimReview only with uncommented=true, linked to the caller's origin", async () => {
    const { editor, article } = await verifiedArticle();
    const plain = await exportOf(editor.token, article.id, "format=claimreview");
    expect(plain.json).toEqual([]);
    const res = await exportOf(editor.token, article.id, "format=claimreview&uncommented=true", {
      "x-forwarded-host": "desk.example.net",
      "x-forwarded-proto": "https",
    });
    const [review] = res.json as { url: string; reviewRating: Record<string, unknown> }[];
    expect(review?.reviewRating).toEqual({
      "@type": "Rating",
      alternateName: "Sans commentaire",
      ratingExplanation: "Kyiv n'a pas commenté.",
    });
    expect(review?.url).toMatch(/^https:\/\/desk\.example\.net\/articles\/\d+#claim-\d+$/);
    expect((await exportOf(editor.token, article.id, "format=claimreview&uncommented=1")).status).toBe(400);
  });

  it("answers 400 for an unknown format and 404 for an unknown article", async () => {
    const { editor, article } = await verifiedArticle();
    const bad = await exportOf(editor.token, article.id, "format=pdf");
    expect(bad.status).toBe(400);
    expect(apiProblemSchema.parse(bad.json).errors?.[0]?.field).toBe("format");
    const missing = await exportOf(editor.token, 999_999, "format=md");
    expect(missing.status).toBe(404);
  });
});

describe("POST /api/v1/suggest", () => {
  it("returns the suggest command's objects with offsets into the normalised text", async () => {
    const editor = await makeTokenUser("editor");
    const raw = `${SAMPLE_BODY.replace("\n\n", "\r\n\r\n\r\n")}  `;
    const res = await call(suggest, {
      method: "POST",
      path: "/suggest",
      token: editor.token,
      body: { text: raw },
    });
    expect(res.status).toBe(200);
    const result = apiSuggestResultSchema.parse(res.json);
    expect(result.text).toBe(SAMPLE_BODY);
    expect(result.language).toBe("fr");
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const s of result.suggestions) expect(result.text.slice(s.start, s.end)).toBe(s.quote);
    const kremlin = result.suggestions.find((s) => s.quote === KREMLIN);
    expect(kremlin).toMatchObject({ verdict: "uncommented", silentParty: "Kyiv" });
  });

  it("leaves out suggestions below minScore", async () => {
    const editor = await makeTokenUser("editor");
    const res = await call(suggest, {
      method: "POST",
      path: "/suggest",
      token: editor.token,
      body: { text: SAMPLE_BODY, language: "fr", minScore: 1 },
    });
    expect(apiSuggestResultSchema.parse(res.json).suggestions.every((s) => s.score >= 1)).toBe(true);
  });

  it("answers 400 naming the text field for an empty or too long text", async () => {
    const editor = await makeTokenUser("editor");
    const empty = await call(suggest, {
      method: "POST",
      path: "/suggest",
      token: editor.token,
      body: { text: " \n " },
    });
    expect(empty.status).toBe(400);
    expect(apiProblemSchema.parse(empty.json).errors?.[0]?.field).toBe("text");
    const long = await call(suggest, {
      method: "POST",
      path: "/suggest",
      token: editor.token,
      body: { text: "mot ".repeat(60_000) },
    });
    expect(long.status).toBe(400);
    expect(apiProblemSchema.parse(long.json).errors?.[0]).toMatchObject({
      field: "text",
      code: "bodyTooLong",
    });
  });
});
