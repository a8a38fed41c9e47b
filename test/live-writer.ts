// Another process writing to the desk's database (see app/api/live/route.test.ts): it creates a
// claim through the data layer for every "go" line on stdin and prints, as one JSON line, the
// claim's id and the time its transaction committed, so that the test measures how long the
// live channel of its own process takes to deliver it.
import readline from "node:readline";
import { createClaim } from "@/lib/data/claims";
import { closeDb } from "@/lib/data/connection";
import type { Role } from "@/lib/review/model";

type Job = { editor: { id: number; role: Role }; articleId: number; body: string; quote: string };
const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const start = job.body.indexOf(job.quote);

const lines = readline.createInterface({ input: process.stdin });
console.log("ready");
let n = 0;
for await (const line of lines) {
  if (line !== "go") break;
  const claim = await createClaim({
    actor: job.editor,
    input: {
      articleId: job.articleId,
      start,
      end: start + job.quote.length,
      quote: job.quote,
      statement: `Written by another process, ${++n}.`,
      speaker: "",
      verdict: "unrated",
      verdictNote: "",
      silentParty: "",
      sources: [],
    },
  });
  console.log(JSON.stringify({ claimId: claim.id, committedAt: Date.now() }));
}
await closeDb();
