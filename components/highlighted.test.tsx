// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Highlighted } from "./highlighted";

afterEach(cleanup);

describe("Highlighted", () => {
  it("marks the hits and leaves the text between them as plain text", () => {
    const { container } = render(
      <p>
        <Highlighted
          segments={[
            { text: "Le ", hit: false },
            { text: "Kremlin", hit: true },
            { text: " affirme <b>", hit: false },
          ]}
        />
      </p>,
    );
    const p = container.querySelector("p")!;
    expect(p.textContent).toBe("Le Kremlin affirme <b>");
    expect([...p.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Kremlin"]);
    // No element per piece of text, and the text is never parsed as HTML.
    expect(p.querySelectorAll("span, b")).toHaveLength(0);
  });

  it("wraps the text in a span only when given a class", () => {
    const { container } = render(
      <Highlighted className="font-medium" segments={[{ text: "Odessa", hit: true }]} />,
    );
    expect(container.innerHTML).toBe('<span class="font-medium"><mark>Odessa</mark></span>');
  });
});
