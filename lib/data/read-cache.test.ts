import { describe, expect, it } from "vitest";
import { createClaim, listSpeakers } from "./claims";
import { cachedUntilWrite } from "./connection";
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
});
