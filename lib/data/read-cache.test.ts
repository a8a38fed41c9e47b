import { describe, expect, it } from "vitest";
import { createClaim, listSpeakers } from "./claims";
import { listQueueFacets } from "./queue";
import { claims } from "./tables";
import { countAllFlaggedClaims } from "./revisions";
import { cachedUntilWrite, dialect, getDb, type ReadScope } from "./connection";
import {
  claimInput,
  makeArticle,
  makeUser,
  SAMPLE_BODY,
  writeFromAnotherConnection,
} from "@/test/data-helpers";

describe("cachedUntilWrite", () => {
  it("reads once while nothing is written", async () => {
    let reads = 0;
    const read = async () => ++reads;
    expect(await cachedUntilWrite("test:count", read)).toBe(1);
    expect(await cachedUntilWrite("test:count", read)).toBe(1);
    expect(reads).toBe(1);
  });

  it("reads again after a write through the app's handle", async () => {
    const editor = await makeUser("editor");
    const article = await makeArticle(editor);
    expect(await listSpeakers()).not.toContain("Le Kremlin");
    await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, "Le Kremlin affirme", { speaker: "Le Kremlin" }),
    });
    expect(await listSpeakers()).toContain("Le Kremlin");
  });

  it("reads again after a write by another connection", async () => {
    const before = await listSpeakers();
    expect(before).not.toContain("Kyiv");
    await writeFromAnotherConnection("UPDATE claims SET speaker = 'Kyiv'");
    expect(await listSpeakers()).toContain("Kyiv");
  });

  it("hands out copies that callers may change", async () => {
    const first = await listSpeakers();
    first.push("Someone else");
    expect(await listSpeakers()).not.toContain("Someone else");
  });

  it("keeps the queue's filters and the count of flagged claims until a write, from any connection", async () => {
    const editor = await makeUser("editor");
    const article = await makeArticle(editor);
    const claim = await createClaim({
      actor: editor,
      input: {
        ...claimInput(article.id, SAMPLE_BODY, "Le Kremlin affirme", {
          speaker: "Moscou",
          verdict: "uncommented",
          silentParty: "Kyiv",
        }),
        rightOfReply: { kind: "notContacted", reason: "Test: no press office to reach." },
        submit: true,
      },
    });
    expect((await listQueueFacets()).speakers).toContain("Moscou");
    const flagged = await countAllFlaggedClaims();
    const mine = await listQueueFacets();
    mine.speakers.length = 0;
    expect((await listQueueFacets()).speakers).toContain("Moscou");

    await writeFromAnotherConnection(
      `UPDATE claims SET speaker = 'Minsk', anchor_state = 'orphaned' WHERE id = ${claim.id}`,
    );
    const after = await listQueueFacets();
    expect(after.speakers).toContain("Minsk");
    expect(after.speakers).not.toContain("Moscou");
    expect(await countAllFlaggedClaims()).toBe(flagged + 1);
  });

  describe("within one request (a ReadScope)", () => {
    const speakersIn = (scope: ReadScope) =>
      cachedUntilWrite(
        "test:speakers",
        async () =>
          (await getDb().selectDistinct({ speaker: claims.speaker }).from(claims)).map((r) => r.speaker),
        scope,
      );

    it("sees the request's own writes at once, and another process's from the next request on", async () => {
      const editor = await makeUser("editor");
      const article = await makeArticle(editor);
      const request: ReadScope = {};
      expect(await speakersIn(request)).not.toContain("Ankara");

      // A write through this process (a server action, then the page it renders) is seen at once.
      await createClaim({
        actor: editor,
        input: claimInput(article.id, SAMPLE_BODY, "Le Kremlin affirme", { speaker: "Ankara" }),
      });
      expect(await speakersIn(request)).toContain("Ankara");

      // Another process's write: PostgreSQL reads its change counter once per request, so the
      // request under way keeps what it read; SQLite reads data_version on each cached read.
      await writeFromAnotherConnection("UPDATE claims SET speaker = 'Tbilissi'");
      const sameRequest = await speakersIn(request);
      if (dialect() === "postgres") expect(sameRequest).toContain("Ankara");
      else expect(sameRequest).toEqual(["Tbilissi"]);
      expect(await speakersIn({})).toEqual(["Tbilissi"]);
    });
  });
});
