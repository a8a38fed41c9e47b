import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decodeHtml } from "./charset";
import { extractArticle } from "./extract";
import { FIXTURE_PAGES, fixtureHtml, fixtureText } from "./fixtures";
import { previewFromFile, previewFromHtml, previewFromUrl, type IntakePreview } from "./index";
import { extraLines, wordF1 } from "./measure";
import { startServer, type TestServer } from "./test-server";

// jsdom parses pages of up to half a megabyte: seconds each on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const plain = (text: string | null) => text?.replace(/\u00a0/g, " ") ?? null;

function expectArticle(preview: IntakePreview, name: string) {
  const page = FIXTURE_PAGES.find((p) => p.name === name)!;
  const reference = fixtureText(name);
  expect(preview.ok, `${name}: extraction failed`).toBe(true);
  if (!preview.ok) return;
  const score = wordF1(preview.text, reference);
  expect(score.f1, `${name}: word F1 ${score.f1.toFixed(4)}`).toBeGreaterThanOrEqual(0.95);
  // No line that the clean text does not have: no site furniture at all.
  expect(extraLines(preview.text, reference)).toEqual([]);
  expect(preview.text.split("\n\n")[0]).toBe(reference.split("\n\n")[0]);
  expect(plain(preview.details.title)).toBe(page.title);
  expect(preview.details.outlet).toBe(page.outlet);
  expect(preview.details.url).toBe(page.url);
  expect(preview.details.publishedAt).toBe(page.publishedAt);
  expect(preview.details.language).toBe(page.language);
  expect(preview.languageSource).toBe("page");
}

describe("the six real pages, uploaded as files", () => {
  for (const page of FIXTURE_PAGES) {
    it(`${page.name}: exactly the article, with its details`, () => {
      expectArticle(previewFromFile(new Uint8Array(fixtureHtml(page.name))), page.name);
    });
  }

  it("keeps the furniture the issue found out of the text", () => {
    const figaro = previewFromFile(new Uint8Array(fixtureHtml("fr-lefigaro-ukraine-campagne-2025")));
    const reuters = previewFromFile(new Uint8Array(fixtureHtml("en-reuters-israel-tank-journalists")));
    if (!figaro.ok || !reuters.ok) throw new Error("extraction failed");
    for (const furniture of ["Aller au contenu", "BLACK FRIDAY", "Passer la publicité", "Sommaire"])
      expect(figaro.text).not.toContain(furniture);
    for (const furniture of ["Skip to main content", "Register", "opens new tab"])
      expect(reuters.text).not.toContain(furniture);
    expect(reuters.text).toContain("The report by the Netherlands Organisation");
    // The whole page is still there for the editor who wants it, without its hidden text.
    expect(reuters.wholeText.length).toBeGreaterThan(reuters.text.length);
    expect(reuters.wholeText).not.toContain("opens new tab");
  });

  it("names the authors the page names", () => {
    const reuters = previewFromFile(new Uint8Array(fixtureHtml("en-reuters-israel-tank-journalists")));
    const lemonde = previewFromFile(
      new Uint8Array(fixtureHtml("fr-lemonde-previsions-commission-europeenne")),
    );
    expect(reuters.ok && reuters.details.authors).toEqual(["Maya Gebeily", "Anthony Deutsch"]);
    expect(lemonde.ok && lemonde.details.authors).toEqual(["Cécile Ducourtieux"]);
  });
});

describe("the six real pages, fetched from a server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const page = FIXTURE_PAGES.find((p) => req.url === `/${p.name}`);
      if (!page) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(fixtureHtml(page.name));
    });
  });
  afterAll(() => server.close());

  for (const page of FIXTURE_PAGES) {
    it(`${page.name}: exactly the article, with its details`, async () => {
      const preview = await previewFromUrl(`${server.origin}/${page.name}`, { allowHosts: ["127.0.0.1"] });
      expectArticle(preview, page.name);
    });
  }
});

// Windows-1252 bytes of a short text (what the test pages need beyond ASCII).
const CP1252: Record<string, number> = {
  é: 0xe9,
  è: 0xe8,
  à: 0xe0,
  ç: 0xe7,
  "’": 0x92,
  "«": 0xab,
  "»": 0xbb,
  "\u00a0": 0xa0,
};
function cp1252(text: string): Uint8Array {
  return new Uint8Array([...text].map((c) => CP1252[c] ?? c.charCodeAt(0)));
}

const SENTENCE =
  "Le ministre a déclaré à la presse qu’il n’était pas responsable de la hausse des prix, « ni de près ni de loin ».";
function frenchPage(charsetTag: string): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) => `<p>${SENTENCE} Paragraphe numéro ${i + 1}, où l’on précise les faits.</p>`,
  );
  return `<!doctype html><html><head>${charsetTag}<title>Une déclaration très commentée - La Gazette</title></head><body><nav><a href="/">Accueil</a></nav><article><h1>Une déclaration très commentée</h1>${paragraphs.join("")}</article><footer>© La Gazette</footer></body></html>`;
}

