import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { articles, claims } from "@/lib/data/tables";
import { bulkExportChunks, buildSummary, textStream, toMarkdown } from "@/lib/export";
import { createArticle } from "./articles";
import { approveClaim, createClaim } from "./claims";
import { getDb, withTransaction } from "./connection";
import {
  countVerifiedArticles,
  getSummaryInput,
  iterateVerifiedSummaryInputs,
  type DateRange,
} from "./summary";
import { claimInput, makeUser } from "@/test/data-helpers";

const BODY = [
  "Le Kremlin affirme que ses forces ont pris 12 villages.",
  "Kyiv n'a pas commenté ces affirmations.",
  "Selon l'ONU, 1 800 civils ont fui la région.",
].join("\n\n");

type Actor = { id: number; role: "editor" | "reviewer" | "admin"; name: string };

async function people() {
  return {
    editor: await makeUser("editor", "Ana Martin"),
    reviewer: await makeUser("reviewer", "Ben Okafor"),
  };
}

async function article(
  actor: Actor,
  publishedAt = "2026-11-24",
  title = "Le Kremlin revendique 12 villages",
) {
  return createArticle({
    actor,
    input: {
      title,
      outlet: "Le Courrier",
      url: "",
      language: "fr",
      publishedAt,
      body: BODY,
      bodyFormat: "text",
    },
  });
}

/** A rated claim in the queue; approved by `approver` when given. */
async function claim(articleId: number, quote: string, editor: Actor, approver?: Actor, extra = {}) {
  const view = await createClaim({
    actor: editor,
    input: claimInput(articleId, BODY, quote, { verdict: "confirmed", submit: true, ...extra }),
  });
  return approver ? approveClaim({ actor: approver, id: view.id }) : view;
}

/** An article whose claims are all approved. */
async function verifiedArticle(editor: Actor, reviewer: Actor, publishedAt: string, title?: string) {
  const { id } = await article(editor, publishedAt, title);
  await claim(id, "Le Kremlin affirme que ses forces ont pris 12 villages.", editor, reviewer);
  return id;
}

async function ids(range: DateRange, batchSize?: number): Promise<number[]> {
  const out: number[] = [];
  for await (const batch of iterateVerifiedSummaryInputs({ range, batchSize })) {
    out.push(...batch.map((input) => input.article.id));
  }
  return out;
}

