// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/errors";
import type { IntakePreview } from "@/lib/intake";
import { articleFormWordsOf } from "@/app/(app)/articles/article-form-words";
import { ArticleForm } from "./article-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
afterEach(cleanup);

const PREVIEW: IntakePreview = {
  ok: true,
  text: "Le titre de l’article\n\nLe premier paragraphe de l’article.",
  wholeText: "Accueil\n\nLe titre de l’article\n\nLe premier paragraphe de l’article.\n\n© Le Quotidien",
  details: {
    title: "Le titre de l’article",
    outlet: "Le Quotidien",
    url: "https://quotidien.example/article",
    publishedAt: "2026-11-24",
    authors: ["Anna Kubišta"],
    language: "fr",
  },
  languageSource: "page",
};

function renderForm(
  preview: (raw: unknown) => Promise<ActionResult<IntakePreview>>,
  locale: "en" | "fr" = "en",
) {
  const action = vi.fn(async () => ({ ok: true as const, data: { id: 1 } }));
  const words = articleFormWordsOf({ locale, catalog: loadMessages(locale), timeZone: "Europe/Paris" });
  render(<ArticleForm mode="create" action={action} preview={preview} words={words} />);
  return action;
}

function paste(target: HTMLElement, data: Record<string, string>) {
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => data[type] ?? "" } });
}

describe("ArticleForm, importing", () => {
  it("sends a pasted whole page to the server, fills in the details and text, and offers the whole page", async () => {
    const preview = vi.fn(async () => ({ ok: true as const, data: PREVIEW }));
    renderForm(preview);
    const page = "<!doctype html><html><head><title>Le titre</title></head><body><p>Texte</p></body></html>";
    paste(screen.getByLabelText("Article text"), { "text/html": page, "text/plain": "Texte" });
    await waitFor(() => expect(screen.getByLabelText("Title")).toHaveValue("Le titre de l’article"));
    expect(preview).toHaveBeenCalledWith({ source: "html", html: page });
    expect(screen.getByLabelText("Outlet")).toHaveValue("Le Quotidien");
    expect(screen.getByLabelText("Link")).toHaveValue("https://quotidien.example/article");
    expect(screen.getByLabelText("Publication date")).toHaveValue("2026-11-24");
    expect(screen.getByLabelText("Authors")).toHaveValue("Anna Kubišta");
    expect(screen.getByLabelText("Article language")).toHaveValue("fr");
    const body = screen.getByLabelText("Article text");
    expect(body).toHaveValue(PREVIEW.text);
    const region = screen.getByTestId("import-preview");
    expect(region).toHaveTextContent("From the pasted page");
    expect(region).toHaveTextContent("November 24, 2026");

    await userEvent.click(screen.getByRole("button", { name: "Use the page’s whole text instead" }));
    expect(body).toHaveValue(PREVIEW.ok ? PREVIEW.wholeText : "");
    await userEvent.click(screen.getByRole("button", { name: "Use the extracted article again" }));
    expect(body).toHaveValue(PREVIEW.text);
  });

  it("converts HTML source pasted as plain text instead of keeping its tags", async () => {
    const preview = vi.fn(async () => ({ ok: true as const, data: PREVIEW }));
    renderForm(preview);
    const body = screen.getByLabelText("Article text");
    paste(body, { "text/plain": "<p>Le <b>Kremlin</b> affirme.</p><p>Kyiv n'a pas commenté.</p>" });
    await waitFor(() => expect(body).toHaveValue("Le Kremlin affirme.\n\nKyiv n'a pas commenté."));
    // A fragment is converted where it is pasted; the server is not asked.
    expect(preview).not.toHaveBeenCalled();
  });

  it("imports a link, and says in the editor's language why one is refused", async () => {
    const preview = vi.fn(async (raw: unknown) =>
      (raw as { url: string }).url.includes("10.0.0.1")
        ? {
            ok: false as const,
            code: "invalid_input" as const,
            message: "blocked",
            fieldErrors: { url: ["blockedAddress"] },
          }
        : { ok: true as const, data: PREVIEW },
    );
    renderForm(preview, "fr");
    const user = userEvent.setup();
    const address = screen.getByLabelText("Adresse de la page web");
    await user.type(address, "http://10.0.0.1/admin{Enter}");
    expect(
      await screen.findByText(/Ce lien mène à une adresse d’un réseau privé ou interne/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Titre")).toHaveValue("");

    await user.clear(address);
    await user.type(address, "https://quotidien.example/article");
    await user.click(screen.getByRole("button", { name: "Importer" }));
    await waitFor(() => expect(screen.getByLabelText("Titre")).toHaveValue("Le titre de l’article"));
    expect(preview).toHaveBeenLastCalledWith({ source: "url", url: "https://quotidien.example/article" });
    expect(screen.getByTestId("import-preview")).toHaveTextContent("Depuis le lien");
  });

  it("says when a page has no article, and offers its whole text", async () => {
    const preview = vi.fn(async () => ({
      ok: true as const,
      data: {
        ok: false as const,
        code: "noArticle" as const,
        message: "none",
        wholeText: "S’abonner pour lire.",
      },
    }));
    renderForm(preview);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Address of the web page"), "https://paywall.example/a{Enter}");
    expect(await screen.findByText(/Nothing on this page looks like an article/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Use the page’s whole text anyway" }));
    expect(screen.getByLabelText("Article text")).toHaveValue("S’abonner pour lire.");
  });
});
