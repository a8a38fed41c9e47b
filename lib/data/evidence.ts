// The files kept as evidence: documents uploaded for an article's claims, and snapshots of the web
// pages they cite. The row and the file go together: the file is written under a temporary name,
// the row inserted in a transaction, and the file renamed once that commits (removed otherwise).
import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { articles, sourceFiles, type SourceFile } from "@/lib/data/tables";
import { detectDocument } from "@/lib/evidence/detect";
import { commitPending, discardPending, newStorageKey, readStored, writePending } from "@/lib/evidence/files";
import { MAX_DOCUMENT_BYTES, type FileKind } from "@/lib/evidence/model";
import type { FileRef } from "@/lib/evidence/sources";
import { AppError } from "@/lib/errors";
import { fetchPage, type FetchOptions } from "@/lib/intake/fetch";
import { intakeFailure } from "@/lib/intake";
import type { Actor } from "@/lib/review";
import { withTransaction, getDb, type Tx } from "./connection";
import { fileRef } from "./claims/views";

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function tooLarge(): AppError {
  return new AppError("too_large", `The file is larger than ${MAX_DOCUMENT_BYTES} bytes.`, {
    fieldErrors: { file: ["file_too_large"] },
    details: { reason: "file_too_large", max: MAX_DOCUMENT_BYTES },
  });
}

/** A file name as kept: its last path segment, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .normalize("NFC");
  return (clean === "" ? "document" : clean).slice(-200);
}

type KeptFile = {
  articleId: number;
  kind: FileKind;
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  url?: string;
  finalUrl?: string;
};

/** The row of a kept file, inside the transaction that also writes what refers to it. */
export async function insertFileRow(tx: Tx, actor: Actor, key: string, file: KeptFile): Promise<SourceFile> {
  const [inserted] = await tx
    .insert(sourceFiles)
    .values({
      articleId: file.articleId,
      kind: file.kind,
      storageKey: key,
      name: file.name,
      mediaType: file.mediaType,
      size: file.bytes.byteLength,
      sha256: sha256(file.bytes),
      url: file.url ?? null,
      finalUrl: file.finalUrl ?? null,
      createdById: actor.id,
    })
    .returning();
  if (!inserted) throw new Error("The file's row was not saved.");
  return inserted;
}

/**
 * Writes a file and the rows that go with it as one: the bytes under a temporary name, then
 * `write` in a transaction (which inserts the file's row with insertFileRow and whatever names it),
 * then the final name once that committed; the temporary file is removed when anything fails.
 */
export async function keepWith<T>(
  kind: FileKind,
  bytes: Uint8Array,
  write: (tx: Tx, key: string) => Promise<T>,
): Promise<T> {
  const key = newStorageKey(kind);
  const pending = await writePending(key, bytes);
  let result: T;
  try {
    result = await withTransaction((tx) => write(tx, key));
  } catch (error) {
    await discardPending(pending);
    throw error;
  }
  await commitPending(pending);
  return result;
}

async function keep(actor: Actor, file: KeptFile): Promise<FileRef> {
  const row = await keepWith(file.kind, file.bytes, async (tx, key) => {
    const [article] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.id, file.articleId))
      .limit(1);
    if (!article) {
      throw new AppError("not_found", "This article does not exist or was deleted.", {
        details: { reason: "article_not_found" },
      });
    }
    return insertFileRow(tx, actor, key, file);
  });
  return fileRef(row);
}

/** A document checked before anything is written: at most 20 MB, its name cleaned, its type read from its content. */
export async function checkDocument(document: {
  name: string;
  bytes: Uint8Array;
}): Promise<{ name: string; mediaType: string; bytes: Uint8Array }> {
  if (document.bytes.byteLength > MAX_DOCUMENT_BYTES) throw tooLarge();
  const name = cleanFileName(document.name);
  const { mediaType } = await detectDocument(document.bytes, name);
  return { name, mediaType, bytes: document.bytes };
}

/**
 * Keeps a document for an article's claims: its type read from its content (and checked against
 * its name), at most 20 MB, its SHA-256 recorded. Cite it from a claim as `{ kind: "document", fileId }`.
 */
export async function uploadDocument({
  actor,
  articleId,
  name,
  bytes,
}: {
  actor: Actor;
  articleId: number;
  name: string;
  bytes: Uint8Array;
}): Promise<FileRef> {
  const checked = await checkDocument({ name, bytes });
  return keep(actor, { articleId, kind: "document", ...checked });
}

function snapshotName(url: string, at: Date): string {
  const host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, "_");
  return `${host}-${at.toISOString().slice(0, 16).replace(/[:T]/g, "-")}.html`;
}

/**
 * Archives a web page: fetched with the safe fetcher (public addresses only unless allowed, time
 * and size limits, HTML only) and kept as it came, with the time and its SHA-256. Cite it as the
 * `snapshotId` of the web source.
 */
export async function archiveWebPage({
  actor,
  articleId,
  url,
  fetchOptions,
}: {
  actor: Actor;
  articleId: number;
  url: string;
  fetchOptions?: FetchOptions;
}): Promise<FileRef> {
  const [article] = await getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!article) {
    throw new AppError("not_found", "This article does not exist or was deleted.", {
      details: { reason: "article_not_found" },
    });
  }
  let page;
  try {
    page = await fetchPage(url, fetchOptions);
  } catch (error) {
    intakeFailure(error);
  }
  const charset = /charset=([\w-]+)/i.exec(page.contentType)?.[1];
  return keep(actor, {
    articleId,
    kind: "snapshot",
    name: snapshotName(page.url, new Date()),
    mediaType: `text/html${charset ? `; charset=${charset}` : ""}`,
    bytes: page.bytes,
    url,
    finalUrl: page.url,
  });
}

/** A kept file and its bytes, for a download by a signed-in account. */
export async function getKeptFile({ id }: { id: number }): Promise<{ file: FileRef; bytes: Buffer }> {
  const [row] = await getDb().select().from(sourceFiles).where(eq(sourceFiles.id, id)).limit(1);
  if (!row) {
    throw new AppError("not_found", "This file does not exist.", { details: { reason: "file_not_found" } });
  }
  return { file: fileRef(row), bytes: await readStored(row.storageKey) };
}

/** The files kept for an article, oldest first. */
export async function listKeptFiles({ articleId }: { articleId: number }): Promise<FileRef[]> {
  const rows = await getDb()
    .select()
    .from(sourceFiles)
    .where(eq(sourceFiles.articleId, articleId))
    .orderBy(sourceFiles.id);
  return rows.map(fileRef);
}
