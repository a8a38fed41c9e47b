import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLE_FORM_WORDS, articleFormWordsOf } from "@/app/(app)/articles/article-form-words";
import { SIGN_IN_WORDS } from "@/app/(auth)/sign-in/words";
import { formWordsOf, takesValues } from "@/lib/i18n/form-words";
import { LOCALES } from "@/lib/i18n/locale";
import { loadMessages } from "@/lib/i18n/messages";

const context = (locale: (typeof LOCALES)[number]) => ({
  locale,
  catalog: loadMessages(locale),
  timeZone: "Europe/Paris",
});

const source = (file: string) => fs.readFileSync(path.join(process.cwd(), file), "utf8");

/** The keys a form reads through a helper: text("ns.key"), or t("key") for a helper of one namespace. */
function keysRead(file: string, helpers: Record<string, string>): string[] {
  const keys = new Set<string>();
  for (const [helper, prefix] of Object.entries(helpers)) {
    for (const m of source(file).matchAll(new RegExp(`(?<![\\w.])${helper}\\("([\\w.]+)"`, "g")))
      keys.add(prefix + m[1]);
  }
  return [...keys];
}

describe("form words", () => {
  it("formats the messages without values on the server and keeps the others raw for the browser", () => {
    const words = formWordsOf(context("fr"), { text: ["articleForm"], messages: ["errors"] });
    expect(words.text["articleForm.title"]).toBe(loadMessages("fr").articleForm!["title" as never]);
    expect(words.text["articleForm.characters"]).toBeUndefined();
    expect((words.messages.articleForm as Record<string, string>).characters).toMatch(/plural/);
    expect(words.messages.errors).toEqual(loadMessages("fr").errors);
    expect(takesValues("“{name}” could not be read.")).toBe(true);
    expect(takesValues("Create article")).toBe(false);
  });

  it("the article form's first counts come formatted in each language", () => {
    expect(articleFormWordsOf(context("en")).bodyCount).toBe("0 of 200,000 characters");
    expect(articleFormWordsOf(context("fr")).bodyCount).toMatch(/^0 caractère sur 200\s000$/);
    const locked = articleFormWordsOf(context("en"), { body: "Un.\n\n\n\nDeux.", claimCount: 2 });
    expect(locked.bodyCount).toBe("10 of 200,000 characters");
    expect(locked.bodyLocked).toMatch(/^This article has 2 claims anchored/);
  });

  for (const locale of LOCALES) {
    it(`every word the sign-in form reads is in its words (${locale})`, () => {
      const words = formWordsOf(context(locale), SIGN_IN_WORDS);
      const keys = keysRead("components/sign-in-form.tsx", { text: "" });
      expect(keys.length).toBeGreaterThan(3);
      for (const key of keys) expect(words.text, key).toHaveProperty([key]);
      expect(words.messages.signIn).toHaveProperty(["throttled"]);
    });

    it(`every word the article form reads is in its words (${locale})`, () => {
      const words = articleFormWordsOf(context(locale));
      const shown = [
        ...keysRead("components/article-form.tsx", { t: "articleForm.", ti: "intake.", text: "" }),
        ...keysRead("components/article-import.tsx", { text: "" }),
        ...keysRead("components/article-import-preview.tsx", { text: "" }),
      ];
      expect(shown.length).toBeGreaterThan(30);
      for (const key of shown) expect(words.text, key).toHaveProperty([key]);
      const formatted = [
        ...keysRead("components/article-form.tsx", { "loaded\\.t": "", "\\.t": "" }),
        ...keysRead("components/article-import-preview.tsx", { t: "" }),
      ];
      expect(formatted.length).toBeGreaterThan(5);
      for (const key of formatted) {
        const [namespace, name] = key.split(".") as [string, string];
        expect(words.messages[namespace], key).toHaveProperty([name]);
      }
      expect(ARTICLE_FORM_WORDS.messages).toEqual(["errors", "errorReasons", "intakeErrors"]);
    });
  }
});
