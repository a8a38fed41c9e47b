import { beforeAll, describe, expect, it } from "vitest";
import { claimEvents } from "@/lib/data/tables";
import { approveClaim, createClaim, returnClaim } from "./claims";
import { getDb } from "./connection";
import { computeInsights, getInsights, median } from "./insights";
import { claimInput, makeArticle, makeUser } from "@/test/data-helpers";

type Person = Awaited<ReturnType<typeof makeUser>>;
let editor: Person;
let reviewer: Person;

const BODY = ["Le Kremlin affirme A.", "Le Kremlin affirme B.", "Kyiv affirme C.", "Kyiv affirme D."].join(
  "\n\n",
);

beforeAll(async () => {
  editor = await makeUser("editor", "Ana Insights");
  reviewer = await makeUser("reviewer", "Ben Insights");
  const article = await makeArticle(editor, BODY);
  const [a, b, c, d] = BODY.split("\n\n");
  const one = await createClaim({
    actor: editor,
    input: claimInput(article.id, BODY, a!, { speaker: "Kremlin", verdict: "disputed", submit: true }),
  });
  await approveClaim({ actor: reviewer, id: one.id });
  const two = await createClaim({
    actor: editor,
    input: claimInput(article.id, BODY, b!, { speaker: "Kremlin", verdict: "confirmed", submit: true }),
  });
  await returnClaim({ actor: reviewer, input: { id: two.id, note: "Source?" } });
  await createClaim({
    actor: editor,
    input: claimInput(article.id, BODY, c!, {
      speaker: "Kyiv",
      verdict: "uncommented",
      silentParty: "Moscou",
    }),
  });
  await createClaim({ actor: editor, input: claimInput(article.id, BODY, d!, { speaker: "Kyiv" }) });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("getInsights", () => {
  it("counts rated claims by week, outlet and speaker", async () => {
    const insights = await getInsights({ weeks: 4 });
    expect(insights.weeks).toHaveLength(4);
    expect(insights.totals.rated).toBe(3);
    expect(insights.verdictsByWeek.at(-1)).toMatchObject({ confirmed: 1, disputed: 1, uncommented: 1 });
    expect(insights.bySpeaker).toEqual([
      { name: "Kremlin", total: 2, confirmed: 1, disputed: 1, uncommented: 0 },
      { name: "Kyiv", total: 1, confirmed: 0, disputed: 0, uncommented: 1 },
    ]);
    expect(insights.byOutlet).toEqual([]); // the test article has no outlet
  });

  it("counts what each reviewer approved or returned, per week", async () => {
    const insights = await getInsights({ weeks: 4 });
    expect(insights.reviewers).toEqual([{ id: reviewer.id, name: "Ben Insights", total: 2 }]);
    expect(insights.reviewsByWeek.at(-1)?.[`r${reviewer.id}`]).toBe(2);
    expect(insights.reviewsByWeek[0]?.[`r${reviewer.id}`]).toBe(0);
    expect(insights.totals).toMatchObject({ approved: 1, returned: 1 });
  });

  it("measures the median time from the last submission to the approval", async () => {
    const now = Date.parse("2030-03-14T12:00:00Z"); // a Thursday
    const hour = 3_600_000;
    const events = [
      // Claim 9001: submitted, returned, resubmitted 2 h before approval (the first wait does not count).
      { claimId: 9001, type: "submitted", at: now - 50 * hour },
      { claimId: 9001, type: "returned", at: now - 40 * hour },
      { claimId: 9001, type: "submitted", at: now - 12 * hour },
      { claimId: 9001, type: "approved", at: now - 10 * hour },
      // Claim 9002: 6 h in the queue. Claim 9003: 30 h, approved the week before.
      { claimId: 9002, type: "submitted", at: now - 9 * hour },
      { claimId: 9002, type: "approved", at: now - 3 * hour },
      { claimId: 9003, type: "submitted", at: now - 8 * 24 * hour - 30 * hour },
      { claimId: 9003, type: "approved", at: now - 8 * 24 * hour },
    ] as const;
    for (const e of events) {
      await getDb()
        .insert(claimEvents)
        .values({
          claimId: e.claimId,
          articleId: 1,
          actorId: reviewer.id,
          type: e.type,
          createdAt: new Date(e.at),
        });
    }
    const insights = await getInsights({ weeks: 2, now: new Date(now) });
    expect(insights.weeks).toEqual(["2030-03-04", "2030-03-11"]);
    expect(insights.approvalByWeek).toEqual([
      { week: "2030-03-04", medianMs: 30 * hour, count: 1 },
      { week: "2030-03-11", medianMs: 4 * hour, count: 2 },
    ]);
    expect(insights.totals.medianApprovalMs).toBe(6 * hour);
  });

  it("puts an event in the week of the newsroom's calendar, across a change of the clocks", async () => {
    // Monday 1 April 2030 begins at 22:00 UTC the day before in Paris (summer time since 31 March):
    // 21:30 UTC is still Sunday, 22:30 UTC already Monday. A week of 7 × 24 h from the previous
    // Monday (23:00 UTC, winter time) would put both in the first week.
    for (const at of ["2030-03-31T21:30:00Z", "2030-03-31T22:30:00Z"]) {
      await getDb()
        .insert(claimEvents)
        .values({
          claimId: 9100,
          articleId: 1,
          actorId: reviewer.id,
          type: "returned",
          note: "Why?",
          createdAt: new Date(at),
        });
    }
    const insights = await getInsights({ weeks: 2, now: new Date("2030-04-03T12:00:00Z") });
    expect(insights.weeks).toEqual(["2030-03-25", "2030-04-01"]);
    expect(insights.reviewsByWeek.map((w) => w[`r${reviewer.id}`])).toEqual([1, 1]);
    expect(insights.totals.returned).toBe(2);
  });

  it("keeps the figures until the next write, and counts that write", async () => {
    const now = new Date("2030-05-15T12:00:00Z");
    const first = await getInsights({ weeks: 4, now });
    expect(await getInsights({ weeks: 4, now })).toEqual(first);
    await getDb()
      .insert(claimEvents)
      .values({
        claimId: 9200,
        articleId: 1,
        actorId: reviewer.id,
        type: "returned",
        note: "Source?",
        createdAt: new Date("2030-05-14T09:00:00Z"),
      });
    const after = await getInsights({ weeks: 4, now });
    expect(after.totals.returned).toBe(first.totals.returned + 1);
    expect(after).toEqual(await computeInsights({ weeks: 4, now }));
  });
});
