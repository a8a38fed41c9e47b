import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createClaim, listSpeakers } from "./claims";
import { cachedUntilWrite, getDb } from "./connection";
import { claimInput, makeArticle, makeUser, SAMPLE_BODY } from "@/test/data-helpers";

describe("cachedUntilWrite", () => {
  it("reads once while nothing is written", () => {
    let reads = 0;
    const read = () => ++reads;
    expect(cachedUntilWrite(getDb(), "test:count", read)).toBe(1);
    expect(cachedUntilWrite(getDb(), "test:count", read)).toBe(1);
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
    const other = new Database(getDb().$client.name);
    try {
      other.prepare("UPDATE claims SET speaker = 'Kyiv'").run();
    } finally {
      other.close();
    }
    expect(await listSpeakers()).toContain("Kyiv");
  });

  it("hands out copies that callers may change", async () => {
    const first = await listSpeakers();
    first.push("Someone else");
    expect(await listSpeakers()).not.toContain("Someone else");
  });
});
