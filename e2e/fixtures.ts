// State for browser tests, prepared through the data layer on the test server's own database file
// (playwright.config.ts names it in E2E_DATABASE_PATH; SQLite in WAL mode serves both processes).
// Use it for what the UI does not offer yet, or would make a test slow; then act through the UI.
import { ACCOUNTS } from "./accounts";
import type { AccountKey } from "./helpers";

async function data() {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error("E2E_DATABASE_PATH is not set: run the tests through playwright.config.ts");
  process.env.DATABASE_PATH = file;
  const [articles, claims, users, queue] = await Promise.all([
    import("@/lib/data/articles"),
    import("@/lib/data/claims"),
    import("@/lib/data/users"),
    import("@/lib/data/queue"),
  ]);
  return { articles, claims, users, queue };
}

/** The demo account as the data layer's actor. */
export async function actor(key: AccountKey) {
  const { users } = await data();
  const user = await users.getUserCredentialsByEmail({ email: ACCOUNTS[key].email });
  if (!user) throw new Error(`No demo account ${key}`);
  return { id: user.id, role: user.role };
}

let serial = 0;

/**
 * An article of `ratedBy.length` sentences, each a claim rated by the given account and submitted
 * by it to the queue. The title is unique, so a test can filter the queue to its own claims.
 */
export async function queuedClaims(ratedBy: AccountKey[], label = "Queue test") {
  const { articles, claims } = await data();
  const stamp = `${Date.now().toString(36)}-${++serial}`;
  const sentences = ratedBy.map(
    (_, i) => `Le porte-parole affirme que ${i + 1} ponts ont été rouverts (${stamp}).`,
  );
  const body = sentences.join("\n\n");
  const author = await actor("editor");
  const article = await articles.createArticle({
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
    const claim = await claims.createClaim({
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
    queueUrl: `/queue?article=${article.id}`,
  };
}

export async function claimState(id: number) {
  const { claims } = await data();
  const claim = await claims.getClaimById({ id });
  const history = await claims.getClaimHistory({ claimId: id });
  return {
    stage: claim?.stage,
    version: claim?.version,
    events: history.map((e) => e.type),
    approvedBy: claim?.approvedBy?.name,
  };
}
