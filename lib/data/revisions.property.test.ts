// Through the database, over successive random revisions: a claim that is not flagged always sits
// on its own quote in the latest body, and a flagged one keeps the words it was written on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getArticleById } from "./articles";
import { createClaim, listClaimsForArticle } from "./claims";
import { addRevision } from "./revisions";
import { ARTICLE } from "@/lib/text/reanchor.cases";
import { claimInput, makeArticle, makeUser } from "@/test/data-helpers";

const QUOTES = [
  "la Russie avait tiré plus de 1 800 drones sur l'Ukraine",
  "avoir abattu 42 drones ukrainiens",
  "trois personnes ont été tuées à Odessa",
  "Le Kremlin n'a pas répondu aux sollicitations de notre rédaction.",
  "Volodymyr Zelensky",
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom("insert", "delete", "replace"),
  length: fc.integer({ min: 1, max: 40 }),
  text: fc.constantFrom("Mis à jour : ", "1 900 ", "selon Kyiv, ", "drones ", "\n\n", "Odessa ", "« "),
});

function apply(body: string, edits: { at: number; kind: string; length: number; text: string }[]): string {
  let out = body;
  for (const e of edits) {
    const i = Math.floor(e.at * out.length);
    if (e.kind === "insert") out = out.slice(0, i) + e.text + out.slice(i);
    else if (e.kind === "delete") out = out.slice(0, i) + out.slice(i + e.length);
    else out = out.slice(0, i) + e.text + out.slice(i + e.length);
  }
  return out;
}

describe("re-anchoring over random revisions (property, both databases)", () => {
  it("never leaves an unflagged claim on words other than its quote", async () => {
    const editor = await makeUser("editor");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        async (revisions) => {
          const article = await makeArticle(editor, ARTICLE);
          for (const quote of QUOTES) {
            await createClaim({ actor: editor, input: claimInput(article.id, ARTICLE, quote) });
          }
          let body = ARTICLE;
          for (const edits of revisions) {
            body = apply(body, edits);
            if (body.trim() === "") return;
            await addRevision({ actor: editor, articleId: article.id, input: { source: "paste", body } });
          }
          const latest = (await getArticleById({ id: article.id }))!.body;
          for (const claim of await listClaimsForArticle({ articleId: article.id })) {
            if (claim.anchorState === "exact") expect(latest.slice(claim.start, claim.end)).toBe(claim.quote);
            else expect(QUOTES).toContain(claim.quote);
            if (claim.anchorProposal?.state === "changed") {
              const p = claim.anchorProposal;
              expect(latest.slice(p.start, p.end)).toBe(p.quote);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
