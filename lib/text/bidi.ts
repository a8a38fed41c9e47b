// Bidirectional control characters: the embeddings and overrides U+202A–U+202E (LRE, RLE, PDF,
// LRO, RLO) and the isolates U+2066–U+2069 (LRI, RLI, FSI, PDI). They are stored as typed (the
// text is the newsroom's record), but they can make text read differently from what it holds: an
// RLO in a speaker's name reverses everything after it, up to the end of the line, across field
// boundaries ("Trojan Source"). Wrapping the text in <bdi> or an FSI…PDI pair does not settle it:
// a PDI inside the text closes the isolate early. So wherever text leaves storage to be read, the
// controls are replaced by characters that have no bidirectional effect:
//
//   - exports (Markdown, HTML, CSV, JSON, JSON Lines, ClaimReview, the summary page): a visible
//     escape, "[U+202E]", so the reader sees that the original held a control character;
//   - the interface: U+FFFD "�", one UTF-16 unit for one, so that offsets into an article body
//     (claim spans, the reader's selection) stay exact.
//
// Marks (U+200E LRM, U+200F RLM, U+061C ALM) are left alone: they only set the direction of the
// neutral characters beside them, they open nothing that could run past a field.

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/** True when the text holds a bidirectional embedding, override or isolate control. */
export function hasBidiControl(text: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069]/.test(text);
}

/** For exports: each bidi control as the visible escape "[U+XXXX]". */
export function escapeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL, (char) => `[U+${char.charCodeAt(0).toString(16).toUpperCase()}]`);
}

/** For the interface: each bidi control as U+FFFD, keeping the length (and every offset) of the text. */
export function maskBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL, "\uFFFD");
}

/** maskBidiControls for rendering: any user text shown in the interface goes through it. */
export function bidiSafe(text: string | null | undefined): string {
  return text == null ? "" : maskBidiControls(text);
}
