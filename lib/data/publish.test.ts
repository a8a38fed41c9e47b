import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { UNDO_WINDOW_MS } from "@/lib/review";
import { FORMATS } from "@/lib/export";
import { createArticle } from "./articles";
import {
  approveClaim,
  createClaim,
  getClaimById,
  getClaimHistory,
  reopenClaim,
  updateClaim,
  withdrawApproval,
  type ClaimView,
} from "./claims";
import { listCorrections } from "./corrections";
import { listInbox } from "./notifications";
import { getSummaryVersionFile, listSummaryVersions, publishSummary } from "./publish";
import { claimInput, makeUser, rawRows, rawSql, refusal } from "@/test/data-helpers";

const FR_BODY =
  "Le Kremlin affirme que ses forces ont pris 12 villages.\n\nSelon Kyiv, 1 800 soldats sont engagés près de Pokrovsk.";
const EN_BODY = "Kyiv says its forces retook two villages on Monday.\n\nMoscow said 1,800 troops were moved.";

let people: {
  ana: Awaited<ReturnType<typeof makeUser>>;
  ben: Awaited<ReturnType<typeof makeUser>>;
  rae: Awaited<ReturnType<typeof makeUser>>;
};

beforeAll(async () => {
  people = {
    ana: await makeUser("editor", "Ana"),
    ben: await makeUser("reviewer", "Ben"),
    rae: await makeUser("reviewer", "Rae"),
  };
});

async function article(language: "fr" | "en", body: string) {
  return createArticle({
    actor: people.ana,
    input: {
      title: language === "fr" ? "Le Kremlin et les villages" : "Kyiv and the villages",
      outlet: "",
      url: "",
      language,
      publishedAt: "",
      body,
      bodyFormat: "text",
    },
  });
}

/** A claim rated by Ana, submitted and approved by Ben. */
async function approved(articleId: number, body: string, quote: string): Promise<ClaimView> {
  const claim = await createClaim({
    actor: people.ana,
    input: claimInput(articleId, body, quote, { verdict: "confirmed", submit: true }),
  });
  return approveClaim({ actor: people.ben, id: claim.id, version: claim.version });
}

function fields(claim: ClaimView, body: string) {
  return {
    ...claimInput(claim.articleId, body, claim.quote),
    id: claim.id,
    version: claim.version,
    statement: claim.statement,
    verdict: claim.verdict,
  };
}

async function allFiles(articleId: number, number: number) {
  const out: Record<string, string> = {};
  for (const format of FORMATS) {
    out[format] = (await getSummaryVersionFile({ articleId, number, format }))!.text;
  }
  return out;
}

