// The evidence routes of the API (issue 17.5, 17.7): multipart uploads, downloads that are always
// attachments, archives, and refusals in both languages that leave no file behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeArticle } from "@/test/data-helpers";
import { call, makeTokenUser } from "@/test/api-helpers";
import { incomingFiles, storedFiles } from "@/lib/evidence/files";
import { MAX_DOCUMENT_BYTES } from "@/lib/evidence/model";
import { startServer, type TestServer } from "@/lib/intake/test-server";
import * as archives from "./articles/[id]/archives/route";
import * as documents from "./articles/[id]/documents/route";
import * as files from "./files/[id]/route";
import * as claim from "./claims/[id]/route";
import * as claims from "./articles/[id]/claims/route";
import * as requests from "./claims/[id]/comment-requests/route";
import * as reply from "./claims/[id]/comment-requests/[request]/reply/route";

const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

async function multipart(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new File([bytes as BlobPart], name));
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return {
    body: new Uint8Array(await request.arrayBuffer()),
    headers: { "content-type": request.headers.get("content-type")! },
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Wire</title><p>AFP confirme.</p>");
  });
  process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";
});
afterAll(async () => {
  delete process.env.FETCH_ALLOW_HOSTS;
  await server.close();
});

async function setup() {
  const editor = await makeTokenUser("editor");
  const article = await makeArticle(editor);
  const upload = async (name: string, bytes: Uint8Array, extra: Record<string, string> = {}) => {
    const { body, headers } = await multipart(name, bytes);
    return call(documents.POST, {
      method: "POST",
      path: `/articles/${article.id}/documents`,
      token: editor.token,
      params: { id: String(article.id) },
      body,
      headers: { ...headers, ...extra },
    });
  };
  return { editor, article, upload };
}

describe("documents through the API", () => {
  it("uploads a document as multipart, cites it from a claim, and downloads it as an attachment", async () => {
    const { editor, article, upload } = await setup();
    const up = await upload("Lettre officielle.pdf", PDF);
    expect(up.status).toBe(201);
    const file = up.json as { id: number; sha256: string; mediaType: string; download: string };
    expect(file).toMatchObject({ mediaType: "application/pdf", download: `/api/v1/files/${file.id}` });

    const created = await call(claims.POST, {
      method: "POST",
      path: `/articles/${article.id}/claims`,
      token: editor.token,
      params: { id: String(article.id) },
      body: {
        quote: "Kyiv n'a pas commenté",
        statement: "Kyiv did not comment.",
        sources: [
          { kind: "document", fileId: file.id },
          { kind: "call", party: "Service de presse", occurredAt: "2026-07-19T14:00" },
          { url: "https://example.org/old-style", title: "Old style" },
        ],
      },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: number }).id;
    const read = await call(claim.GET, {
      path: `/claims/${id}`,
      token: editor.token,
      params: { id: String(id) },
    });
    const sources = (read.json as { sources: Record<string, unknown>[] }).sources;
    expect(sources.map((s) => s.kind)).toEqual(["document", "call", "web"]);
    expect(sources[0]).toMatchObject({
      file: { id: file.id, sha256: file.sha256, name: "Lettre officielle.pdf" },
    });

    const download = await call(files.GET, {
      path: `/files/${file.id}`,
      token: editor.token,
      params: { id: String(file.id) },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Lettre officielle.pdf"/,
    );
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.compare(Buffer.from(download.bytes), Buffer.from(PDF))).toBe(0);

    const anonymous = await call(files.GET, { path: `/files/${file.id}`, params: { id: String(file.id) } });
    expect(anonymous.status).toBe(401);
    const reviewerToken = (await makeTokenUser("reviewer")).token;
    expect(
      (
        await call(files.GET, {
          path: `/files/${file.id}`,
          token: reviewerToken,
          params: { id: String(file.id) },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(files.GET, { path: "/files/999999", token: reviewerToken, params: { id: "999999" } }))
        .status,
    ).toBe(404);
  });

  it("refuses bad uploads with a clear 4xx in English and French, leaving no file", async () => {
    const { article, editor, upload } = await setup();
    const before = storedFiles();
    const empty = await upload("vide.pdf", new Uint8Array());
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({ reason: "file_empty" });
    const exe = await upload(
      "outil.exe",
      new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]),
    );
    expect(exe.status).toBe(415);
    const mismatch = await upload("photo.pdf", new TextEncoder().encode("plain text"), {
      "accept-language": "fr",
    });
    expect(mismatch.status).toBe(415);
    expect(mismatch.json).toMatchObject({ reason: "file_type_mismatch" });
    expect((mismatch.json as { detail: string }).detail).toMatch(/ne correspond pas/);
    // Declared too large: refused before a byte is read.
    const declared = await call(documents.POST, {
      method: "POST",
      path: `/articles/${article.id}/documents`,
      token: editor.token,
      params: { id: String(article.id) },
      body: "x",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(1024 ** 3) },
    });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ reason: "file_too_large" });
    // Too large as it streams (no Content-Length): the read stops past the limit.
    const big = await upload("gros.pdf", new Uint8Array(MAX_DOCUMENT_BYTES + 1));
    expect(big.status).toBe(413);
    const json = await call(documents.POST, {
      method: "POST",
      path: `/articles/${article.id}/documents`,
      token: editor.token,
      params: { id: String(article.id) },
      body: { file: "x" },
    });
    expect(json.status).toBe(415);
    expect(json.json).toMatchObject({ reason: "multipart_required" });
    expect(storedFiles()).toEqual(before);
    expect(incomingFiles()).toEqual([]);
  });
});

