// @mentions in a claim's thread, as plain text: "@ana" names the account whose e-mail address
// starts "ana@", "@ana@newsroom.example" the account of that address (when two accounts share a
// local part). Pure, for the server (lib/data/threads.ts resolves the handles to accounts) and the
// browser (the composer's autocomplete finds the handle being typed).

/** A mention: "@" not preceded by a word character, "@" or "." (so "press@gov.ua" is no mention). */
const MENTION =
  /(?<![\p{L}\p{N}_@.])@([\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

/** The handles a text mentions, lower-cased, each once, in order ("@Ana, @ben." → ana, ben). */
export function mentionHandles(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = match[1]!.toLowerCase();
    if (!found.includes(handle)) found.push(handle);
  }
  return found;
}

/** The handle of an account: its e-mail address's local part, lower-cased. */
export function handleOf(email: string): string {
  const at = email.lastIndexOf("@");
  return (at < 0 ? email : email.slice(0, at)).toLowerCase();
}

/** Whether a handle names this account: its local part, or its whole address. */
export function handleMatches(handle: string, email: string): boolean {
  const lower = email.toLowerCase();
  return handle === lower || handle === handleOf(lower);
}

/**
 * The mention being typed at the caret, for the autocomplete: where its "@" is and what follows
 * it, or null when the caret is not in a mention.
 */
export function mentionAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\p{L}\p{N}_@.])@([\p{L}\p{N}_.%+-]*)$/u.exec(before);
  if (!match) return null;
  const query = match[1]!;
  return { start: caret - query.length - 1, query };
}
