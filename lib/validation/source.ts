// A claim's source of any kind, as the claim form, the server actions and the API send it: one flat
// object whose `kind` says which fields count (the others are ignored and stored as null). A source
// sent without a kind is a web page, as every source was before (`{ url, title }`).
import { SOURCE_KINDS } from "@/lib/evidence/model";
import { lineText, multilineText } from "./text";
import { z } from "./zod";

/** A date ("2026-07-19") or a local date and time ("2026-07-19T14:00"), as the date inputs give them. */
const OCCURRED = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export function isOccurredAt(value: string): boolean {
  const match = OCCURRED.exec(value);
  if (!match) return false;
  const [, y, m, d, hh, mm] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  if (date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d!) return false;
  return match[4] === undefined || (hh! < 24 && mm! < 60);
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const fileRef = z.number().int().positive().nullable().default(null);

export const sourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS).default("web"),
    url: z.string().trim().max(2000, { error: "tooLong" }).default(""),
    title: lineText().max(300, { error: "tooLong" }).default(""),
    /** Who was called or interviewed (call), who wrote (message). */
    party: lineText().max(200, { error: "tooLong" }).default(""),
    occurredAt: z.string().trim().max(16, { error: "invalidDate" }).default(""),
    agency: lineText().max(200, { error: "tooLong" }).default(""),
    reference: lineText().max(200, { error: "tooLong" }).default(""),
    /** The notes of a call, the text of a message, the description of any other source. */
    body: multilineText().max(20_000, { error: "tooLong" }).default(""),
    /** A document: the id of the uploaded file (POST …/documents). */
    fileId: fileRef,
    /** A web page: the id of the desk's snapshot of it (archive), if any. */
    snapshotId: fileRef,
  })
  .superRefine((s, ctx) => {
    const need = (field: keyof typeof s, message = "required") =>
      ctx.addIssue({ code: "custom", path: [field], message });
    if (s.occurredAt !== "" && !isOccurredAt(s.occurredAt)) need("occurredAt", "invalidDate");
    switch (s.kind) {
      case "web":
        if (s.url === "") need("url");
        else if (!isWebUrl(s.url)) need("url", "invalidUrl");
        break;
      case "document":
        if (s.fileId === null) need("fileId", "documentRequired");
        break;
      case "call":
      case "message":
        if (s.party === "") need("party");
        break;
      case "wire":
        if (s.agency === "") need("agency");
        break;
      case "other":
        if (s.body === "") need("body");
        break;
    }
  });
export type SourceInput = z.input<typeof sourceSchema>;
export type SourceValues = z.output<typeof sourceSchema>;

// In lib/evidence/sources, without zod: the source editor imports it in the browser.
export { emptySource } from "@/lib/evidence/sources";
