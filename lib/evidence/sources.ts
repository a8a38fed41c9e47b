// A claim's sources as the desk shows them, and their short wording. Safe to import anywhere.
import type { SourceValues } from "@/lib/validation/source";
import type { FileKind, SourceKind } from "./model";

/** A file the desk keeps, as a source shows it (no path: files are served by id to signed-in accounts). */
export type FileRef = {
  id: number;
  kind: FileKind;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** When it was uploaded or fetched, ISO 8601. */
  at: string;
  /** Snapshots: the page's address in the end, after redirects. */
  finalUrl: string | null;
};

/**
 * One source as stored and as the history records it: the kind, and its own fields (the others
 * null). Old history entries hold `{ url, title }` only: a web page.
 */
export type SourceRecord = {
  kind: SourceKind;
  url: string | null;
  title: string | null;
  party: string | null;
  occurredAt: string | null;
  agency: string | null;
  reference: string | null;
  body: string | null;
  fileId: number | null;
  snapshotId: number | null;
};

export type SourceView = SourceRecord & { file: FileRef | null; snapshot: FileRef | null };

const FIELDS: Record<SourceKind, readonly (keyof SourceRecord)[]> = {
  web: ["url", "title", "snapshotId"],
  document: ["fileId", "title"],
  call: ["party", "occurredAt", "body"],
  message: ["party", "occurredAt", "body"],
  wire: ["agency", "reference", "occurredAt", "body"],
  other: ["body"],
};

/** The fields a kind of source keeps. */
export function fieldsOf(kind: SourceKind): readonly (keyof SourceRecord)[] {
  return FIELDS[kind];
}

/** What is stored of a source sent by a form or the API: its kind's fields, empty ones as null. */
export function toRecord(values: SourceValues): SourceRecord {
  const keep = new Set(FIELDS[values.kind]);
  const text = (key: keyof SourceRecord, value: string) => (keep.has(key) && value !== "" ? value : null);
  return {
    kind: values.kind,
    url: text("url", values.url),
    title: text("title", values.title),
    party: text("party", values.party),
    occurredAt: text("occurredAt", values.occurredAt),
    agency: text("agency", values.agency),
    reference: text("reference", values.reference),
    body: text("body", values.body),
    fileId: keep.has("fileId") ? values.fileId : null,
    snapshotId: keep.has("snapshotId") ? values.snapshotId : null,
  };
}

/** The record of a shown source (what the history compares). */
export function recordOf(view: SourceRecord): SourceRecord {
  return {
    kind: view.kind,
    url: view.url,
    title: view.title,
    party: view.party,
    occurredAt: view.occurredAt,
    agency: view.agency,
    reference: view.reference,
    body: view.body,
    fileId: view.fileId,
    snapshotId: view.snapshotId,
  };
}

/** A shown source back into the form's values. */
export function toValues(view: SourceRecord): SourceValues {
  return {
    kind: view.kind,
    url: view.url ?? "",
    title: view.title ?? "",
    party: view.party ?? "",
    occurredAt: view.occurredAt ?? "",
    agency: view.agency ?? "",
    reference: view.reference ?? "",
    body: view.body ?? "",
    fileId: view.fileId,
    snapshotId: view.snapshotId,
  };
}

/** A date or date-time as given ("2026-07-19T14:00") → "2026-07-19 14:00": unambiguous in both languages. */
export function occurredText(value: string | null): string | null {
  return value ? value.replace("T", " ") : null;
}

/** "1.2 MB", "340 kB", "12 B". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} B`;
}

/** An empty source of a kind, as the editor adds it. */
export function emptySource(kind: SourceValues["kind"] = "web"): SourceValues {
  return {
    kind,
    url: "",
    title: "",
    party: "",
    occurredAt: "",
    agency: "",
    reference: "",
    body: "",
    fileId: null,
    snapshotId: null,
  };
}
