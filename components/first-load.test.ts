import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What every page loads first: the client components of the root layout (the error page) and of
// the signed-in layout (the header). This follows their static imports (not `import type`, not
// `import()`, which the bundler puts in a chunk of its own, loaded later) through the project's
// files, and names the packages they reach. A "use server" module's imports are not followed: the
// browser gets a reference to the action, not its code.

const ROOT = process.cwd();
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The header's and the error page's client components: each page's first load. */
const FIRST_LOAD = [
  "app/error.tsx",
  "components/nav-link.tsx",
  "components/nav-search.tsx",
  "components/language-switch.tsx",
  "components/live/live-counts.tsx",
  "components/nav-menu.tsx",
];

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(?!type\b)([^;]*?)\s+from\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm;
  for (const m of source.matchAll(statement)) specifiers.push((m[3] ?? m[4])!);
  return specifiers;
}

/** Every project file and package reached from the entries by static imports. */
function reach(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = entries.map((e) => path.join(ROOT, e));
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = fs.readFileSync(file, "utf8");
    // A "use server" module is a reference to the server in the browser's bundle: its imports stay there.
    if (/^(\s*\/\/.*\n)*\s*"use server"/.test(source)) continue;
    for (const specifier of staticImports(source)) {
      const target = resolve(file, specifier);
      if (target) todo.push(target);
      else if (!specifier.startsWith(".") && !specifier.startsWith("@/")) {
        const parts = specifier.split("/");
        packages.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!);
      }
    }
  }
  return { files, packages };
}

const USE_CLIENT = /^(?:\s*\/\/.*\n|\s*\/\*[\s\S]*?\*\/)*\s*["']use client["']/;

/**
 * A server page's client entry: the "use client" modules it reaches through its server modules'
 * static imports. The bundler puts each of them (and all they import statically) in the page's
 * first load, whether or not the page renders them on a given request.
 */
function clientEntries(page: string): { entries: string[]; serverFiles: Set<string> } {
  const serverFiles = new Set<string>();
  const entries = new Set<string>();
  const todo = [path.join(ROOT, page)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (serverFiles.has(file) || entries.has(file)) continue;
    const source = fs.readFileSync(file, "utf8");
    if (USE_CLIENT.test(source)) {
      entries.add(file);
      continue;
    }
    serverFiles.add(file);
    for (const specifier of staticImports(source)) {
      const target = resolve(file, specifier);
      if (target) todo.push(target);
    }
  }
  return { entries: [...entries].map((f) => path.relative(ROOT, f)), serverFiles };
}

describe("the search page's first load", () => {
  const { entries, serverFiles } = clientEntries("app/(app)/search/page.tsx");
  const { files, packages } = reach(entries);
  const relative = [...files].map((f) => path.relative(ROOT, f));

  it("follows the page's client components", () => {
    expect(entries).toContain("components/similar-claims-checker.tsx");
    expect(relative).toContain("components/similar-claims-frame.tsx");
  });

  it("renders the results' badges on the server, without next-intl's client provider", () => {
    const server = [...serverFiles].map((f) => path.relative(ROOT, f));
    expect(server).toContain("components/verdict-badge-server.tsx");
    expect(server).toContain("components/badge-markup.tsx");
    expect(entries).not.toContain("components/verdict-badge.tsx");
    expect(server).not.toContain("components/client-messages.tsx");
    for (const file of serverFiles)
      expect(fs.readFileSync(file, "utf8"), path.relative(ROOT, file)).not.toMatch(/NextIntlClientProvider/);
  });

  it("leaves next-intl, tailwind-merge and the similar-claims panel out: the checker loads them when used", () => {
    expect(packages).not.toContain("next-intl");
    expect(packages).not.toContain("use-intl");
    expect(packages).not.toContain("tailwind-merge");
    expect(relative).not.toContain("components/ui/cn.ts");
    expect(relative).not.toContain("components/similar-claims-panel.tsx");
    expect(fs.readFileSync(path.join(ROOT, "components/similar-claims-checker.tsx"), "utf8")).toMatch(
      /lazy\(\(\) => import\("\.\/similar-claims-intl-panel"\)\)/,
    );
  });
});

describe("every page's first load", () => {
  const { files, packages } = reach(FIRST_LOAD);
  const relative = [...files].map((f) => path.relative(ROOT, f));

  it("follows the imports it is given", () => {
    expect(relative).toContain("components/ui/classes.ts");
    expect(relative).toContain("components/ui/button-class.ts");
    expect(relative).toContain("components/shell-text.tsx");
  });

  it("leaves tailwind-merge out (cn() in the header's or the error page's client components)", () => {
    expect(packages).not.toContain("tailwind-merge");
    expect(relative).not.toContain("components/ui/cn.ts");
  });

  it("leaves the live channel's client out: the header loads it after hydration", () => {
    expect(relative).not.toContain("components/live/live-client.ts");
    expect(relative).not.toContain("components/live/use-live.ts");
    expect(fs.readFileSync(path.join(ROOT, "components/live/live-counts.tsx"), "utf8")).toMatch(
      /import\("\.\/counts-listener"\)/,
    );
  });

  it("leaves next-intl out: its client runtime and ICU message parser load with the pages that translate on the client", () => {
    expect(packages).not.toContain("next-intl");
    expect(packages).not.toContain("use-intl");
    expect(packages).not.toContain("intl-messageformat");
    // The live counts format other counts than the server's with it, loaded when one changes.
    expect(fs.readFileSync(path.join(ROOT, "components/live/live-counts.tsx"), "utf8")).toMatch(
      /import\("next-intl"\)/,
    );
  });

  it("gives the root layout no next-intl client provider: the header's words come formatted", () => {
    const layout = fs.readFileSync(path.join(ROOT, "app/layout.tsx"), "utf8");
    expect(layout).toMatch(/<ShellTextProvider text=\{/);
    expect(layout).not.toMatch(/ClientMessages|NextIntlClientProvider/);
    // A value exported by a "use client" module is a client reference on the server, not the value:
    // the layout takes the digest's placeholder from a plain module.
    expect(layout).toMatch(/import \{ DIGEST_SLOT, type ShellText \} from "@\/components\/shell-text-words"/);
    expect(fs.readFileSync(path.join(ROOT, "components/shell-text-words.ts"), "utf8")).not.toMatch(
      /^\s*"use client"/,
    );
    // Each key the first-load components read is one the layout fills.
    const shellKeys = new Set(
      [
        ...fs
          .readFileSync(path.join(ROOT, "components/shell-text-words.ts"), "utf8")
          .matchAll(/^  (\w+): string;/gm),
      ].map((m) => m[1]!),
    );
    const used = new Set<string>();
    for (const file of files) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/\btext\.(\w+)/g)) {
        if (shellKeys.has(m[1]!)) used.add(m[1]!);
      }
    }
    for (const key of shellKeys)
      expect(layout, `app/layout.tsx fills ${key}`).toMatch(new RegExp(`\\b${key}:`));
    expect(used.size).toBeGreaterThan(5);
  });
});

