import { describe, expect, it } from "vitest";
import { quoteContext } from "./context";

const BODY =
  "Premier paragraphe sans rapport.\n\nSelon le syndicat, il manque « plus de 1 200 contrôleurs » dans les centres français. « Nous travaillons avec des effectifs de 2015 », a déclaré sa porte-parole.\n\nDernier paragraphe.";
const QUOTE = "il manque « plus de 1 200 contrôleurs » dans les centres français";

describe("quoteContext", () => {
  it("gives the words around the quote within its paragraph", () => {
    const start = BODY.indexOf(QUOTE);
    const context = quoteContext(BODY, 0, start, QUOTE, { windowEndsBody: true });
    expect(context.before).toBe("Selon le syndicat, ");
    expect(context.after.startsWith(". « Nous travaillons")).toBe(true);
    expect(context.after.endsWith("porte-parole.")).toBe(true);
    expect(context.clippedBefore).toBe(false);
    expect(context.clippedAfter).toBe(false);
  });

  it("cuts long context at word boundaries and says so", () => {
    const start = BODY.indexOf(QUOTE);
    const context = quoteContext(BODY, 0, start, QUOTE, { maxChars: 15 });
    expect(context.before).toBe("le syndicat, ");
    expect(context.clippedBefore).toBe(true);
    expect(context.after).toBe(". « Nous");
    expect(context.clippedAfter).toBe(true);
  });

  it("works on a window of the body that starts mid-sentence", () => {
    const start = BODY.indexOf(QUOTE);
    const windowStart = start - 10;
    const window = BODY.slice(windowStart, start + QUOTE.length + 12);
    const context = quoteContext(window, windowStart, start, QUOTE);
    expect(context.before).toBe("syndicat, ");
    expect(context.clippedBefore).toBe(true);
    expect(context.clippedAfter).toBe(true);
  });

  it("re-finds the quote when the window's offsets drift", () => {
    const body = `😀😀 Le ministre a dit que tout va bien. Fin.`;
    const quote = "tout va bien";
    const start = body.indexOf(quote);
    // SQLite counts the two emoji as two characters, JavaScript as four units: the window starts 2 later.
    const context = quoteContext(body.slice(2), 0, start, quote, { windowEndsBody: true });
    expect(context.before).toBe("😀 Le ministre a dit que ");
    expect(context.after).toBe(". Fin.");
  });

  it("gives no context when the quote is not in the window", () => {
    expect(quoteContext("autre chose", 0, 0, "absent")).toEqual({
      before: "",
      after: "",
      clippedBefore: false,
      clippedAfter: false,
    });
  });
});
