// The kinds of evidence and the limits of the files the desk keeps. The kinds live with the rest
// of the vocabulary in lib/review/model.ts (the schemas may import only that). Safe to import anywhere.
export { FILE_KINDS, SOURCE_KINDS, type FileKind, type SourceKind } from "@/lib/review/model";

/** The largest document the desk keeps. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