// The sign-in and new-article pages: their forms get their words from the page as a prop
// (lib/i18n/form-words.ts), not from next-intl's client provider, and join their classes without
// tailwind-merge. zod, next-intl's translator (with the error describers), the charset decoder, the
// HTML converter and the language model load when the person acts on the form.
describe("the sign-in and new-article forms' first load", () => {
  for (const entry of ["components/sign-in-form.tsx", "components/article-form.tsx"]) {
    const { files, packages } = reach([entry]);
    const relative = [...files].map((f) => path.relative(ROOT, f));

    it(`${entry}: no next-intl, tailwind-merge or zod`, () => {
      expect(relative).toContain("components/ui/form-words.ts");
      for (const name of [
        "next-intl",
        "use-intl",
        "intl-messageformat",
        "tailwind-merge",
        "zod",
        "@hookform/resolvers",
      ])
        expect(packages, name).not.toContain(name);
      expect(relative).not.toContain("components/ui/cn.ts");
      expect(relative).not.toContain("components/ui/error-text.ts");
    });

    it(`${entry}: the translator, the error words and the rest load on demand`, () => {
      for (const file of [
        "lib/errors/text.ts",
        "lib/validation/auth.ts",
        "lib/validation/article.ts",
        "lib/intake/charset.ts",
        "lib/text/html.ts",
        "lib/text/language.ts",
      ])
        expect(relative, file).not.toContain(file);
    });
  }

  it("the translator is imported on demand, with the error describers", () => {
    const source = fs.readFileSync(path.join(ROOT, "components/ui/form-words.ts"), "utf8");
    expect(source).toMatch(/import\("next-intl"\)/);
    expect(source).toMatch(/import\("@\/lib\/errors\/text"\)/);
  });

  it("their pages give no next-intl client provider", () => {
    for (const page of ["app/(auth)/sign-in/page.tsx", "app/(app)/articles/new/page.tsx"]) {
      const source = fs.readFileSync(path.join(ROOT, page), "utf8");
      expect(source, page).not.toMatch(/ClientMessages|NextIntlClientProvider/);
      expect(source, page).toMatch(/words=\{words\}/);
    }
  });
});

