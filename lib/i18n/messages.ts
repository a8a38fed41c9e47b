import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./locale";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/**
 * The catalog of a locale: every messages/<locale>/*.json file, each holding its own top-level
 * namespaces, merged. One file per product area keeps parallel work from colliding.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(process.cwd(), "messages", locale);
  const merged: Messages = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const namespaces = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Messages;
    for (const [key, value] of Object.entries(namespaces)) {
      if (key in merged) throw new Error(`Message namespace "${key}" is defined twice (${file})`);
      merged[key] = value;
    }
  }
  cache.set(locale, merged);
  return merged;
}
