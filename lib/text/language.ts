import { franc } from "franc-min";
import type { Language } from "@/lib/review/model";

/** The article's language from its body: French, English, or other. */
export function detectLanguage(body: string): Language {
  const code = franc(body.slice(0, 5000), {
    minLength: 20,
    only: ["fra", "eng", "deu", "spa", "ita", "por", "rus", "ukr"],
  });
  if (code === "fra") return "fr";
  if (code === "eng") return "en";
  return "other";
}
