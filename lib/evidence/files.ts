// The files the desk keeps as evidence, on disk under DESK_FILES_DIR (default: "files" beside the
// SQLite database, data/files), never in the database. A file is written under .incoming/ with a
// temporary name first; it takes its final name (documents/… or snapshots/…) only once the row
// that names it has committed, and is removed when that transaction fails: no half-written file
// under a final name, nothing left behind by a refusal.
import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { evidenceDirectory } from "./directory";
import type { FileKind } from "./model";

const INCOMING = ".incoming";

export const filesDirectory = evidenceDirectory;

/** A storage key chosen by the desk: never a name an uploader gave. */
export function newStorageKey(kind: FileKind): string {
  return `${kind === "document" ? "documents" : "snapshots"}/${randomUUID()}`;
}

function resolveKey(key: string): string {
  const dir = filesDirectory();
  const full = path.resolve(dir, key);
  if (!full.startsWith(dir + path.sep)) throw new Error(`Storage key outside the files directory: ${key}`);
  return full;
}

export type Pending = { temp: string; key: string };

/** Writes the bytes under a temporary name, fsynced. */
export async function writePending(key: string, bytes: Uint8Array): Promise<Pending> {
  const dir = path.join(filesDirectory(), INCOMING);
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${randomUUID()}.part`);
  const handle = await fs.promises.open(temp, "wx", 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return { temp, key };
}

/** The row committed: the file takes its final name. */
export async function commitPending(pending: Pending): Promise<void> {
  const final = resolveKey(pending.key);
  await fs.promises.mkdir(path.dirname(final), { recursive: true });
  await fs.promises.rename(pending.temp, final);
}

/** The row did not commit: the file goes. */
export async function discardPending(pending: Pending): Promise<void> {
  await fs.promises.rm(pending.temp, { force: true });
}

export async function readStored(key: string): Promise<Buffer> {
  return fs.promises.readFile(resolveKey(key));
}

/** Files under .incoming (a crash between the write and the rename leaves one; tests expect none). */
export function incomingFiles(): string[] {
  const dir = path.join(filesDirectory(), INCOMING);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

/** Every kept file, relative to the files directory (the .incoming ones aside). */
export function storedFiles(): string[] {
  const dir = filesDirectory();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((rel) => !rel.startsWith(INCOMING))
    .sort();
}
