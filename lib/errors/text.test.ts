// The one way errors become words: every code and every reason the code throws has a sentence in
// English and in French, and a French reader never gets the server's English message.
import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { ERROR_CODES, networkFailure, type Failure } from "./index";
import { describeError, describeFieldError, failureFromProblem, type Translate } from "./text";

const translator = (locale: "en" | "fr") =>
  createTranslator({
    locale,
    messages: loadMessages(locale),
    timeZone: "Europe/Paris",
  }) as unknown as Translate;
const en = translator("en");
const fr = translator("fr");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every `reason: "…"` the app's code gives an error, and every refuse(code, "reason", …) of the rules. */
function reasonsInCode(): string[] {
  const found = new Set<string>();
  for (const file of ["lib", "app", "components"].flatMap((dir) =>
    sourceFiles(path.join(process.cwd(), dir)),
  )) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/\breason: "([a-z_]+)"/g)) found.add(match[1]!);
    for (const match of text.matchAll(/refuse\(\s*"[a-z_]+",\s*"([a-z_]+)"/g)) found.add(match[1]!);
  }
  return [...found].sort();
}

/**
 * Every field error key the app can give a field: the messages of the zod schemas (lib/validation),
 * the fieldErrors the data layer and the route handlers build, and the keys the forms set themselves.
 */
function fieldKeysInCode(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(path.join(process.cwd(), "lib", "validation"))) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/\berror: "([A-Za-z_]+)"/g)) found.add(match[1]!);
    for (const match of text.matchAll(/\bmessage: "([A-Za-z_]+)"/g)) found.add(match[1]!);
  }
  for (const file of ["lib", "app", "components", "scripts"].flatMap((dir) =>
    sourceFiles(path.join(process.cwd(), dir)),
  )) {
    const text = fs.readFileSync(file, "utf8");
    for (const object of text.matchAll(/fieldErrors: \{([^}]*)\}/g)) {
      for (const match of object[1]!.matchAll(/\["([A-Za-z_]+)"/g)) found.add(match[1]!);
    }
    for (const match of text.matchAll(/\[\w+,\s*\["([A-Za-z_]+)"\]\]/g)) found.add(match[1]!);
    for (const match of text.matchAll(/setError\([^;]*?message: "([A-Za-z_]+)"/g)) found.add(match[1]!);
  }
  // lib/evidence/detect.ts gives the file field its refusal's reason as the key.
  for (const key of ["file_empty", "file_type_unknown", "file_type_mismatch"]) found.add(key);
  return [...found].sort();
}

/** The keys a catalog file defines twice in one object (JSON.parse keeps the last one silently). */
function duplicateKeys(file: string): string[] {
  const seen = new Map<number, Set<string>>();
  const twice: string[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const match = /^( *)"((?:[^"\\]|\\.)*)":/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length;
    const keys = seen.get(depth) ?? new Set<string>();
    if (keys.has(match[2]!)) twice.push(`${path.basename(file)}: ${match[2]}`);
    keys.add(match[2]!);
    seen.set(depth, keys);
    // A new object begins: its keys are counted apart from its siblings'.
    if (line.trimEnd().endsWith("{")) seen.delete(depth + 2);
  }
  return twice;
}

const failure = (extra: Partial<Failure>): Failure => ({
  ok: false,
  code: "internal",
  message: "English!",
  ...extra,
});

describe("the error catalogs", () => {
  it("have a sentence for every code in both languages", () => {
    for (const code of ERROR_CODES) {
      expect(en.has(`errors.${code}`), `en errors.${code}`).toBe(true);
      expect(fr.has(`errors.${code}`), `fr errors.${code}`).toBe(true);
    }
  });

  it("have a sentence for every reason the code throws, in both languages", () => {
    const reasons = reasonsInCode();
    expect(reasons.length).toBeGreaterThan(40);
    expect(reasons.filter((reason) => !en.has(`errorReasons.${reason}`))).toEqual([]);
    expect(reasons.filter((reason) => !fr.has(`errorReasons.${reason}`))).toEqual([]);
  });
});

describe("the field error catalogs", () => {
  it("have words for every field error key the schemas, the data layer and the forms give, in both languages", () => {
    const keys = fieldKeysInCode();
    expect(keys.length).toBeGreaterThan(40);
    const generic = { en: en("errors.invalid_input"), fr: fr("errors.invalid_input") };
    expect(keys.filter((key) => describeFieldError(en, key) === generic.en)).toEqual([]);
    expect(keys.filter((key) => describeFieldError(fr, key) === generic.fr)).toEqual([]);
    // And the French words are French: none is the English sentence (a copy left untranslated).
    expect(keys.filter((key) => describeFieldError(fr, key) === describeFieldError(en, key))).toEqual([]);
  });

  it("define no message twice in one place (the later one would silently win)", () => {
    const files = ["en", "fr"].flatMap((locale) =>
      fs
        .readdirSync(path.join(process.cwd(), "messages", locale))
        .map((name) => path.join(process.cwd(), "messages", locale, name)),
    );
    expect(files.flatMap(duplicateKeys)).toEqual([]);
  });
});

