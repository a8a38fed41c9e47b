/** "le ministère des Transports" → "Le ministère des Transports", for a name that starts a sentence. */
export function upperFirst(text: string, locale?: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toLocaleUpperCase(locale) + text.slice(char.length);
}
