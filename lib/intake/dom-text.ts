// Plain text from a DOM tree: every block element starts a paragraph, inline text runs on.
// The text is the article's words only; nothing here renders or runs the page.

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "THEAD",
  "TFOOT",
  "TR",
  "UL",
]);

/** Never words of the article: code, media, form controls, and the pictures' captions. */
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "PICTURE",
  "IMG",
  "FIGCAPTION",
  "BUTTON",
  "SELECT",
  "INPUT",
  "TEXTAREA",
  "LABEL",
  "HEAD",
  "TITLE",
  "META",
  "LINK",
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function listMark(item: Element): string {
  const list = item.parentElement;
  if (list?.tagName.toUpperCase() !== "OL") return "• ";
  const start = Number(list.getAttribute("start") ?? "1") || 1;
  const index = [...list.children].filter((child) => child.tagName.toUpperCase() === "LI").indexOf(item);
  return `${start + index}. `;
}

export type Block = {
  text: string;
  /** The share of its characters that are link text, 0 to 1. */ linkDensity: number;
};

/** The paragraphs of an element's text, in order, each with its whitespace collapsed. */
export function blockParagraphs(root: Node): string[] {
  return textBlocks(root).map((block) => block.text);
}

/** The same paragraphs, each with how much of it is link text. */
export function textBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  let current = "";
  let linked = 0;
  const flush = () => {
    const raw = current.replace(/[ \t\n\r\f]+/g, " ");
    const text = raw.trim();
    if (text) blocks.push({ text, linkDensity: Math.min(1, linked / text.length) });
    current = "";
    linked = 0;
  };
  const walk = (node: Node, inLink: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? "";
      current += value;
      if (inLink) linked += value.replace(/[ \t\n\r\f]+/g, " ").trim().length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    const cell = tag === "TD" || tag === "TH";
    const block = BLOCK.has(tag);
    // Cells of a row stay on its line.
    if (cell && current.trim()) current += " ";
    else if (block) flush();
    // A list item keeps its mark, as the old converter wrote it: "• " or its number.
    if (tag === "LI") current = listMark(node as Element);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inLink || tag === "A");
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks;
}
