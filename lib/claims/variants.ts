// Name variants and transliterations: "Kiev" and "Kyiv", "Zelenski" and "Zelensky", "Moscou" and
// "Moscow" name the same party. A built-in table, pure, for the suggester's speaker names, speaker
// merging and search. Each group lists its preferred form first.

import { fold } from "./text";

export const NAME_VARIANTS: readonly (readonly string[])[] = [
  // Places and capitals
  ["Kyiv", "Kiev", "Kyïv", "Kiew"],
  ["Kharkiv", "Kharkov", "Kharkiw"],
  ["Odesa", "Odessa"],
  ["Zaporizhzhia", "Zaporijia", "Zaporozhye", "Zaporijjia"],
  ["Donetsk", "Donietsk"],
  ["Luhansk", "Lougansk", "Louhansk", "Lugansk"],
  ["Moscow", "Moscou", "Moskau"],
  ["Beijing", "Pékin", "Peking"],
  ["Kursk", "Koursk"],
  ["Sumy", "Soumy"],
  ["Pokrovsk", "Pokrovs'k"],
  ["Tehran", "Téhéran"],
  ["Brussels", "Bruxelles"],
  ["London", "Londres"],
  ["Washington", "Washington DC", "Washington D.C."],
  // People
  ["Zelensky", "Zelenskyy", "Zelenski", "Zelenskiy", "Zelensky", "Selenskyj"],
  ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenski", "Volodimir Zelensky"],
  ["Putin", "Poutine"],
  ["Vladimir Putin", "Vladimir Poutine"],
  ["Peskov", "Peskow"],
  ["Dmitry Peskov", "Dmitri Peskov", "Dmitriy Peskov"],
  ["Belousov", "Belooussov"],
  ["Andrei Belousov", "Andreï Belooussov", "Andrey Belousov"],
  ["Sergei Lavrov", "Sergueï Lavrov", "Sergey Lavrov"],
  ["Lavrov", "Lavrov"],
  ["Kassym-Jomart Tokayev", "Kassym-Jomart Tokaïev"],
  ["Tokayev", "Tokaïev"],
  ["Alexei Navalny", "Alexeï Navalny", "Aleksei Navalny"],
  ["Navalny", "Navalnyi"],
  ["Mnangagwa", "Mnangagoua"],
  // Institutions
  ["NATO", "OTAN", "Otan"],
  ["UN", "ONU", "United Nations", "Nations unies"],
  ["EU", "UE", "European Union", "Union européenne"],
  ["European Commission", "Commission européenne"],
  ["IMF", "FMI", "International Monetary Fund", "Fonds monétaire international"],
  ["WHO", "OMS", "World Health Organization", "Organisation mondiale de la santé"],
  ["ECB", "BCE", "European Central Bank", "Banque centrale européenne"],
  ["IDF", "Israel Defense Forces", "Tsahal", "armée israélienne", "Israeli military"],
  ["Kremlin", "Kreml"],
  ["White House", "Maison Blanche", "Maison-Blanche"],
  ["Pentagon", "Pentagone"],
];

const keys = new Map<string, string>();

function key(s: string): string {
  let k = keys.get(s);
  if (k === undefined) {
    k = computeKey(s);
    if (keys.size > 10_000) keys.clear();
    keys.set(s, k);
  }
  return k;
}

function computeKey(s: string): string {
  return fold(s)
    .replace(/['’‘`]/g, "")
    .replace(/[\s.-]+/g, " ")
    .trim();
}

let index: Map<string, number> | null = null;

function variantIndex(): Map<string, number> {
  if (index) return index;
  index = new Map();
  NAME_VARIANTS.forEach((group, i) => {
    for (const v of group) if (!index?.has(key(v))) index?.set(key(v), i);
  });
  return index;
}

/** Every spelling of a name in the table (the preferred one first), or just the name. */
export function nameVariants(name: string): string[] {
  const i = variantIndex().get(key(name));
  if (i === undefined) return [name];
  const group = NAME_VARIANTS[i] ?? [name];
  return [...new Set(group)];
}

/** Whether two spellings name the same party according to the table (or are the same). */
export function sameName(a: string, b: string): boolean {
  const ka = key(a);
  const kb = key(b);
  if (ka === kb) return true;
  const ia = variantIndex().get(ka);
  return ia !== undefined && ia === variantIndex().get(kb);
}

/**
 * A name with each known variant replaced by its preferred form, word group by word group
 * ("le président Zelenski" → "le président Zelensky", "Kiev" → "Kyiv"). Case and anything
 * outside the table are kept.
 */
export function canonicalName(name: string): string {
  const idx = variantIndex();
  const whole = idx.get(key(name));
  if (whole !== undefined) return NAME_VARIANTS[whole]?.[0] ?? name;
  const words = name.split(/(\s+)/);
  let changed = false;
  for (let i = 0; i < words.length; i += 2) {
    const w = words[i] ?? "";
    const m = /^([\p{L}\p{N}'’.-]+)([^\p{L}\p{N}]*)$/u.exec(w);
    if (!m || m[1] === undefined) continue;
    const found = idx.get(key(m[1]));
    if (found === undefined) continue;
    const preferred = NAME_VARIANTS[found]?.[0];
    if (!preferred || preferred.includes(" ")) continue;
    if (preferred !== m[1]) {
      words[i] = preferred + (m[2] ?? "");
      changed = true;
    }
  }
  return changed ? words.join("") : name;
}

/** Search terms for a query word: itself plus its variants ("Kiev" → Kyiv, Kiev, Kyïv, Kiew). */
export function searchVariants(term: string): string[] {
  return nameVariants(term.trim());
}