describe("describeFieldError", () => {
  it("says a field's problem in the reader's language, with the limit the schema checks", () => {
    expect(describeFieldError(fr, "passwordTooShort")).toBe("Utilisez au moins 10 caractères.");
    expect(describeFieldError(en, "passwordTooShort")).toBe("Use at least 10 characters.");
    expect(describeFieldError(fr, "noArticle")).toMatch(/^Rien dans cette page/);
  });

  it("never shows a key it does not know, only “some fields need attention”", () => {
    expect(describeFieldError(fr, "someNewKey")).toBe("Certains champs sont à revoir.");
    expect(describeFieldError(en, undefined)).toBeUndefined();
  });
});

describe("failureFromProblem", () => {
  it("reads a problem+json back as code, reason and field codes, so the reader's catalog words it", () => {
    const problem = {
      type: "https://claim-desk.example/problems/invalid_input",
      title: "Invalid input",
      status: 400,
      detail: "The end of the range comes before its start.",
      code: "invalid_input",
      errors: [
        { field: "to", code: "rangeReversed", detail: "The end of the range comes before its start." },
      ],
    };
    expect(describeError(fr, failureFromProblem(problem, 400))).toBe(fr("errors.rangeReversed"));
    const taken = { code: "conflict", reason: "taken", by: "Ana", at: "2026-11-24T13:02:00.000Z" };
    expect(describeError(fr, failureFromProblem(taken, 409))).toMatch(/^Ana /);
    expect(describeError(fr, failureFromProblem("<html>", 503))).toBe(fr("errors.unavailable"));
  });
});

describe("describeError", () => {
  it("says who decided a claim first, in the reader's language, never the server's English", () => {
    const approved = failure({
      code: "wrong_stage",
      message: "Already approved by Ben Okafor.",
      details: {
        reason: "already_approved",
        decision: "approved",
        by: "Ben Okafor",
        at: "2026-11-24T13:02:00Z",
      },
    });
    expect(describeError(en, approved)).toBe("Already approved by Ben Okafor.");
    expect(describeError(fr, approved)).toBe("Déjà validée par Ben Okafor.");
  });

  it("puts a stage refusal from the rules into French words (no “Cette affirmation a changé entre-temps : This claim…”)", () => {
    const refused = failure({
      code: "wrong_stage",
      message: "This claim is already approved; it cannot be submitted for review now.",
      details: { reason: "wrong_stage", stage: "approved", action: "submit" },
    });
    expect(describeError(fr, refused)).toBe(
      "Cette affirmation est déjà validée ; elle ne peut pas être soumise à la relecture maintenant.",
    );
    expect(describeError(en, refused)).toBe(
      "This claim is already approved; it cannot be submitted for review now.",
    );
    // A wrong_stage without a reason still reads as French.
    expect(
      describeError(fr, failure({ code: "wrong_stage", message: "This claim is a draft." })),
    ).not.toMatch(/This claim/);
  });

  it("formats when, with a conflict, in the desk's time zone", () => {
    const changed = failure({
      code: "conflict",
      details: { reason: "changed", by: "Ana", at: "2026-11-24T13:02:00.000Z" },
    });
    expect(describeError(fr, changed)).toBe("Modifiée par Ana à 14:02 entre-temps. Rien n’a été enregistré.");
  });

  it("falls back to the first invalid field, then to the code, never to the message", () => {
    expect(
      describeError(fr, failure({ code: "invalid_input", fieldErrors: { quote: ["spanMismatch"] } })),
    ).toBe("La citation ne correspond plus au texte de l’article.");
    expect(describeError(fr, failure({ code: "forbidden" }))).toBe("Votre rôle ne le permet pas.");
    expect(describeError(fr, failure({ code: "internal", details: { reason: "no_such_reason" } }))).toBe(
      "Une erreur est survenue de notre côté. Rien n’a été enregistré.",
    );
  });

  it("says a call that got no answer got no answer", () => {
    expect(describeError(fr, networkFailure())).toMatch(/^Le desk n’a pas répondu/);
    expect(describeError(en, networkFailure())).toMatch(/^The desk did not answer/);
  });
});
