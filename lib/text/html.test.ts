import { describe, expect, it } from "vitest";
import { htmlToText, looksLikeHtml } from "./html";
import { normaliseBody } from "./normalise";

const pasted = (html: string) => normaliseBody(htmlToText(html));

describe("htmlToText", () => {
  it("gives the paragraphs as text, without markup, links or scripts", () => {
    const html = [
      '<p>Le <b>Kremlin</b> affirme que ses forces ont pris <a href="https://example.org/carte">12 villages</a>.</p>',
      "<script>document.title = 'piège'</script>",
      "<p>Kyiv n'a <i>pas</i> commenté.</p>",
    ].join("");
    expect(pasted(html)).toBe(
      "Le Kremlin affirme que ses forces ont pris 12 villages.\n\nKyiv n'a pas commenté.",
    );
  });

  it("drops styles, images, figures and navigation", () => {
    const html =
      "<nav><a href='/'>Accueil</a></nav><style>p { color: red }</style><figure><img src='x.jpg' alt='Photo'><figcaption>Légende</figcaption></figure><p>Texte.</p>";
    expect(pasted(html)).toBe("Texte.");
  });

  it("keeps headings and list items in their own case and lines", () => {
    expect(
      pasted("<h2>Moscou affirme avoir pris le contrôle</h2><ul><li>Mirne</li><li>Donetsk</li></ul>"),
    ).toBe("Moscou affirme avoir pris le contrôle\n\n• Mirne\n\n• Donetsk");
  });

  it("turns line breaks into paragraphs and decodes entities", () => {
    expect(pasted("<p>Un&nbsp;:<br>deux &amp; trois &laquo;&#160;citation&#160;&raquo;</p>")).toBe(
      "Un\u00A0:\n\ndeux & trois «\u00A0citation\u00A0»",
    );
  });

  it("converts a table without shouting its header cells", () => {
    const text = pasted(
      "<table><tr><th>Ville</th><th>Vols</th></tr><tr><td>Orly</td><td>40</td></tr></table>",
    );
    expect(text).toMatch(/^Ville +Vols\n\nOrly +40$/);
  });

  it("reads a whole pasted document, head and all, as its body text", () => {
    const html =
      "<html><head><title>Titre</title><meta charset='utf-8'></head><body><article><p>Premier.</p><p>Second.</p></article></body></html>";
    expect(pasted(html)).toBe("Premier.\n\nSecond.");
  });

  it("returns nothing for markup without text", () => {
    expect(pasted("<script>alert(1)</script><img src='x.png'>")).toBe("");
  });
});

describe("looksLikeHtml", () => {
  it("recognises pasted markup", () => {
    expect(looksLikeHtml("<p>Un</p>")).toBe(true);
    expect(looksLikeHtml("<div class='x'>Un</div>")).toBe(true);
    expect(looksLikeHtml("Un<br/>deux")).toBe(true);
  });

  it("does not mistake text with angle brackets for markup", () => {
    expect(looksLikeHtml("Plus de 3 < 5 et 7 > 2 selon <l'AFP>")).toBe(false);
    expect(looksLikeHtml("Kyiv n'a pas commenté.")).toBe(false);
  });
});