// The queue: its board renders the first lines on the server and loads what only a click or a key
// needs (the shortcut list, the reviewer picker, the bulk assignment, the undo button) on first use.
describe("the queue page's first load", () => {
  const { entries } = clientEntries("app/(app)/queue/page.tsx");
  const { files } = reach(entries);
  const relative = [...files].map((f) => path.relative(ROOT, f));

  it("follows the board and its lines", () => {
    expect(entries).toContain("components/queue/queue-board.tsx");
    expect(relative).toContain("components/queue/queue-line.tsx");
    expect(relative).toContain("components/thread-panel.tsx");
  });

  it("leaves the shortcut list, the reviewer pickers and the undo button to a later chunk", () => {
    for (const file of [
      "components/queue/shortcuts-dialog.tsx",
      "components/assign-reviewer.tsx",
      "components/assign-bulk.tsx",
      "components/publish/undo-button.tsx",
    ])
      expect(relative, file).not.toContain(file);
    const board = fs.readFileSync(path.join(ROOT, "components/queue/queue-board.tsx"), "utf8");
    expect(board).toMatch(/import\("\.\/shortcuts-dialog"\)/);
    expect(board).toMatch(/import\("@\/components\/assign-bulk"\)/);
    expect(board).toMatch(/import\("@\/components\/publish\/undo-button"\)/);
    const line = fs.readFileSync(path.join(ROOT, "components/queue/queue-line.tsx"), "utf8");
    expect(line).toMatch(/import\("@\/components\/assign-reviewer"\)/);
  });
});

// The article page: the claim form (react-hook-form, zod), the suggestions panel, an opened claim's
// details (its sources) and the claim threads load when used; the form's message namespaces load with it, so that the page does not
// send them (components/claim-form-messages.ts).
describe("the article page's first load", () => {
  const page = "app/(app)/articles/[id]/page.tsx";
  const { entries } = clientEntries(page);
  const { files, packages } = reach(entries);
  const relative = [...files].map((f) => path.relative(ROOT, f));

  /** The namespaces the given files' useTranslations calls name (the first part of their argument). */
  const namespacesOf = (list: Iterable<string>) => {
    const found = new Set<string>();
    for (const file of list)
      for (const m of fs.readFileSync(file, "utf8").matchAll(/useTranslations\("(\w+)/g)) found.add(m[1]!);
    return found;
  };
  const pageNamespaces = new Set(
    [...fs.readFileSync(path.join(ROOT, page), "utf8").matchAll(/^\s+"(\w+)",$/gm)].map((m) => m[1]!),
  );

  it("follows the page's client components", () => {
    expect(entries).toContain("components/article-workspace.tsx");
    expect(relative).toContain("components/article-reader.tsx");
    expect(pageNamespaces).toContain("article");
  });

  it("leaves the claim form, its form library and zod, the suggestions panel, the details and the threads out", () => {
    for (const name of ["react-hook-form", "zod", "@hookform/resolvers"])
      expect(packages, name).not.toContain(name);
    for (const file of [
      "components/claim-form.tsx",
      "components/claim-form-intl.tsx",
      "components/claim-suggestions.tsx",
      "components/thread-panel.tsx",
      "components/similar-claims-panel.tsx",
      "components/claim-details-view.tsx",
      "components/source-list.tsx",
    ])
      expect(relative, file).not.toContain(file);
    const workspace = fs.readFileSync(path.join(ROOT, "components/article-workspace.tsx"), "utf8");
    expect(workspace).toMatch(/dynamic\(\(\) => import\("\.\/claim-form-intl"\)/);
    expect(workspace).toMatch(/dynamic\(\(\) => import\("\.\/claim-suggestions"\)/);
    expect(workspace).toMatch(/dynamic\(\(\) => import\("\.\/thread-panel"\)/);
    expect(workspace).toMatch(/dynamic\(\(\) => import\("\.\/claim-details-view"\)/);
  });

  it("leaves tailwind-merge out: its highlights and buttons join their classes (reader-classes.ts)", () => {
    expect(
      relative.filter((f) => /components\/ui\/(cn|button|field)\.tsx?$/.test(f)),
      "modules bringing cn()",
    ).toEqual([]);
    expect(packages).not.toContain("tailwind-merge");
  });

  it("sends the namespaces its first-load client components use, and the form's load with the form", async () => {
    for (const ns of namespacesOf(files)) expect(pageNamespaces, ns).toContain(ns);
    const { CLAIM_FORM_NAMESPACES } = await import("./claim-form-messages");
    for (const ns of CLAIM_FORM_NAMESPACES) expect(pageNamespaces, ns).not.toContain(ns);
    // Everything the form and the panels it loads translate is either on the page or loaded with it.
    const loaded = reach([
      "components/claim-form-intl.tsx",
      "components/claim-suggestions.tsx",
      "components/thread-panel.tsx",
      "components/claim-details-view.tsx",
    ]).files;
    for (const ns of namespacesOf(loaded))
      expect([...pageNamespaces, ...CLAIM_FORM_NAMESPACES], ns).toContain(ns);
  });
});