describe("publishing a summary", () => {
  it("is for reviewers and admins, on a verified article only", async () => {
    const a = await article("fr", FR_BODY);
    expect(
      (await refusal(publishSummary({ actor: people.ben, articleId: a.id, channel: "app" }))).details,
    ).toMatchObject({ reason: "publish_not_verified" });
    await approved(a.id, FR_BODY, "ses forces ont pris 12 villages");
    await createClaim({ actor: people.ana, input: claimInput(a.id, FR_BODY, "1 800 soldats") });
    const notVerified = await refusal(publishSummary({ actor: people.ben, articleId: a.id, channel: "app" }));
    expect(notVerified.code).toBe("wrong_stage");
    expect(notVerified.details?.reason).toBe("publish_not_verified");
    const editor = await refusal(publishSummary({ actor: people.ana, articleId: a.id, channel: "app" }));
    expect(editor).toMatchObject({ code: "forbidden", details: { reason: "publish_forbidden" } });
    expect(await listSummaryVersions({ articleId: a.id })).toEqual([]);
    expect(
      (await refusal(publishSummary({ actor: people.ben, articleId: 999_999, channel: "app" }))).code,
    ).toBe("not_found");
  });

  it("keeps an immutable, numbered version with who, when, the hash and every format as published", async () => {
    const a = await article("fr", FR_BODY);
    await approved(a.id, FR_BODY, "ses forces ont pris 12 villages");
    const { version, created } = await publishSummary({ actor: people.ben, articleId: a.id, channel: "app" });
    expect(created).toBe(true);
    expect(version).toMatchObject({
      number: 1,
      articleId: a.id,
      channel: "app",
      language: "fr",
      publishedBy: { id: people.ben.id, name: "Ben" },
      claimCount: 1,
    });
    const files = await allFiles(a.id, 1);
    expect(version.contentHash).toBe(createHash("sha256").update(files.json!, "utf8").digest("hex"));
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(files.md).toContain("# Le Kremlin et les villages");
    expect(files.md).toContain("ses forces ont pris 12 villages");
    expect(files.html).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(files.json!)).toMatchObject({ generatedAt: version.publishedAt.toISOString() });
    expect(files.csv).toContain("ses forces ont pris 12 villages");
    expect(JSON.parse(files.claimreview!)).toHaveLength(1);
    // The article's owner is told, and the CMS's webhooks get the event (from the outbox).
    const told = (await listInbox(people.ana.id)).filter((n) => n.articleId === a.id);
    expect(told.map((n) => n.kind)).toContain("summary_published");

    // Nothing changed: publishing again (an API export marked as publication) is the same version.
    const again = await publishSummary({ actor: people.rae, articleId: a.id, channel: "api" });
    expect(again).toMatchObject({ created: false, version: { id: version.id, number: 1 } });
    expect(await listSummaryVersions({ articleId: a.id })).toHaveLength(1);

    // History: the database refuses to change or remove a version.
    await expect(rawSql(sql`UPDATE summary_versions SET md = 'x' WHERE id = ${version.id}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(rawSql(sql`DELETE FROM summary_versions WHERE id = ${version.id}`)).rejects.toThrow(
      /append-only/,
    );
    expect(await allFiles(a.id, 1)).toEqual(files);
    expect(await getSummaryVersionFile({ articleId: a.id, number: 2, format: "md" })).toBeUndefined();
  });
});

describe("corrections", () => {
  it("asks for a note, prints it dated in French in the next version, and leaves the earlier one unchanged", async () => {
    const a = await article("fr", FR_BODY);
    const claim = await approved(a.id, FR_BODY, "1 800 soldats");
    await approved(a.id, FR_BODY, "ses forces ont pris 12 villages");
    await publishSummary({ actor: people.ben, articleId: a.id, channel: "app" });
    const v1 = await allFiles(a.id, 1);

    const change = { ...fields(claim, FR_BODY), statement: "1 900 soldats sont engagés." };
    const missing = await refusal(updateClaim({ actor: people.ana, input: change }));
    expect(missing).toMatchObject({
      code: "invalid_input",
      fieldErrors: { correctionNote: ["correctionNoteRequired"] },
      details: { reason: "correction_note_required" },
    });
    const blank = await refusal(
      updateClaim({ actor: people.ana, input: { ...change, correctionNote: "  " } }),
    );
    expect(blank.details?.reason).toBe("correction_note_required");
    expect(await getClaimById({ id: claim.id })).toMatchObject({ stage: "approved", version: claim.version });

    const note = "Le chiffre est de 1 900 soldats, et non 1 800.";
    const corrected = await updateClaim({ actor: people.ana, input: { ...change, correctionNote: note } });
    expect(corrected.stage).toBe("draft");
    // A second change in the same round needs no second note.
    const again = await updateClaim({
      actor: people.ana,
      input: { ...fields(corrected, FR_BODY), statement: "1 900 soldats engagés.", submit: true },
    });
    expect(again.stage).toBe("in_review");
    const history = await getClaimHistory({ claimId: claim.id });
    expect(history.some((e) => e.note === note)).toBe(true);

    let log = await listCorrections({ articleId: a.id });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      claimId: claim.id,
      note,
      corrects: 1,
      publishedIn: null,
      createdBy: { name: "Ana" },
      before: { statement: "1 800 soldats" },
      after: { statement: "1 900 soldats sont engagés." },
    });

    // Not verified until approved again.
    expect(
      (await refusal(publishSummary({ actor: people.ben, articleId: a.id, channel: "app" }))).details?.reason,
    ).toBe("publish_not_verified");
    await approveClaim({ actor: people.ben, id: again.id, version: again.version });
    const { version: v2 } = await publishSummary({ actor: people.rae, articleId: a.id, channel: "app" });
    expect(v2.number).toBe(2);
    const files = await allFiles(a.id, 2);
    expect(files.md).toMatch(
      /## Corrections\n\n\*\*Correction du \d{1,2}(er)? \p{L}+ \d{4}\u00a0:\*\* Le chiffre est de 1 900/u,
    );
    expect(files.html).toContain('<section class="corrections"');
    expect(files.html).toMatch(
      /Correction du \d{1,2}(er)? \p{L}+ \d{4}<\/time>\u00a0:<\/strong> Le chiffre/u,
    );
    const json = JSON.parse(files.json!) as {
      corrections: { claimId: number; note: string; heading: string }[];
    };
    expect(json.corrections).toEqual([
      expect.objectContaining({ claimId: claim.id, note, heading: expect.stringMatching(/^Correction du /) }),
    ]);
    const reviews = JSON.parse(files.claimreview!) as { url: string; correction?: unknown[] }[];
    const reviewed = reviews.find((r) => r.url.endsWith(`#claim-${claim.id}`))!;
    expect(reviewed.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: expect.stringMatching(
          /^Correction du .+\u00a0: Le chiffre est de 1 900 soldats, et non 1 800\.$/u,
        ),
        datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);
    expect(reviews.filter((r) => r.correction)).toHaveLength(1);

    // The earlier version downloads exactly as it went out.
    expect(await allFiles(a.id, 1)).toEqual(v1);
    expect(v1.md).not.toContain("Correction");

    log = await listCorrections({ articleId: a.id });
    expect(log[0]).toMatchObject({ corrects: 1, publishedIn: 2 });
    expect(
      (await listCorrections()).some(
        (c) => c.id === log[0]!.id && c.articleTitle === "Le Kremlin et les villages",
      ),
    ).toBe(true);
    await expect(rawSql(sql`UPDATE claim_corrections SET note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(rawSql(sql`DELETE FROM claim_corrections`)).rejects.toThrow(/append-only/);

    // A third version still carries the correction; a claim added after v1 needs no note.
    expect(v2.claimCount).toBe(2);
  });

  it("prints the corrections section in English for an English article", async () => {
    const a = await article("en", EN_BODY);
    const claim = await approved(a.id, EN_BODY, "1,800 troops were moved");
    await publishSummary({ actor: people.ben, articleId: a.id, channel: "api" });
    const edited = await updateClaim({
      actor: people.ana,
      input: {
        ...fields(claim, EN_BODY),
        statement: "1,900 troops were moved.",
        correctionNote: "The figure is 1,900, not 1,800.",
        submit: true,
      },
    });
    await approveClaim({ actor: people.rae, id: edited.id, version: edited.version });
    await publishSummary({ actor: people.ben, articleId: a.id, channel: "api" });
    const md = (await getSummaryVersionFile({ articleId: a.id, number: 2, format: "md" }))!.text;
    expect(md).toMatch(
      /## Corrections\n\n\*\*Correction of \d{1,2} [A-Z][a-z]+ \d{4}:\*\* The figure is 1,900/,
    );
    const reviews = JSON.parse(
      (await getSummaryVersionFile({ articleId: a.id, number: 2, format: "claimreview" }))!.text,
    ) as { correction?: { text: string }[] }[];
    expect(reviews[0]!.correction![0]!.text).toMatch(/^Correction of .+: The figure is 1,900, not 1,800\.$/);
  });
});

describe("undo and reopen", () => {
  it("undoes an approval within ten seconds, by its reviewer only, as a new event", async () => {
    const a = await article("fr", FR_BODY);
    const claim = await approved(a.id, FR_BODY, "1 800 soldats");
    const approvedAt = claim.approvedAt!;
    const notYours = await refusal(
      withdrawApproval({ actor: people.rae, id: claim.id, version: claim.version }),
    );
    expect(notYours).toMatchObject({ code: "forbidden", details: { reason: "undo_not_yours" } });
    const editor = await refusal(
      withdrawApproval({ actor: people.ana, id: claim.id, version: claim.version }),
    );
    expect(editor.code).toBe("forbidden");
    const late = await refusal(
      withdrawApproval({
        actor: people.ben,
        id: claim.id,
        version: claim.version,
        now: new Date(approvedAt.getTime() + UNDO_WINDOW_MS),
      }),
    );
    expect(late).toMatchObject({ code: "wrong_stage", details: { reason: "undo_expired" } });
    const stale = await refusal(
      withdrawApproval({ actor: people.ben, id: claim.id, version: claim.version - 1 }),
    );
    expect(stale.code).toBe("conflict");

    const undone = await withdrawApproval({
      actor: people.ben,
      id: claim.id,
      version: claim.version,
      now: new Date(approvedAt.getTime() + UNDO_WINDOW_MS - 1),
    });
    expect(undone).toMatchObject({ stage: "in_review", approvedBy: null, version: claim.version + 1 });
    const types = (await getClaimHistory({ claimId: claim.id })).map((e) => e.type);
    expect(types.slice(-2)).toEqual(["approved", "approval_withdrawn"]);
    // Undone twice: the claim is no longer approved.
    expect(
      (await refusal(withdrawApproval({ actor: people.ben, id: claim.id, version: undone.version }))).code,
    ).toBe("wrong_stage");
    const rows = await rawRows<{ n: number | string }>(
      sql`SELECT count(*) AS n FROM claim_events WHERE claim_id = ${claim.id} AND type = 'approved'`,
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it("reopens an approved claim with a reason, back into the queue", async () => {
    const a = await article("fr", FR_BODY);
    const claim = await approved(a.id, FR_BODY, "1 800 soldats");
    expect(
      (
        await refusal(
          reopenClaim({ actor: people.ana, input: { id: claim.id, version: claim.version, reason: "x" } }),
        )
      ).code,
    ).toBe("forbidden");
    const noReason = await refusal(
      reopenClaim({ actor: people.rae, input: { id: claim.id, version: claim.version, reason: "   " } }),
    );
    expect(noReason.code).toBe("invalid_input");
    const stale = await refusal(
      reopenClaim({
        actor: people.rae,
        input: { id: claim.id, version: claim.version + 5, reason: "Source?" },
      }),
    );
    expect(stale.code).toBe("conflict");
    const reopened = await reopenClaim({
      actor: people.rae,
      input: { id: claim.id, version: claim.version, reason: "The ministry revised its figure." },
    });
    expect(reopened).toMatchObject({ stage: "in_review", approvedBy: null });
    const last = (await getClaimHistory({ claimId: claim.id })).at(-1)!;
    expect(last).toMatchObject({ type: "reopened", note: "The ministry revised its figure." });
    const again = await refusal(
      reopenClaim({ actor: people.rae, input: { id: claim.id, version: reopened.version, reason: "Again" } }),
    );
    expect(again.code).toBe("wrong_stage");
    // Approved again by someone who did not rate it.
    expect((await approveClaim({ actor: people.rae, id: claim.id, version: reopened.version })).stage).toBe(
      "approved",
    );
  });
});