const savedEnv = { ...process.env };
afterEach(() => {
  for (const key of ["ORG_NAME", "ORG_URL", "APP_URL", "TIME_ZONE"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe("getSummaryInput", () => {
  it("returns nothing for an article that does not exist", async () => {
    expect(await getSummaryInput({ articleId: 999_999, includeUnapproved: true })).toBeUndefined();
  });

  it("keeps only approved claims unless asked for the others", async () => {
    const { editor, reviewer } = await people();
    const { id } = await article(editor);
    const approved = await claim(
      id,
      "Le Kremlin affirme que ses forces ont pris 12 villages.",
      editor,
      reviewer,
    );
    const pending = await claim(id, "Selon l'ONU, 1 800 civils ont fui la région.", editor);

    const verified = await getSummaryInput({ articleId: id, includeUnapproved: false });
    expect(verified?.includeUnapproved).toBe(false);
    expect(verified?.claims.map((c) => c.id)).toEqual([approved.id]);

    const all = await getSummaryInput({ articleId: id, includeUnapproved: true });
    expect(all?.includeUnapproved).toBe(true);
    expect(all?.claims.map((c) => [c.id, c.stage])).toEqual([
      [approved.id, "approved"],
      [pending.id, "in_review"],
    ]);
    expect(buildSummary(all!).counts).toMatchObject({ total: 2, unverified: 1 });
  });

  it("names who rated and who approved each claim, and when", async () => {
    const { editor, reviewer } = await people();
    const { id } = await article(editor);
    const approved = await claim(
      id,
      "Le Kremlin affirme que ses forces ont pris 12 villages.",
      editor,
      reviewer,
      {
        speaker: "le Kremlin",
        verdict: "uncommented",
        silentParty: "Kyiv",
        verdictNote: "Relancé deux fois.",
        rightOfReply: { kind: "notContacted", reason: "Test: no press office to reach." },
        sources: [
          { url: "https://example.org/b", title: "Second" },
          { url: "https://example.org/a", title: "" },
        ],
      },
    );
    const input = await getSummaryInput({ articleId: id, includeUnapproved: false });
    const [item] = input!.claims;
    expect(item).toMatchObject({
      speaker: "le Kremlin",
      verdict: "uncommented",
      silentParty: "Kyiv",
      verdictNote: "Relancé deux fois.",
      stage: "approved",
      ratedBy: { name: "Ana Martin" },
      approvedBy: { name: "Ben Okafor" },
      sources: [
        { url: "https://example.org/b", title: "Second" },
        { url: "https://example.org/a", title: null },
      ],
    });
    expect(item?.ratedAt).toEqual(approved.ratedAt);
    expect(item?.approvedAt).toEqual(approved.approvedAt);
    expect(item?.approvedAt?.getTime()).toBeGreaterThanOrEqual(item?.ratedAt?.getTime() ?? Infinity);
    expect(toMarkdown(input!)).toContain("Kyiv n'a pas commenté.");
  });

  it("reads the article and the publisher from the settings", async () => {
    process.env.ORG_NAME = "Le Courrier — vérification";
    process.env.ORG_URL = "https://verif.example.org";
    process.env.APP_URL = "https://desk.example.org";
    const { editor } = await people();
    const { id } = await article(editor, "2026-11-20", "Titre « exact »");
    const generatedAt = new Date("2026-12-01T08:00:00Z");
    const input = await getSummaryInput({ articleId: id, includeUnapproved: false, generatedAt });
    expect(input).toEqual({
      article: {
        id,
        title: "Titre « exact »",
        outlet: "Le Courrier",
        url: null,
        language: "fr",
        publishedAt: "2026-11-20",
      },
      claims: [],
      includeUnapproved: false,
      organisation: { name: "Le Courrier — vérification", url: "https://verif.example.org" },
      appUrl: "https://desk.example.org",
      timeZone: "Europe/Paris",
      generatedAt,
    });
  });
});

describe("bulk export of verified articles", () => {
  it("takes verified articles only: with claims, all of them approved", async () => {
    const { editor, reviewer } = await people();
    const range = { from: "2031-01-01", to: "2031-01-31" };
    const verified = await verifiedArticle(editor, reviewer, "2031-01-10");
    const { id: mixed } = await article(editor, "2031-01-10");
    await claim(mixed, "Le Kremlin affirme que ses forces ont pris 12 villages.", editor, reviewer);
    await claim(mixed, "Selon l'ONU, 1 800 civils ont fui la région.", editor);
    await article(editor, "2031-01-10");

    expect(await ids(range)).toEqual([verified]);
    expect(await countVerifiedArticles(range)).toEqual({ articles: 1, claims: 1 });
  });

  it("includes both ends of the range by publication date", async () => {
    const { editor, reviewer } = await people();
    const before = await verifiedArticle(editor, reviewer, "2032-02-29");
    const first = await verifiedArticle(editor, reviewer, "2032-03-01");
    const last = await verifiedArticle(editor, reviewer, "2032-03-31");
    const after = await verifiedArticle(editor, reviewer, "2032-04-01");
    expect(await ids({ from: "2032-03-01", to: "2032-03-31" })).toEqual([first, last]);
    expect(await ids({ from: "2032-02-29", to: "2032-04-01" })).toEqual([before, first, last, after]);
    expect(await ids({ from: "2032-03-31", to: "2032-03-31" })).toEqual([last]);
  });

  it("uses the day of creation in the newsroom's time zone when there is no publication date", async () => {
    process.env.TIME_ZONE = "Europe/Paris";
    const { editor, reviewer } = await people();
    const id = await verifiedArticle(editor, reviewer, "");
    // 23:30 UTC on 24 November is already 25 November in Paris.
    await getDb()
      .update(articles)
      .set({ createdAt: new Date("2033-11-24T23:30:00Z") })
      .where(eq(articles.id, id));
    expect(await ids({ from: "2033-11-25", to: "2033-11-25" })).toEqual([id]);
    expect(await ids({ from: "2033-11-24", to: "2033-11-24" })).toEqual([]);
    process.env.TIME_ZONE = "UTC";
    expect(await ids({ from: "2033-11-24", to: "2033-11-24" })).toEqual([id]);
  });

  it("gives each article the same input as its own summary", async () => {
    const { editor, reviewer } = await people();
    const id = await verifiedArticle(editor, reviewer, "2034-05-05");
    await claim(id, "Selon l'ONU, 1 800 civils ont fui la région.", editor, reviewer, {
      verdict: "disputed",
      sources: [{ url: "https://example.org/onu", title: "HCR" }],
    });
    const generatedAt = new Date("2034-06-01T00:00:00Z");
    const batches = iterateVerifiedSummaryInputs({
      range: { from: "2034-05-05", to: "2034-05-05" },
      generatedAt,
    });
    const first = await batches.next();
    expect(first.done).toBe(false);
    const [bulk] = first.value ?? [];
    expect(bulk).toEqual(await getSummaryInput({ articleId: id, includeUnapproved: false, generatedAt }));
  });

  it(
    "streams thousands of articles in bounded batches, reading each batch only when asked",
    { timeout: 60_000 },
    async () => {
      const { editor, reviewer } = await people();
      const now = new Date();
      const total = 2500;
      // Inserted directly, 500 rows a statement: through createArticle and approveClaim it would
      // take minutes.
      await withTransaction(async (tx) => {
        for (let from = 1; from <= total; from += 500) {
          const numbers = Array.from({ length: Math.min(500, total - from + 1) }, (_, k) => from + k);
          const made = await tx
            .insert(articles)
            .values(
              numbers.map((i) => ({
                title: `Article ${i}, « guillemets »\nsur deux lignes`,
                outlet: "Le Courrier",
                language: "fr" as const,
                publishedAt: "2035-01-15",
                body: BODY,
                createdById: editor.id,
                createdAt: now,
                updatedAt: now,
              })),
            )
            .returning({ id: articles.id });
          await tx.insert(claims).values(
            made.map(({ id: articleId }, k) => ({
              articleId,
              start: 0,
              end: 9,
              quote: "Le Kremlin",
              statement: `Affirmation ${numbers[k]}`,
              verdict: "confirmed" as const,
              stage: "approved" as const,
              ratedById: editor.id,
              ratedAt: now,
              approvedById: reviewer.id,
              approvedAt: now,
              createdById: editor.id,
              createdAt: now,
              updatedById: editor.id,
              updatedAt: now,
            })),
          );
        }
      });
      const range = { from: "2035-01-15", to: "2035-01-15" };
      expect(await countVerifiedArticles(range)).toEqual({ articles: total, claims: total });

      const batchSize = 300;
      const source = iterateVerifiedSummaryInputs({ range, batchSize });
      const sizes: number[] = [];
      async function* observed() {
        for await (const batch of source) {
          sizes.push(batch.length);
          yield batch;
        }
      }
      const reader = textStream(bulkExportChunks("jsonl", observed())).getReader();
      const decoder = new TextDecoder();
      let text = "";
      const first = await reader.read();
      text += decoder.decode(first.value, { stream: true });
      // One batch read, not the whole range: an article verified now still comes in a later batch.
      expect(sizes).toEqual([batchSize]);
      const late = await verifiedArticle(editor, reviewer, "2035-01-15", "Arrivé pendant l'export");

      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        text += decoder.decode(chunk.value, { stream: true });
      }
      const lines = text.split("\n");
      expect(lines.pop()).toBe("");
      expect(lines).toHaveLength(total + 1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(batchSize);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total + 1);
      const parsed = lines.map((line) => JSON.parse(line) as { article: { id: number; title: string } });
      expect(new Set(parsed.map((doc) => doc.article.id)).size).toBe(total + 1);
      expect(parsed.at(-1)?.article.id).toBe(late);
      expect(parsed[0]?.article.title).toBe("Article 1, « guillemets »\nsur deux lignes");
    },
  );
});
