// Two reviewers acting on the same claim at the same moment produce exactly one decision and one
// event; the others are told who was first. Proven in one process (the server's situation: many
// requests on one connection) and across processes sharing the database file.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimEvents } from "@/lib/data/tables";
import { AppError } from "@/lib/errors";
import { approveClaim, createClaim, getClaimById, returnClaim, type ClaimView } from "./claims";
import { getDb } from "./connection";
import { claimInput, makeArticle, makeUser } from "@/test/data-helpers";

const SENTENCES = Array.from(
  { length: 40 },
  (_, i) => `Le porte-parole affirme que ${i + 1} villages ont été repris.`,
);
const BODY = SENTENCES.join("\n\n");

type Outcome = {
  claimId: number;
  op: "approve" | "return";
  actorId: number;
  ok: boolean;
  code?: string;
  message?: string;
};

async function queuedClaims(count: number) {
  const editor = await makeUser("editor");
  const article = await makeArticle(editor, BODY);
  const claims: ClaimView[] = [];
  for (const sentence of SENTENCES.slice(0, count)) {
    claims.push(
      await createClaim({
        actor: editor,
        input: claimInput(article.id, BODY, sentence, {
          verdict: "disputed",
          verdictNote: "Non vérifié",
          submit: true,
        }),
      }),
    );
  }
  return claims;
}

async function makeReviewers(roles: ("reviewer" | "admin")[]) {
  const made: Awaited<ReturnType<typeof makeUser>>[] = [];
  for (const [i, role] of roles.entries()) made.push(await makeUser(role, `Reviewer ${i + 1}`));
  return made;
}

async function decisionEvents(claimIds: number[]) {
  return (await getDb().select().from(claimEvents).where(inArray(claimEvents.claimId, claimIds))).filter(
    (e) => e.type === "approved" || e.type === "returned",
  );
}

/** Exactly one success per claim, matching its stage and its one decision event; every loser told who won. */
async function expectOneOutcomePerClaim(claims: ClaimView[], outcomes: Outcome[]) {
  const events = await decisionEvents(claims.map((c) => c.id));
  for (const claim of claims) {
    const mine = outcomes.filter((o) => o.claimId === claim.id);
    const winners = mine.filter((o) => o.ok);
    expect(winners, `claim ${claim.id}`).toHaveLength(1);
    const winner = winners[0]!;
    const stored = await getClaimById({ id: claim.id });
    expect(stored?.stage).toBe(winner.op === "approve" ? "approved" : "draft");
    expect(stored?.version).toBe(claim.version + 1);
    const claimEventsFor = events.filter((e) => e.claimId === claim.id);
    expect(claimEventsFor).toHaveLength(1);
    expect(claimEventsFor[0]).toMatchObject({
      type: winner.op === "approve" ? "approved" : "returned",
      actorId: winner.actorId,
    });
    for (const loser of mine.filter((o) => !o.ok)) {
      expect(loser.code).toBe("wrong_stage");
      expect(loser.message).toMatch(/^Already (approved|returned) by Reviewer \d\.$/);
    }
  }
}

describe("contention on the queue", () => {
  it("many concurrent approvals and returns give one outcome and one event per claim", async () => {
    const claims = await queuedClaims(30);
    const reviewers = [];
    for (let i = 1; i <= 4; i++)
      reviewers.push(await makeUser(i % 2 ? "reviewer" : "admin", `Reviewer ${i}`));

    const attempts: Promise<Outcome>[] = [];
    for (const claim of claims) {
      for (const [k, actor] of reviewers.entries()) {
        for (const op of k % 2 === 0 ? (["approve", "return"] as const) : (["return", "approve"] as const)) {
          const call =
            op === "approve"
              ? approveClaim({ actor, id: claim.id, version: claim.version })
              : returnClaim({
                  actor,
                  input: { id: claim.id, version: claim.version, note: "Needs a source" },
                });
          attempts.push(
            call.then(
              (): Outcome => ({ claimId: claim.id, op, actorId: actor.id, ok: true }),
              (error: unknown): Outcome => {
                if (!(error instanceof AppError)) throw error;
                return {
                  claimId: claim.id,
                  op,
                  actorId: actor.id,
                  ok: false,
                  code: error.code,
                  message: error.message,
                };
              },
            ),
          );
        }
      }
    }
    const outcomes = await Promise.all(attempts);
    expect(outcomes).toHaveLength(30 * 4 * 2);
    await expectOneOutcomePerClaim(claims, outcomes);
  });

  it(
    "four processes on the same database file give one outcome and one event per claim",
    { timeout: 120_000 },
    async () => {
      const claims = await queuedClaims(40);
      const reviewers = await makeReviewers(["reviewer", "reviewer", "reviewer", "reviewer"]);
      const job = (worker: number) =>
        JSON.stringify({
          worker,
          // Each process acts as every reviewer in turn, so the same person may also race themself.
          reviewers: reviewers.map((r) => ({ id: r.id, role: r.role })),
          claims: claims.map((c) => ({ id: c.id, version: c.version })),
        });

      const workers = [0, 1, 2, 3].map((worker) => {
        const child = spawn(
          "npx",
          // The workers load lib/data, whose modules begin with import "server-only": the same stub as here.
          ["tsx", "--tsconfig", "tsconfig.node.json", path.join("test", "contention-worker.ts"), job(worker)],
          {
            env: { ...process.env },
            stdio: ["pipe", "pipe", "inherit"],
          },
        );
        const lines = readline.createInterface({ input: child.stdout! });
        const outcomes: Outcome[] = [];
        const ready = new Promise<void>((resolve) => {
          lines.on("line", (line) => {
            if (line === "ready") resolve();
            else if (line.startsWith("{")) outcomes.push(JSON.parse(line) as Outcome);
          });
        });
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        return { child, ready, exited, outcomes };
      });

      // All four have opened the database before any of them fires.
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.child.stdin!.end("go\n");
      const codes = await Promise.all(workers.map((w) => w.exited));
      expect(codes).toEqual([0, 0, 0, 0]);

      const outcomes = workers.flatMap((w) => w.outcomes);
      expect(outcomes).toHaveLength(4 * 40 * 4);
      expect(outcomes.filter((o) => !o.ok && o.code !== "wrong_stage")).toEqual([]);
      await expectOneOutcomePerClaim(claims, outcomes);
    },
  );
});
