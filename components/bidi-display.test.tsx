// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { ArticleReader } from "./article-reader";
import { Highlighted } from "./highlighted";

afterEach(cleanup);

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

// "\u202E" (RLO) would show "…pris 12 villages" reversed, and everything after it on the line.
const BODY = "Le Kremlin \u202Eaffirme avoir pris 12 villages.\u202C\n\nKyiv \u2067n'a pas\u2069 commenté.";

describe("bidirectional controls in the interface", () => {
  it("are masked in the article reader, one character for one, so claim spans and selections keep their offsets", () => {
    const start = BODY.indexOf("affirme") - 1;
    const { container } = render(
      <NextIntlClientProvider locale="en" messages={loadMessages("en")} timeZone="Europe/Paris">
        <ArticleReader
          body={BODY}
          lang="fr"
          claims={[{ id: 1, start, end: start + 20, verdict: "disputed" }]}
          selectedId={null}
          canAdd={false}
          onSelectClaim={() => {}}
          onAddClaim={() => {}}
        />
      </NextIntlClientProvider>,
    );
    const pieces = [...container.querySelectorAll<HTMLElement>("[data-o]")];
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.textContent).not.toMatch(BIDI_CONTROL);
      const from = Number(piece.dataset.o);
      const text = piece.textContent ?? "";
      // The same characters as the stored text it stands for, the controls masked one for one.
      expect(text).toBe(
        BODY.slice(from, from + text.length).replace(/[\u202A-\u202E\u2066-\u2069]/g, "\uFFFD"),
      );
    }
    expect(container.querySelector("mark")?.textContent?.startsWith("\uFFFDaffirme")).toBe(true);
  });

  it("are masked in search results", () => {
    const { container } = render(
      <Highlighted
        segments={[
          { text: "\u202Eevil ", hit: false },
          { text: "Kremlin", hit: true },
        ]}
      />,
    );
    expect(container.textContent).toBe("\uFFFDevil Kremlin");
  });
});