describe("archives through the API", () => {
  it("archives a page from a local server, and refuses a bad URL", async () => {
    const { article, editor } = await setup();
    const ok = await call(archives.POST, {
      method: "POST",
      path: `/articles/${article.id}/archives`,
      token: editor.token,
      params: { id: String(article.id) },
      body: { url: `${server.origin}/wire` },
    });
    expect(ok.status).toBe(201);
    const snapshot = ok.json as { id: number; kind: string; sha256: string; finalUrl: string };
    expect(snapshot).toMatchObject({ kind: "snapshot", finalUrl: `${server.origin}/wire` });
    const download = await call(files.GET, {
      path: `/files/${snapshot.id}`,
      token: editor.token,
      params: { id: String(snapshot.id) },
    });
    // A page is never rendered by the browser: it comes as bytes, as an attachment.
    expect(download.headers.get("content-type")).toBe("application/octet-stream");
    expect(download.text).toContain("AFP confirme");
    const bad = await call(archives.POST, {
      method: "POST",
      path: `/articles/${article.id}/archives`,
      token: editor.token,
      params: { id: String(article.id) },
      body: { url: "file:///etc/passwd" },
    });
    expect(bad.status).toBe(400);
  });
});

describe("a reply with a document through the API", () => {
  it("takes the reply's fields and a file as multipart, keeps both, and refuses a bad file leaving nothing", async () => {
    const { editor, article } = await setup();
    const created = await call(claims.POST, {
      method: "POST",
      path: `/articles/${article.id}/claims`,
      token: editor.token,
      params: { id: String(article.id) },
      body: {
        quote: "Le Kremlin affirme",
        statement: "x",
        verdict: "uncommented",
        silentParty: "Kyiv",
        rightOfReply: {
          kind: "asked",
          channel: "email",
          askedAt: "2026-11-20T09:00",
          deadline: "2026-11-20T12:00",
        },
        submit: true,
      },
    });
    expect(created.status).toBe(201);
    const claimId = (created.json as { id: number; stage: string }).id;
    expect((created.json as { stage: string }).stage).toBe("in_review");
    const listed = await call(requests.GET, {
      path: `/claims/${claimId}/comment-requests`,
      token: editor.token,
      params: { id: String(claimId) },
    });
    const requestId = (listed.json as { requests: { id: number; party: string }[] }).requests[0]!.id;
    const send = async (name: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.append("outcome", "answered");
      form.append("text", "We deny it; statement attached.");
      form.append("repliedAt", "2026-11-20T11:00");
      form.append("channel", "email");
      form.append("file", new File([bytes as BlobPart], name));
      const request = new Request("http://localhost/", { method: "POST", body: form });
      return call(reply.POST, {
        method: "POST",
        path: `/claims/${claimId}/comment-requests/${requestId}/reply`,
        token: editor.token,
        params: { id: String(claimId), request: String(requestId) },
        body: new Uint8Array(await request.arrayBuffer()),
        headers: { "content-type": request.headers.get("content-type")! },
      });
    };
    const before = storedFiles().length;
    const refused = await send("statement.pdf", new TextEncoder().encode("not a pdf"));
    expect(refused.status).toBe(415);
    expect(refused.json).toMatchObject({ reason: "file_type_mismatch" });
    expect(storedFiles()).toHaveLength(before);

    const res = await send("statement.pdf", PDF);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      stage: "draft",
      request: {
        id: requestId,
        reply: {
          outcome: "answered",
          text: "We deny it; statement attached.",
          document: { name: "statement.pdf", mediaType: "application/pdf", size: PDF.byteLength },
        },
      },
    });
    expect(storedFiles()).toHaveLength(before + 1);
    // Once only: a second reply, file and all, is refused and leaves no file.
    const again = await send("statement.pdf", PDF);
    expect(again.status).toBe(409);
    expect(storedFiles()).toHaveLength(before + 1);
    expect(incomingFiles()).toEqual([]);
  });
});
