import { describe, expect, it } from "vitest";
import * as exportApi from "./index";
import {
  contentDisposition,
  exportFileName,
  FORMAT_INFO,
  FORMATS,
  isExportFormat,
  renderExport,
  slugify,
} from "./formats";
import { makeArticle, makeClaim, makeInput } from "@/test/export-fixtures";

describe("FORMATS", () => {
  it("lists the five formats with a MIME type and an extension each", () => {
    expect(FORMATS).toEqual(["md", "html", "json", "csv", "claimreview"]);
    expect(
      Object.fromEntries(
        FORMATS.map((format) => [format, [FORMAT_INFO[format].mimeType, FORMAT_INFO[format].extension]]),
      ),
    ).toEqual({
      md: ["text/markdown; charset=utf-8", "md"],
      html: ["text/html; charset=utf-8", "html"],
      json: ["application/json; charset=utf-8", "json"],
      csv: ["text/csv; charset=utf-8; header=present", "csv"],
      claimreview: ["application/ld+json; charset=utf-8", "jsonld"],
    });
  });

  it("recognises format names", () => {
    expect(isExportFormat("csv")).toBe(true);
    expect(isExportFormat("pdf")).toBe(false);
    expect(isExportFormat(undefined)).toBe(false);
  });

  it("renders each format through one entry point", () => {
    const input = makeInput([makeClaim({ id: 1 })]);
    expect(renderExport(input, "md")).toBe(exportApi.toMarkdown(input));
    expect(renderExport(input, "html")).toBe(exportApi.toHtml(input));
    expect(renderExport(input, "json")).toBe(exportApi.toJson(input));
    expect(renderExport(input, "csv", { bom: true })).toBe(exportApi.toCsv(input, { bom: true }));
    expect(renderExport(input, "claimreview")).toBe(exportApi.toClaimReview(input));
  });
});

describe("exportFileName", () => {
  it("joins the date, the slugged title and the content", () => {
    const article = makeArticle({ title: "Zelensky accuse la Russie", publishedAt: "2026-11-24" });
    expect(exportFileName(article, "md")).toBe("2026-11-24-zelensky-accuse-la-russie-summary.md");
    expect(exportFileName(article, "html")).toBe("2026-11-24-zelensky-accuse-la-russie-summary.html");
    expect(exportFileName(article, "csv")).toBe("2026-11-24-zelensky-accuse-la-russie-claims.csv");
    expect(exportFileName(article, "claimreview")).toBe(
      "2026-11-24-zelensky-accuse-la-russie-claimreview.jsonld",
    );
  });

  it("strips accents, ligatures and punctuation", () => {
    const article = makeArticle({
      title: "« Œuvre » : l’État réagit à Kyiv — 1 800 drones !",
      publishedAt: null,
    });
    expect(exportFileName(article, "json")).toBe("oeuvre-l-etat-reagit-a-kyiv-1-800-drones-summary.json");
  });

  it("cuts long titles at a word boundary", () => {
    const title =
      "Le président ukrainien accuse la Russie d'intensifier une campagne de terreur contre les civils";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("le-president-ukrainien-accuse-la-russie-d-intensifier-une");
    expect(slugify("a".repeat(100))).toBe("a".repeat(60));
  });

  it("falls back to the article id when the title has no letters", () => {
    expect(exportFileName(makeArticle({ id: 31, title: "Путин «!»", publishedAt: "bad" }), "md")).toBe(
      "article-31-summary.md",
    );
  });

  it("is always plain ASCII", () => {
    const name = exportFileName(makeArticle({ title: "Ünïcödé ñ 日本 😀 ß" }), "csv");
    expect(name).toMatch(/^[a-z0-9.-]+$/);
    expect(name).toBe("2026-11-24-unicode-n-ss-claims.csv");
  });

  it("says when the file includes unapproved claims, except for ClaimReview which never does", () => {
    const article = makeArticle({ title: "Zelensky accuse la Russie", publishedAt: "2026-11-24" });
    const options = { includeUnapproved: true };
    expect(exportFileName(article, "md", options)).toBe(
      "2026-11-24-zelensky-accuse-la-russie-summary-with-unverified.md",
    );
    expect(exportFileName(article, "csv", options)).toBe(
      "2026-11-24-zelensky-accuse-la-russie-claims-with-unverified.csv",
    );
    expect(exportFileName(article, "claimreview", options)).toBe(
      "2026-11-24-zelensky-accuse-la-russie-claimreview.jsonld",
    );
  });
});

describe("contentDisposition", () => {
  it("asks for a download under the given ASCII name", () => {
    expect(contentDisposition("2026-11-24-greve-summary.md")).toBe(
      'attachment; filename="2026-11-24-greve-summary.md"',
    );
  });

  it("gives other names as an ASCII fallback and in full as UTF-8", () => {
    expect(contentDisposition('grève "x";.csv')).toBe(
      `attachment; filename="gr-ve-x-.csv"; filename*=UTF-8''gr%C3%A8ve%20%22x%22%3B.csv`,
    );
  });
});
