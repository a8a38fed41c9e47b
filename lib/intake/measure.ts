// How close an extracted text is to a reference text, word by word: the measure the intake tests
// and the README's figures use.

/** Words as a reader counts them: letters and digits, with inner apostrophes and hyphens, lower-cased. */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu) ?? []
  );
}

export type WordScore = { precision: number; recall: number; f1: number };

/** Word-level F1 over bags of words (each word counted as often as it occurs on both sides). */
export function wordF1(extracted: string, reference: string): WordScore {
  const got = words(extracted);
  const want = words(reference);
  const counts = new Map<string, number>();
  for (const word of want) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of got) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  if (got.length === 0 || want.length === 0) {
    const same = got.length === want.length;
    return { precision: same ? 1 : 0, recall: same ? 1 : 0, f1: same ? 1 : 0 };
  }
  const precision = common / got.length;
  const recall = common / want.length;
  const f1 = common === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Lines of the extracted text that the reference text does not have (site furniture, mostly). */
export function extraLines(extracted: string, reference: string): string[] {
  const known = new Set(reference.split("\n").map((line) => line.trim()));
  return extracted
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !known.has(line));
}
