import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { approveClaim, createClaim, getClaimById, getClaimHistory } from "./claims";
import { dialect } from "./connection";
import { search } from "./search";
import { getSpeaker, listSpeakerStats, mergeSpeakers, suggestSpeakerMerges } from "./speakers";
import { claimInput, makeArticle, makeUser, rawRows } from "@/test/data-helpers";
import { parseSearchParams } from "@/lib/validation/search";

type Person = Awaited<ReturnType<typeof makeUser>>;
let editor: Person;
let reviewer: Person;
let admin: Person;
const ids: Record<string, number> = {};

const BODY = [
  "Zelensky demande des missiles.",
  "Volodymyr Zelensky se rend à Washington.",
  "Le président ukrainien Volodymyr Zelensky remercie ses alliés.",
  "Le Kremlin dément.",
].join("\n\n");

beforeAll(async () => {
  editor = await makeUser("editor", "Ana Speakers");
  reviewer = await makeUser("reviewer", "Ben Speakers");
  admin = await makeUser("admin", "Chloé Speakers");
  const article = await makeArticle(editor, BODY);
  const [a, b, c, d] = BODY.split("\n\n");
  const approved = await createClaim({
    actor: editor,
    input: claimInput(article.id, BODY, a!, { speaker: "Zelensky", verdict: "confirmed", submit: true }),
  });
  ids.approved = (await approveClaim({ actor: reviewer, id: approved.id })).id;
  ids.middle = (
    await createClaim({
      actor: editor,
      input: claimInput(article.id, BODY, b!, { speaker: "Volodymyr Zelensky" }),
    })
  ).id;
  ids.long = (
    await createClaim({
      actor: editor,
      input: claimInput(article.id, BODY, c!, {
        speaker: "le président ukrainien Volodymyr Zelensky",
        verdict: "disputed",
        submit: true,
      }),
    })
  ).id;
  ids.other = (
    await createClaim({ actor: editor, input: claimInput(article.id, BODY, d!, { speaker: "Kremlin" }) })
  ).id;
});

describe("speakers", () => {
  it("lists speakers with claim and verdict counts", async () => {
    const stats = await listSpeakerStats();
    expect(stats.find((s) => s.name === "Zelensky")).toMatchObject({
      total: 1,
      approved: 1,
      byVerdict: { confirmed: 1, disputed: 0, uncommented: 0, unrated: 0 },
    });
    expect(stats.find((s) => s.name === "Kremlin")?.byVerdict.unrated).toBe(1);
  });

  it("suggests the three names of one speaker as one group", async () => {
    const groups = (await suggestSpeakerMerges()).map((g) => g.map((s) => s.name).sort());
    expect(groups).toContainEqual(
      ["Volodymyr Zelensky", "Zelensky", "le président ukrainien Volodymyr Zelensky"].sort(),
    );
    expect(groups.flat()).not.toContain("Kremlin");
  });

  it("refuses a merge by an editor, and an empty merge", async () => {
    await expect(
      mergeSpeakers({ actor: editor, input: { from: ["Zelensky"], to: "Volodymyr Zelensky" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      mergeSpeakers({ actor: reviewer, input: { from: ["Volodymyr Zelensky"], to: "Volodymyr Zelensky" } }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(mergeSpeakers({ actor: reviewer, input: { from: [], to: "X" } })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("renames the claims, bumps their versions, writes history and keeps approvals", async () => {
    const before = await Promise.all(
      [ids.approved!, ids.long!, ids.middle!].map((id) => getClaimById({ id })),
    );
    const result = await mergeSpeakers({
      actor: admin,
      input: { from: ["Zelensky", "le président ukrainien Volodymyr Zelensky"], to: "Volodymyr Zelensky" },
    });
    expect(result).toEqual({ renamed: 2, to: "Volodymyr Zelensky" });

    const approved = await getClaimById({ id: ids.approved! });
    expect(approved).toMatchObject({
      speaker: "Volodymyr Zelensky",
      stage: "approved",
      verdict: "confirmed",
    });
    expect(approved?.version).toBe(before[0]!.version + 1);
    expect(approved?.approvedBy?.id).toBe(reviewer.id);
    expect(approved?.updatedBy?.id).toBe(admin.id);

    const queued = await getClaimById({ id: ids.long! });
    expect(queued).toMatchObject({ speaker: "Volodymyr Zelensky", stage: "in_review" });
    expect(queued?.version).toBe(before[1]!.version + 1);

    // The claim already carrying the canonical name is not touched.
    expect((await getClaimById({ id: ids.middle! }))?.version).toBe(before[2]!.version);

    const history = await getClaimHistory({ claimId: ids.approved! });
    expect(history.at(-1)).toMatchObject({
      type: "edited",
      actor: { id: admin.id },
      before: { speaker: "Zelensky" },
      after: { speaker: "Volodymyr Zelensky" },
    });
    expect(history.map((e) => e.type)).toEqual(["created", "submitted", "approved", "edited"]);

    expect((await getSpeaker({ name: "Volodymyr Zelensky" }))?.stats.total).toBe(3);
    expect(await getSpeaker({ name: "Zelensky" })).toBeUndefined();
    const names = (await listSpeakerStats()).map((s) => s.name);
    expect(names).not.toContain("Zelensky");
  });

  it("reindexes the renamed speaker for search", async () => {
    // The index itself: FTS5's speaker column, or the tsvector's C lexemes on PostgreSQL.
    const inSpeaker = async (word: string) =>
      (
        await rawRows<{ id: number }>(
          dialect() === "postgres"
            ? sql`SELECT id FROM claims WHERE search @@ to_tsquery('simple', ${`${word}:C`})`
            : sql`SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH ${`speaker : "${word}"`}`,
        )
      ).map((r) => r.id);
    expect(await inSpeaker("ukrainien")).not.toContain(ids.long);
    expect(await inSpeaker("volodymyr")).toEqual(
      expect.arrayContaining([ids.approved, ids.middle, ids.long]),
    );
    const bySpeaker = await search({
      ...parseSearchParams({}),
      q: "zelensky",
      speaker: "Volodymyr Zelensky",
    });
    expect(bySpeaker?.claims?.total).toBe(3);
  });
});