describe("uploaded pages in any declared charset", () => {
  for (const [label, tag] of [
    ["windows-1252", '<meta charset="windows-1252">'],
    ["ISO-8859-1", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'],
  ] as const) {
    it(`decodes ${label}`, () => {
      const preview = previewFromFile(cp1252(frenchPage(tag)));
      expect(preview.ok).toBe(true);
      if (!preview.ok) return;
      expect(preview.text).toContain(SENTENCE);
      expect(preview.text).not.toMatch(/Accueil|Gazette/);
      expect(preview.details.title).toBe("Une déclaration très commentée");
      expect(preview.details.language).toBe("fr");
      expect(preview.languageSource).toBe("detected");
    });
  }

  it("decodes UTF-8 with and without a declaration, and undeclared Windows-1252", () => {
    const utf8 = new TextEncoder().encode(frenchPage('<meta charset="utf-8">'));
    expect(decodeHtml(utf8)).toContain(SENTENCE);
    expect(decodeHtml(new TextEncoder().encode(frenchPage("")))).toContain(SENTENCE);
    expect(decodeHtml(cp1252(frenchPage("")))).toContain(SENTENCE);
    // The HTTP header outranks the page's own declaration.
    expect(
      decodeHtml(cp1252(frenchPage('<meta charset="utf-8">')), "text/html; charset=windows-1252"),
    ).toContain(SENTENCE);
  });
});

describe("pasted HTML", () => {
  it("extracts a whole page pasted as source text", () => {
    const html = fixtureHtml("en-telegraph-zimbabwe-mugabe-coup").toString("utf8");
    expectArticle(previewFromHtml(html), "en-telegraph-zimbabwe-mugabe-coup");
  });

  it("never runs the page's scripts", () => {
    const marker = globalThis as { __intakeRan?: boolean };
    const html = frenchPage("").replace(
      "</article>",
      `<script>globalThis.__intakeRan = true</script><img src="x" onerror="globalThis.__intakeRan = true"></article>`,
    );
    const preview = extractArticle(html);
    expect(preview.ok).toBe(true);
    expect(marker.__intakeRan).toBeUndefined();
  });

  it("keeps block quotes and lists as text, drops visually hidden text", () => {
    const body = Array.from({ length: 4 }, () => `<p>${SENTENCE}</p>`).join("");
    const html = `<html lang="fr"><body><article><h1>Titre de l’article</h1>${body}<blockquote><p>Nous ne céderons pas.</p></blockquote><ul><li>Premier point</li><li>Second point</li></ul><ol><li>Un</li><li>Deux</li></ol><p>Voir <a href="/r">le rapport<span class="sr-only">, ouvre un nouvel onglet</span></a> publié hier, qui détaille les chiffres de l’année.</p></article></body></html>`;
    const preview = previewFromHtml(html);
    if (!preview.ok) throw new Error("extraction failed");
    expect(preview.text.split("\n\n")).toEqual([
      "Titre de l’article",
      SENTENCE,
      SENTENCE,
      SENTENCE,
      SENTENCE,
      "Nous ne céderons pas.",
      "• Premier point",
      "• Second point",
      "1. Un",
      "2. Deux",
      "Voir le rapport publié hier, qui détaille les chiffres de l’année.",
    ]);
  });

  it("drops the furniture of a page it has never seen, and keeps an article named like furniture", () => {
    const paragraphs = Array.from(
      { length: 5 },
      (_, i) => `<p>${SENTENCE} Le commentaire numéro ${i + 1} des actionnaires a été publié.</p>`,
    ).join("");
    const html = `<!doctype html><html lang="fr"><head><title>Les actionnaires s’inquiètent | Le Quotidien</title><meta property="og:site_name" content="Le Quotidien"></head><body>
      <div id="cookie-banner"><p>Nous utilisons des cookies pour améliorer votre expérience. Accepter ou refuser.</p></div>
      <header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/eco">Économie</a></li></ul></nav></header>
      <main><article class="commentary shareholders-report"><h1>Les actionnaires s’inquiètent</h1>
        <div class="share-bar"><a href="#">Partager sur Facebook</a><a href="#">Partager sur X</a></div>
        <p class="standfirst">Le chapô de l’article, qui résume l’affaire en une phrase assez longue pour compter.</p>
        ${paragraphs}
        <figure><img src="a.jpg"><figcaption>Le siège de l’entreprise. Photo : Agence</figcaption></figure>
        <div class="ad-slot">Publicité</div>
        <aside class="related"><h2>Sur le même sujet</h2><ul><li><a href="/x">Un autre article</a></li></ul></aside>
        <div class="newsletter-signup"><p>Inscrivez-vous à notre lettre d’information quotidienne gratuite.</p></div>
      </article></main>
      <footer><p>© Le Quotidien 2026. Tous droits réservés. Mentions légales.</p></footer></body></html>`;
    const preview = previewFromHtml(html);
    if (!preview.ok) throw new Error("extraction failed");
    const lines = preview.text.split("\n\n");
    expect(lines[0]).toBe("Les actionnaires s’inquiètent");
    expect(lines[1]).toMatch(/^Le chapô de l’article/);
    expect(lines).toHaveLength(7);
    expect(preview.text).not.toMatch(
      /cookies|Accueil|Partager|Photo|Publicité|même sujet|lettre d’information|droits réservés/,
    );
    expect(preview.details).toMatchObject({
      title: "Les actionnaires s’inquiètent",
      outlet: "Le Quotidien",
      language: "fr",
    });
  });

  it("says when nothing looks like an article, and still offers the page's text", () => {
    const preview = previewFromHtml(
      `<html><body><div id="app"></div><p>Subscribe to read this article.</p><script>render()</script></body></html>`,
    );
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.code).toBe("noArticle");
    expect(preview.message).toMatch(/paywall/);
    expect(preview.wholeText).toBe("Subscribe to read this article.");
  });
});

describe("wordF1", () => {
  it("is 1 for the same words and falls with extra or missing ones", () => {
    expect(wordF1("Le chat dort.", "le chat dort").f1).toBe(1);
    const extra = wordF1("Skip to main content. Le chat dort.", "Le chat dort.");
    expect(extra.recall).toBe(1);
    expect(extra.precision).toBeCloseTo(3 / 7);
    expect(wordF1("Le chat", "Le chat dort").recall).toBeCloseTo(2 / 3);
    expect(wordF1("", "Le chat").f1).toBe(0);
  });
});
