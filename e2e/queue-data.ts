// Queue state for browser tests, prepared through the data layer on the test server's own database
// file (e2e/data.ts points DATABASE_PATH at it; SQLite in WAL mode serves both processes).
import { closeDb } from "./data";
import { createArticle } from "@/lib/data/articles";
import { approveClaim, createClaim, getClaimById, getClaimHistory } from "@/lib/data/claims";
import { getUserCredentialsByEmail } from "@/lib/data/users";
import { ACCOUNTS } from "./accounts";
import type { AccountKey } from "./helpers";

export { closeDb };

/** The demo account as the data layer's actor. */
export async function actor(key: AccountKey) {
  const user = await getUserCredentialsByEmail({ email: ACCOUNTS[key].email });
  if (!user) throw new Error(`No demo account ${key}`);
  return { id: user.id, role: user.role };
}

let serial = 0;

/**
 * An article of one sentence per entry of `ratedBy`, each a claim rated by that account and
 * submitted by it to the queue, plus `spare` sentences left without a claim (for a test to claim
 * through the UI). The title is unique, so a test can filter the queue to its own claims.
 */
export async function queuedClaims(ratedBy: AccountKey[], label = "Queue test", { spare = 0 } = {}) {
  const stamp = `${Date.now().toString(36)}-${++serial}`;
  const sentences = ratedBy.map(
    (_, i) => `Le porte-parole affirme que ${i + 1} ponts ont été rouverts (${stamp}).`,
  );
  const spares = Array.from(
    { length: spare },
    (_, i) => `Selon la mairie, ${i + 1} écoles resteront fermées jusqu'à lundi (${stamp}).`,
  );
  const body = [...sentences, ...spares].join("\n\n");
  const author = await actor("editor");
  const article = await createArticle({
    actor: author,
    input: {
      title: `${label} ${stamp}`,
      outlet: "",
      url: "",
      language: "fr",
      publishedAt: "",
      body,
      bodyFormat: "text",
    },
  });
  const made = [];
  for (const [i, key] of ratedBy.entries()) {
    const quote = sentences[i]!;
    const start = body.indexOf(quote);
    const claim = await createClaim({
      actor: await actor(key),
      input: {
        articleId: article.id,
        start,
        end: start + quote.length,
        quote,
        statement: `${i + 1} ponts rouverts (${stamp})`,
        speaker: "le porte-parole",
        verdict: i % 2 === 0 ? "confirmed" : "disputed",
        verdictNote: "Vérifié auprès de la préfecture.",
        silentParty: "",
        sources: [],
        submit: true,
      },
    });
    made.push({ id: claim.id, statement: claim.statement, ratedBy: key });
  }
  return {
    articleId: article.id,
    title: `${label} ${stamp}`,
    claims: made,
    spares,
    queueUrl: `/queue?article=${article.id}`,
  };
}

export async function claimState(id: number) {
  const claim = await getClaimById({ id });
  const history = await getClaimHistory({ claimId: id });
  return {
    stage: claim?.stage,
    version: claim?.version,
    events: history.map((e) => e.type),
    approvedBy: claim?.approvedBy?.name,
  };
}

/** Decides a claim outside the UI, to leave the shared queue as the test found it. */
export async function approveAs(who: AccountKey, id: number) {
  await approveClaim({ actor: await actor(who), id });
}
