// Evidence of any kind (issue 17.4, 17.7): typed sources, documents kept outside the database with
// their type read from their content, snapshots of web pages, and refusals that leave nothing behind.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClaim,
  getClaimById,
  getClaimHistory,
  listClaimsForArticle,
  updateClaim,
} from "@/lib/data/claims";
import { archiveWebPage, getKeptFile, sha256, uploadDocument } from "@/lib/data/evidence";
import { filesDirectory, incomingFiles, storedFiles } from "@/lib/evidence/files";
import { MAX_DOCUMENT_BYTES } from "@/lib/evidence/model";
import { emptySource } from "@/lib/validation/source";
import { startServer, type TestServer } from "@/lib/intake/test-server";
import { claimInput, makeArticle, makeUser, SAMPLE_BODY } from "@/test/data-helpers";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
const ELF = new Uint8Array([
  0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0,
]);

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/gone") {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<p>gone</p>");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Communiqué</title><p>Le ministère confirme les chiffres.</p>");
  });
});
afterAll(() => server.close());

async function setup() {
  const editor = await makeUser("editor");
  const article = await makeArticle(editor);
  return { editor, article };
}

/** What refusing must leave: no new kept file, nothing under .incoming. */
async function expectNothingLeft(before: string[], attempt: Promise<unknown>, reason: string) {
  await expect(attempt).rejects.toMatchObject({ details: { reason } });
  expect(storedFiles()).toEqual(before);
  expect(incomingFiles()).toEqual([]);
}

describe("documents", () => {
  it("keeps a document on disk, outside the database, with its type from its content and its SHA-256", async () => {
    const { editor, article } = await setup();
    const file = await uploadDocument({
      actor: editor,
      articleId: article.id,
      name: "communiqué.pdf",
      bytes: PDF,
    });
    expect(file).toMatchObject({
      kind: "document",
      name: "communiqué.pdf",
      mediaType: "application/pdf",
      size: PDF.byteLength,
    });
    expect(file.sha256).toBe(sha256(PDF));
    const kept = await getKeptFile({ id: file.id });
    expect(Buffer.compare(kept.bytes, Buffer.from(PDF))).toBe(0);
    expect(storedFiles().some((f) => f.startsWith("documents/"))).toBe(true);
    expect(incomingFiles()).toEqual([]);
    expect(filesDirectory().startsWith(path.dirname(process.env.DATABASE_PATH!))).toBe(true);

    const png = await uploadDocument({ actor: editor, articleId: article.id, name: "photo.PNG", bytes: PNG });
    expect(png.mediaType).toBe("image/png");
    const csv = await uploadDocument({
      actor: editor,
      articleId: article.id,
      name: "chiffres.csv",
      bytes: new TextEncoder().encode("village;date\nKlishchiivka;2026-07-19\n"),
    });
    expect(csv.mediaType).toBe("text/csv; charset=utf-8");
  });

  it("refuses empty files, unknown types, content that does not match the name, and files over 20 MB, leaving nothing", async () => {
    const { editor, article } = await setup();
    await uploadDocument({
      actor: editor,
      articleId: article.id,
      name: "a.txt",
      bytes: new TextEncoder().encode("a"),
    });
    const before = storedFiles();
    const up = (name: string, bytes: Uint8Array) =>
      uploadDocument({ actor: editor, articleId: article.id, name, bytes });
    await expectNothingLeft(before, up("empty.pdf", new Uint8Array()), "file_empty");
    await expectNothingLeft(before, up("tool.exe", ELF), "file_type_unknown");
    await expectNothingLeft(before, up("tool.pdf", ELF), "file_type_mismatch");
    await expectNothingLeft(before, up("photo.pdf", PNG), "file_type_mismatch");
    await expectNothingLeft(
      before,
      up("report.pdf", new TextEncoder().encode("just text")),
      "file_type_mismatch",
    );
    await expectNothingLeft(
      before,
      up("page.svg", new TextEncoder().encode("<svg onload=alert(1)>")),
      "file_type_unknown",
    );
    await expectNothingLeft(before, up("big.pdf", new Uint8Array(MAX_DOCUMENT_BYTES + 1)), "file_too_large");
    // The row's transaction fails (no such article): the file written meanwhile goes too.
    await expectNothingLeft(
      before,
      uploadDocument({ actor: editor, articleId: 999_999, name: "a.pdf", bytes: PDF }),
      "article_not_found",
    );
  });
});

