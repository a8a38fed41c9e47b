// Which speaker names probably name the same person: "Zelensky", "Volodymyr Zelensky" and
// "le président ukrainien Volodymyr Zelensky" share the words of the shortest; with the desk's
// name variants, "Zelenski" and "Volodymyr Zelensky" do too. Suggestions only:
// a reviewer decides, on the speakers page, what is merged.
import { foldWord } from "./query";
import { STOP_WORDS } from "./stopwords";

/** The preferred spelling of a word ("Zelenski" → "Zelensky"), from the desk's name variants. */
export type CanonicalWord = (word: string) => string;

function nameWords(name: string, canonical: CanonicalWord): Set<string> {
  const words = (name.normalize("NFC").match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map((w) =>
    foldWord(canonical(w)),
  );
  return new Set(words.filter((w) => w.length >= 2 && !STOP_WORDS.has(w)));
}

function isSubset(a: Set<string>, b: Set<string>): boolean {
  for (const word of a) if (!b.has(word)) return false;
  return true;
}

/**
 * Groups of two or more names where every name's words are contained in the next one's: a chain
 * from the shortest to the longest. A short name contained in unrelated longer names ("le
 * ministère" in "le ministère des Transports" and "le ministère de la Défense") is left alone.
 */
export function suggestSpeakerGroups(
  names: readonly string[],
  canonical: CanonicalWord = (w) => w,
): string[][] {
  const entries = [...new Set(names)]
    .map((name) => ({ name, words: nameWords(name, canonical) }))
    .filter((e) => e.words.size > 0 && [...e.words].some((w) => w.length >= 4));
  entries.sort((a, b) => a.words.size - b.words.size || a.name.localeCompare(b.name));

  const groups: string[][] = [];
  const grouped = new Set<string>();
  for (const anchor of entries) {
    if (grouped.has(anchor.name)) continue;
    const wider = entries.filter((e) => e !== anchor && isSubset(anchor.words, e.words));
    if (wider.length === 0) continue;
    // Every pair of the wider names must nest too, or the anchor is ambiguous.
    const chain = wider.every((x) =>
      wider.every((y) => isSubset(x.words, y.words) || isSubset(y.words, x.words)),
    );
    if (!chain) continue;
    const group = [anchor, ...wider].map((e) => e.name);
    if (group.some((name) => grouped.has(name))) continue;
    for (const name of group) grouped.add(name);
    groups.push(group);
  }
  return groups;
}

/**
 * The name to propose when merging: the most used; on a tie, a proper name ("Volodymyr Zelensky")
 * over a description ("le président ukrainien …"), two or three words over one, then the shortest.
 */
export function preferredSpeakerName(
  names: readonly string[],
  counts: ReadonlyMap<string, number>,
): string | undefined {
  const words = (name: string) => name.trim().split(/\s+/).length;
  const proper = (name: string) => (/^\p{Lu}/u.test(name.trim()) ? 0 : 1);
  return [...names].sort(
    (a, b) =>
      (counts.get(b) ?? 0) - (counts.get(a) ?? 0) ||
      proper(a) - proper(b) ||
      Math.abs(words(a) - 2.5) - Math.abs(words(b) - 2.5) ||
      a.length - b.length ||
      a.localeCompare(b),
  )[0];
}
