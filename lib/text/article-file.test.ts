import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SEED_ARTICLE_PATH } from "@/test/seed-article";
import { articleFileText, checkArticleFile, decodeText, MAX_FILE_BYTES } from "./article-file";
import { normaliseBody } from "./normalise";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("checkArticleFile", () => {
  it.each([
    ["article.txt", "text"],
    ["NOTES.MD", "text"],
    ["page.html", "html"],
    ["page.HTM", "html"],
  ])("takes %s as %s", (name, kind) => {
    expect(checkArticleFile({ name, size: 10 })).toEqual({ ok: true, kind });
  });

  it.each(["article.pdf", "article.docx", "image.png", "article", "txt", "archive.txt.zip"])(
    "refuses %s",
    (name) => {
      expect(checkArticleFile({ name, size: 10 })).toEqual({ ok: false, error: "fileType" });
    },
  );

  it("refuses a file over 2 MB and takes one of exactly 2 MB", () => {
    expect(checkArticleFile({ name: "a.txt", size: MAX_FILE_BYTES + 1 })).toEqual({
      ok: false,
      error: "fileTooLarge",
    });
    expect(checkArticleFile({ name: "a.txt", size: MAX_FILE_BYTES })).toEqual({ ok: true, kind: "text" });
  });
});

describe("decodeText", () => {
  it("reads UTF-8 and drops its byte order mark", () => {
    expect(decodeText(utf8("\uFEFFÉtats-Unis, « 1 800 » 👍🏽"))).toBe("États-Unis, « 1 800 » 👍🏽");
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    // "Élysée « déçu »" in Windows-1252.
    const bytes = new Uint8Array([
      0xc9, 0x6c, 0x79, 0x73, 0xe9, 0x65, 0x20, 0xab, 0x20, 0x64, 0xe9, 0xe7, 0x75, 0x20, 0xbb,
    ]);
    expect(decodeText(bytes)).toBe("Élysée « déçu »");
  });
});

describe("articleFileText", () => {
  it("normalises the seed article file as the server does", async () => {
    const bytes = fs.readFileSync(SEED_ARTICLE_PATH);
    const text = await articleFileText(new Uint8Array(bytes), "text");
    expect(text).toBe(normaliseBody(bytes.toString("utf8")));
    expect(text.startsWith("Le président ukrainien")).toBe(true);
  });

  it("turns an HTML file into its paragraphs", async () => {
    const html =
      "<!doctype html><html><head><title>T</title><script>x()</script></head><body><p>Un.</p><p>Deux <b>mots</b>.</p></body></html>";
    expect(await articleFileText(utf8(html), "html")).toBe("Un.\n\nDeux mots.");
  });

  it("keeps Markdown as text", async () => {
    expect(await articleFileText(utf8("# Titre\r\n\r\nUn *paragraphe*.\r\n"), "text")).toBe(
      "# Titre\n\nUn *paragraphe*.",
    );
  });
});
