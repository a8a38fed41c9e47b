// Name variants and transliterations: "Kiev" and "Kyiv", "Zelenski" and "Zelensky", "Moscou" and
// "Moscow" name the same party. A built-in table, which the desk's admins extend (name_variants,
// lib/data/variants.ts), for the suggester's speaker names, speaker merging and search. Each group
// lists its preferred form first.

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

/** The comparison key of a name: folded, without apostrophes, dots or hyphens. */
export function variantKey(s: string): string {
  let k = keys.get(s);
  if (k === undefined) {
    k = fold(s)
      .replace(/['’‘`]/g, "")
      .replace(/[\s.-]+/g, " ")
      .trim();
    if (keys.size > 10_000) keys.clear();
    keys.set(s, k);
  }
  return k;
}

/** A variant a desk added: `name` is another spelling of `preferred`. */
export type AddedVariant = { name: string; preferred: string };

/** Groups of spellings, the preferred one first, and an index from each spelling's key to its group. */
export class VariantTable {
  readonly groups: readonly (readonly string[])[];
  private readonly index = new Map<string, number>();

  constructor(groups: readonly (readonly string[])[]) {
    this.groups = groups;
    groups.forEach((group, i) => {
      for (const v of group) if (!this.index.has(variantKey(v))) this.index.set(variantKey(v), i);
    });
  }

  /**
   * The table with a desk's own variants: a variant of a name the table knows joins that name's
   * group; otherwise the two make a new group, the preferred form first.
   */
  extend(added: readonly AddedVariant[]): VariantTable {
    if (added.length === 0) return this;
    const groups = this.groups.map((g) => [...g]);
    const index = new Map(this.index);
    for (const { name, preferred } of added) {
      const at = index.get(variantKey(preferred)) ?? index.get(variantKey(name));
      if (at === undefined) {
        groups.push([preferred, name]);
        index.set(variantKey(preferred), groups.length - 1);
        index.set(variantKey(name), groups.length - 1);
      } else {
        const group = groups[at] ?? [];
        for (const v of [preferred, name])
          if (!group.some((g) => variantKey(g) === variantKey(v))) group.push(v);
        index.set(variantKey(name), at);
        index.set(variantKey(preferred), at);
      }
    }
    return new VariantTable(groups);
  }

  groupOf(name: string): readonly string[] | undefined {
    const i = this.index.get(variantKey(name));
    return i === undefined ? undefined : this.groups[i];
  }

  /** Every spelling of a name in the table (the preferred one first), or just the name. */
  variants(name: string): string[] {
    const group = this.groupOf(name);
    return group ? [...new Set(group)] : [name];
  }

  /** Whether two spellings name the same party according to the table (or are the same). */
  same(a: string, b: string): boolean {
    const ka = variantKey(a);
    const kb = variantKey(b);
    if (ka === kb) return true;
    const ia = this.index.get(ka);
    return ia !== undefined && ia === this.index.get(kb);
  }

  /**
   * A name with each known variant replaced by its preferred form, word group by word group
   * ("le président Zelenski" → "le président Zelensky", "Kiev" → "Kyiv"). Case and anything
   * outside the table are kept.
   */
  canonical(name: string): string {
    const whole = this.groupOf(name);
    if (whole) return whole[0] ?? name;
    const words = name.split(/(\s+)/);
    let changed = false;
    for (let i = 0; i < words.length; i += 2) {
      const w = words[i] ?? "";
      const m = /^([\p{L}\p{N}'’.-]+)([^\p{L}\p{N}]*)$/u.exec(w);
      if (!m || m[1] === undefined) continue;
      const preferred = this.groupOf(m[1])?.[0];
      if (!preferred || preferred.includes(" ")) continue;
      if (preferred !== m[1]) {
        words[i] = preferred + (m[2] ?? "");
        changed = true;
      }
    }
    return changed ? words.join("") : name;
  }
}

export const BUILT_IN_VARIANTS = new VariantTable(NAME_VARIANTS);

// The table in use. The suggester and the name helpers are synchronous, so a desk's table is put in
// place for the length of one call (withNameVariants) and the built-in one is back afterwards.
let active: VariantTable = BUILT_IN_VARIANTS;

/** Runs `fn` with `table` as the variants table of nameVariants, sameName and canonicalName. */
export function withNameVariants<T>(table: VariantTable | undefined, fn: () => T): T {
  if (!table || table === active) return fn();
  const previous = active;
  active = table;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** Every spelling of a name in the table (the preferred one first), or just the name. */
export function nameVariants(name: string): string[] {
  return active.variants(name);
}

/** Whether two spellings name the same party according to the table (or are the same). */
export function sameName(a: string, b: string): boolean {
  return active.same(a, b);
}

/** A name with each known variant replaced by its preferred form (see VariantTable.canonical). */
export function canonicalName(name: string): string {
  return active.canonical(name);
}

/** Search terms for a query word: itself plus its variants ("Kiev" → Kyiv, Kiev, Kyïv, Kiew). */
export function searchVariants(term: string): string[] {
  return nameVariants(term.trim());
}
