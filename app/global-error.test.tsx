// @vitest-environment jsdom
// The page shown when even the root layout fails replaces the whole document: it has no message
// provider, so it reads its words itself, in the desk's language (its cookie) or the browser's, and
// offers to load the page anew and a way back to the articles.
import "@testing-library/jest-dom/vitest";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import GlobalError from "./global-error";

let root: Root | null = null;

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.cookie = `${LOCALE_COOKIE}=; max-age=0`;
});

function show(error: Error & { digest?: string }) {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  // As Next does, the page renders the whole document.
  act(() => {
    root = createRoot(document);
    root.render(<GlobalError error={error} />);
  });
}

describe("global error page", () => {
  it("speaks the desk's language from its cookie, names the reference and offers a retry", () => {
    document.cookie = `${LOCALE_COOKIE}=fr`;
    show(Object.assign(new Error("root layout failed"), { digest: "4242" }));
    expect(document.documentElement.lang).toBe("fr");
    expect(document.body).toHaveTextContent("Une erreur est survenue");
    expect(document.body).toHaveTextContent("Référence pour l’administrateur du desk : 4242");
    const retry = [...document.querySelectorAll("button")].find((b) => b.textContent === "Réessayer");
    expect(retry).toBeDefined();
    const home = document.querySelector("a");
    expect(home).toHaveAttribute("href", "/articles");
    expect(home).toHaveTextContent("Aller aux articles");
  });

  it("falls back to English without a cookie or a French browser", () => {
    show(new Error("root layout failed"));
    expect(document.documentElement.lang).toBe("en");
    expect(document.body).toHaveTextContent("Try again");
  });
});
