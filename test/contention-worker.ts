// One of several processes that approve and return the same claims at once (see
// lib/data/contention.test.ts). It opens the database named by DATABASE_PATH through the data
// layer, the code path of the server actions, says "ready", waits for "go" on stdin, then fires.
// Each outcome is printed as one JSON line.
import readline from "node:readline";
import { approveClaim, returnClaim } from "@/lib/data/claims";
import { closeDb, getDb } from "@/lib/data/connection";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/review/model";

type Job = {
  worker: number;
  reviewers: { id: number; role: Role }[];
  claims: { id: number; version: number }[];
};

const job = JSON.parse(process.argv[2] ?? "{}") as Job;

// A small deterministic shuffle, different for each worker, so the processes meet on the claims in different orders.
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed * 2654435761;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function attempt(
  op: "approve" | "return",
  actor: Job["reviewers"][number],
  claim: Job["claims"][number],
) {
  try {
    if (op === "approve") await approveClaim({ actor, id: claim.id, version: claim.version });
    else
      await returnClaim({
        actor,
        input: { id: claim.id, version: claim.version, note: `Returned by worker ${job.worker}` },
      });
    return { claimId: claim.id, op, actorId: actor.id, ok: true };
  } catch (error) {
    const code = error instanceof AppError ? error.code : "crash";
    return {
      claimId: claim.id,
      op,
      actorId: actor.id,
      ok: false,
      code,
      message: String((error as Error).message),
    };
  }
}

getDb();
process.stdout.write("ready\n");
const input = readline.createInterface({ input: process.stdin });
input.once("line", async () => {
  for (const claim of shuffled(job.claims, job.worker + 1)) {
    for (const [k, actor] of job.reviewers.entries()) {
      const op = (claim.id + job.worker + k) % 2 === 0 ? "approve" : "return";
      process.stdout.write(`${JSON.stringify(await attempt(op, actor, claim))}\n`);
    }
  }
  closeDb();
  input.close();
  process.stdout.write("done\n");
});