describe("typed sources", () => {
  it("stores a source of every kind with its own fields, and records them in the history", async () => {
    const { editor, article } = await setup();
    const doc = await uploadDocument({
      actor: editor,
      articleId: article.id,
      name: "lettre.pdf",
      bytes: PDF,
    });
    const sources = [
      { ...emptySource("web"), url: "https://example.org/a", title: "Communiqué", party: "ignored" },
      { ...emptySource("document"), fileId: doc.id, title: "Lettre du ministère" },
      {
        ...emptySource("call"),
        party: "Service de presse",
        occurredAt: "2026-07-19T14:00",
        body: "Pas de commentaire.",
      },
      {
        ...emptySource("message"),
        party: "porte-parole@example.org",
        occurredAt: "2026-07-19",
        body: "Nous démentons.",
      },
      { ...emptySource("wire"), agency: "AFP", reference: "AFP-20260719-123" },
      { ...emptySource("other"), body: "Appel au service de presse, 19/07" },
    ];
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, "Kyiv n'a pas commenté", { sources }),
    });
    const view = (await getClaimById({ id: claim.id }))!;
    expect(view.sources.map((s) => s.kind)).toEqual(["web", "document", "call", "message", "wire", "other"]);
    expect(view.sources[0]).toMatchObject({ url: "https://example.org/a", title: "Communiqué", party: null });
    expect(view.sources[1]).toMatchObject({
      fileId: doc.id,
      file: { name: "lettre.pdf", sha256: doc.sha256 },
    });
    expect(view.sources[2]).toMatchObject({
      party: "Service de presse",
      occurredAt: "2026-07-19T14:00",
      body: "Pas de commentaire.",
    });
    expect(view.sources[4]).toMatchObject({ agency: "AFP", reference: "AFP-20260719-123", url: null });
    const [created] = await getClaimHistory({ claimId: claim.id });
    expect((created?.after as { sources: unknown[] }).sources).toHaveLength(6);

    // A source sent the old way, { url, title }, is a web page.
    const updated = await updateClaim({
      actor: editor,
      input: {
        ...claimInput(article.id, SAMPLE_BODY, "Kyiv n'a pas commenté"),
        id: claim.id,
        version: view.version,
        sources: [{ url: "https://example.org/b", title: "" }],
      },
    });
    expect(updated.sources).toEqual([
      expect.objectContaining({ kind: "web", url: "https://example.org/b", title: null }),
    ]);
  });

  it("refuses a source without the fields of its kind, a bad URL, and a file of another article", async () => {
    const { editor, article } = await setup();
    const other = await makeArticle(editor);
    const foreign = await uploadDocument({ actor: editor, articleId: other.id, name: "x.pdf", bytes: PDF });
    const create = (source: object) =>
      createClaim({
        actor: editor,
        input: claimInput(article.id, SAMPLE_BODY, "Kyiv n'a pas commenté", { sources: [source] }),
      });
    await expect(create({ ...emptySource("call") })).rejects.toMatchObject({
      fieldErrors: { "sources.0.party": ["required"] },
    });
    await expect(create({ ...emptySource("wire") })).rejects.toMatchObject({
      fieldErrors: { "sources.0.agency": ["required"] },
    });
    await expect(create({ ...emptySource("other") })).rejects.toMatchObject({
      fieldErrors: { "sources.0.body": ["required"] },
    });
    await expect(create({ ...emptySource("document") })).rejects.toMatchObject({
      fieldErrors: { "sources.0.fileId": ["documentRequired"] },
    });
    await expect(create({ url: "javascript:alert(1)" })).rejects.toMatchObject({
      fieldErrors: { "sources.0.url": ["invalidUrl"] },
    });
    await expect(
      create({ ...emptySource("call"), party: "X", occurredAt: "2026-02-30" }),
    ).rejects.toMatchObject({
      fieldErrors: { "sources.0.occurredAt": ["invalidDate"] },
    });
    await expect(create({ ...emptySource("document"), fileId: foreign.id })).rejects.toMatchObject({
      details: { reason: "file_not_of_article" },
    });
    expect(await listClaimsForArticle({ articleId: article.id })).toEqual([]);
  });
});

describe("archiving a web page", () => {
  it("fetches the page with the safe fetcher and keeps a snapshot with its time and hash", async () => {
    const { editor, article } = await setup();
    const snapshot = await archiveWebPage({
      actor: editor,
      articleId: article.id,
      url: `${server.origin}/communique`,
      fetchOptions: { allowHosts: ["127.0.0.1"] },
    });
    expect(snapshot).toMatchObject({ kind: "snapshot", mediaType: "text/html; charset=utf-8" });
    const kept = await getKeptFile({ id: snapshot.id });
    expect(kept.bytes.toString("utf8")).toContain("Le ministère confirme");
    expect(snapshot.sha256).toBe(sha256(kept.bytes));
    expect(Date.now() - Date.parse(snapshot.at)).toBeLessThan(60_000);
    const claim = await createClaim({
      actor: editor,
      input: claimInput(article.id, SAMPLE_BODY, "Kyiv n'a pas commenté", {
        sources: [{ ...emptySource("web"), url: `${server.origin}/communique`, snapshotId: snapshot.id }],
      }),
    });
    expect(claim.sources[0]?.snapshot).toMatchObject({ id: snapshot.id, sha256: snapshot.sha256 });
  });

  it("refuses internal addresses and failed pages, keeping nothing", async () => {
    const { editor, article } = await setup();
    const before = storedFiles();
    await expect(
      archiveWebPage({
        actor: editor,
        articleId: article.id,
        url: `${server.origin}/`,
        fetchOptions: { allowHosts: [] },
      }),
    ).rejects.toMatchObject({ fieldErrors: { url: ["blockedAddress"] } });
    await expect(
      archiveWebPage({
        actor: editor,
        articleId: article.id,
        url: `${server.origin}/gone`,
        fetchOptions: { allowHosts: ["127.0.0.1"] },
      }),
    ).rejects.toMatchObject({ fieldErrors: { url: ["httpStatus"] } });
    await expect(
      archiveWebPage({ actor: editor, articleId: article.id, url: "ftp://example.org/" }),
    ).rejects.toMatchObject({
      fieldErrors: { url: ["badUrl"] },
    });
    expect(storedFiles()).toEqual(before);
    expect(incomingFiles()).toEqual([]);
  });
});
