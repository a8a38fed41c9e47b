import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimEvents } from "@/lib/data/tables";
import { createClaim, getClaimHistory } from "./claims";
import { recordEvent } from "./claims/events";
import { countRows, getDb, withTransaction } from "./connection";
import { mergeSpeakers } from "./speakers";
import { claimInput, makeArticle, makeUser, SAMPLE_BODY } from "@/test/data-helpers";

const QUOTE = "Le Kremlin affirme que ses forces ont pris 12 villages.";

async function setup() {
  const editor = await makeUser("editor");
  const reviewer = await makeUser("reviewer");
  const article = await makeArticle(editor);
  const claim = await createClaim({
    actor: editor,
    input: claimInput(article.id, SAMPLE_BODY, QUOTE, { speaker: "Kremlin" }),
  });
  return { editor, reviewer, claim };
}

describe("claim history payloads", () => {
  it("reads each event back typed by its type", async () => {
    const { claim } = await setup();
    const [created] = await getClaimHistory({ claimId: claim.id });
    expect(created?.type).toBe("created");
    if (created?.type !== "created") throw new Error("unreachable");
    // Typed: a created event carries the whole claim.
    expect(created.after.quote).toBe(QUOTE);
    expect(created.after.speaker).toBe("Kremlin");
    expect(created.before).toBeNull();
  });

  it("refuses to write an event whose payload does not fit its type, and writes nothing", async () => {
    const { editor, claim } = await setup();
    const before = await countRows(getDb(), claimEvents);
    const write = (event: Parameters<typeof recordEvent>[1]) =>
      withTransaction((tx) => recordEvent(tx, event));
    const base = { claim, actorId: editor.id, at: new Date() };
    await expect(
      write({ ...base, type: "approved", before: { stage: "in_review" }, after: { verdict: "x" } }),
    ).rejects.toThrow(/"approved" event .* does not fit/);
    // A return always says why.
    await expect(
      write({ ...base, type: "returned", before: { stage: "in_review" }, after: { stage: "draft" } }),
    ).rejects.toThrow(/does not fit/);
    await expect(
      write({ ...base, type: "edited", before: { speaker: 3 }, after: { speaker: "B" } }),
    ).rejects.toThrow(/does not fit/);
    await expect(
      write({ ...base, type: "edited", before: { password: "x" }, after: { password: "y" } }),
    ).rejects.toThrow(/does not fit/);
    expect(await countRows(getDb(), claimEvents)).toBe(before);
  });

  it("refuses to show a stored event that does not fit its schema", async () => {
    const { editor, claim } = await setup();
    await getDb()
      .insert(claimEvents)
      .values({
        claimId: claim.id,
        articleId: claim.articleId,
        actorId: editor.id,
        type: "submitted",
        before: { stage: "nowhere" },
        after: { stage: "in_review" },
        createdAt: new Date(),
      });
    await expect(getClaimHistory({ claimId: claim.id })).rejects.toThrow(/does not fit its schema/);
  });

  it("records a speaker merge in the history as an edit of the speaker", async () => {
    const { reviewer, claim } = await setup();
    await mergeSpeakers({ actor: reviewer, input: { from: ["Kremlin"], to: "Le Kremlin" } });
    const last = (await getClaimHistory({ claimId: claim.id })).at(-1);
    expect(last).toMatchObject({
      type: "edited",
      actor: { id: reviewer.id },
      before: { speaker: "Kremlin" },
      after: { speaker: "Le Kremlin" },
      note: null,
    });
  });

  it("writes claim_events only through recordEvent", () => {
    // The one writer checks every payload; a module inserting events itself would skip the check.
    const root = path.join(process.cwd(), "lib");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const text = fs.readFileSync(file, "utf8");
          if (/insert\(\s*claimEvents\s*\)|INSERT INTO claim_events/i.test(text)) {
            offenders.push(path.relative(process.cwd(), file));
          }
        }
      }
    };
    walk(root);
    expect(offenders).toEqual(["lib/data/claims/events.ts"]);
  });
});
