// Issue 13, item 17: French wording a French editor would write.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(strings);
}

describe("the French catalog", () => {
  const messages = loadMessages("fr");
  const t = createTranslator({ locale: "fr", messages }) as unknown as (
    key: string,
    values?: Record<string, number | string>,
  ) => string;

  it("counts characters with the French plural: 0 and 1 are singular", () => {
    const say = (count: number) => t("articleForm.characters", { count, max: 200000 });
    expect(say(0)).toMatch(/^0 caractère sur 200\s000$/);
    expect(say(1)).toMatch(/^1 caractère sur/);
    expect(say(2)).toMatch(/^2 caractères sur/);
    expect(t("articleForm.charactersOver", { count: 200001, max: 200000, over: 1 })).toMatch(
      /^200\s001 caractères sur 200\s000 : 1 de trop$/,
    );
  });

  it("calls the people claims quote « personnes citées », not authors", () => {
    expect(t("speakers.title")).toBe("Personnes citées");
    expect(t("searchNav.speakers")).toBe("Personnes citées");
    expect(t("claimForm.fields.speaker")).toBe("Personne citée");
    const all = strings(messages);
    expect(all.filter((s) => /\bauteurs?\b/i.test(s))).toEqual([]);
  });

  it("says « Justification du verdict », not « Note de verdict »", () => {
    expect(t("claimForm.fields.verdictNote")).toBe("Justification du verdict");
    expect(strings(messages).filter((s) => s.includes("Note de verdict"))).toEqual([]);
  });
});
