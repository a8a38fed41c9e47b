// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/errors";
import { articleFormWordsOf } from "@/app/(app)/articles/article-form-words";
import { ArticleForm, bodyClass, type ArticleFormProps, type EditableArticle } from "./article-form";
import { cn } from "./ui/cn";
import { inputClass } from "./ui/field-plain";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

afterEach(() => {
  cleanup();
  push.mockReset();
});

type Action = (raw: unknown) => Promise<ActionResult<{ id: number }>>;

type PropsWithoutWords = ArticleFormProps extends infer P
  ? P extends unknown
    ? Omit<P, "words">
    : never
  : never;

/** The form with its words as the page gives them (app/(app)/articles/article-form-words.ts). */
function renderForm(props: PropsWithoutWords, locale: "en" | "fr" = "en") {
  const context = { locale, catalog: loadMessages(locale), timeZone: "Europe/Paris" };
  const words = articleFormWordsOf(context, props.mode === "edit" ? props.article : undefined);
  return render(<ArticleForm {...({ ...props, words } as ArticleFormProps)} />);
}

const ARTICLE: EditableArticle = {
  id: 12,
  version: 3,
  title: "Grève à Orly",
  outlet: "Le Courrier",
  url: null,
  language: "fr",
  publishedAt: "2026-11-24",
  body: "Premier paragraphe.\n\nSecond paragraphe.",
  claimCount: 0,
};

async function fillMinimal() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Title"), "Un titre");
  fireEvent.change(screen.getByLabelText("Article text"), {
    target: { value: "Le Kremlin affirme.\n\n\nKyiv n'a pas commenté." },
  });
  return user;
}

describe("ArticleForm, creating", () => {
  it("sends the values as text and opens the new article", async () => {
    const action = vi.fn<Action>().mockResolvedValue({ ok: true, data: { id: 7 } });
    renderForm({ mode: "create", action });
    const user = await fillMinimal();
    await user.click(screen.getByRole("button", { name: "Create article" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/articles/7"));
    expect(action).toHaveBeenCalledWith({
      title: "Un titre",
      outlet: "",
      url: "",
      language: "",
      publishedAt: "",
      body: "Le Kremlin affirme.\n\n\nKyiv n'a pas commenté.",
      bodyFormat: "text",
    });
  });

  it("shows the server's field errors next to their fields and keeps every value", async () => {
    const action = vi.fn<Action>().mockResolvedValue({
      ok: false,
      code: "invalid_input",
      message: "Some fields need attention.",
      fieldErrors: { body: ["bodyTooLong"], title: ["tooLong"] },
    });
    renderForm({ mode: "create", action });
    const user = await fillMinimal();
    await user.click(screen.getByRole("button", { name: "Create article" }));
    expect(
      await screen.findByText("The body is longer than 200,000 characters; split the article."),
    ).toHaveAttribute("id", "body-error");
    expect(screen.getByText("This is too long.")).toHaveAttribute("id", "title-error");
    expect(screen.getByLabelText("Title")).toHaveValue("Un titre");
    expect(screen.getByLabelText("Title")).toHaveFocus();
    expect(screen.getByLabelText("Article text")).toHaveValue(
      "Le Kremlin affirme.\n\n\nKyiv n'a pas commenté.",
    );
    expect(push).not.toHaveBeenCalled();
  });

  it("keeps the text and says so when the server cannot be reached", async () => {
    const action = vi.fn<Action>().mockRejectedValue(new TypeError("Failed to fetch"));
    renderForm({ mode: "create", action });
    const user = await fillMinimal();
    await user.click(screen.getByRole("button", { name: "Create article" }));
    expect(await screen.findByText(/The desk could not be reached/)).toBeInTheDocument();
    expect(screen.getByLabelText("Article text")).toHaveValue(
      "Le Kremlin affirme.\n\n\nKyiv n'a pas commenté.",
    );
  });

  it("shows a session that ended as a message, not a field error", async () => {
    const action = vi
      .fn<Action>()
      .mockResolvedValue({ ok: false, code: "unauthenticated", message: "Sign in to continue." });
    renderForm({ mode: "create", action });
    const user = await fillMinimal();
    await user.click(screen.getByRole("button", { name: "Create article" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Your session has ended. Sign in again; your text is still here.",
    );
  });

  it("refuses a body that is only control characters without calling the server", async () => {
    const action = vi.fn<Action>();
    renderForm({ mode: "create", action });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Title"), "Un titre");
    fireEvent.change(screen.getByLabelText("Article text"), { target: { value: "\u0000\u0007" } });
    await user.click(screen.getByRole("button", { name: "Create article" }));
    expect(await screen.findByText("Paste or upload the article text.")).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it("counts the characters as they will be stored", async () => {
    renderForm({ mode: "create", action: vi.fn<Action>() });
    fireEvent.change(screen.getByLabelText("Article text"), {
      target: { value: "Un  deux\r\n\r\n\r\ntrois " },
    });
    expect(await screen.findByText("14 of 200,000 characters")).toBeInTheDocument();
  });

  it("speaks French", () => {
    renderForm({ mode: "create", action: vi.fn<Action>() }, "fr");
    expect(screen.getByRole("button", { name: "Créer l’article" })).toBeInTheDocument();
    expect(screen.getByLabelText("Langue de l’article")).toHaveValue("");
  });
});

describe("ArticleForm, editing", () => {
  it("sends the version and the body while the article has no claims", async () => {
    const action = vi.fn<Action>().mockResolvedValue({ ok: true, data: { id: 12 } });
    renderForm({ mode: "edit", action, article: ARTICLE });
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText("Outlet"));
    await user.type(screen.getByLabelText("Outlet"), "AFP");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/articles/12"));
    expect(action).toHaveBeenCalledWith({
      id: 12,
      version: 3,
      title: "Grève à Orly",
      outlet: "AFP",
      url: "",
      language: "fr",
      publishedAt: "2026-11-24",
      body: "Premier paragraphe.\n\nSecond paragraphe.",
    });
  });

  it("shows the body read-only and never sends it once claims are anchored", async () => {
    const action = vi.fn<Action>().mockResolvedValue({ ok: true, data: { id: 12 } });
    renderForm({ mode: "edit", action, article: { ...ARTICLE, claimCount: 1 } });
    expect(screen.getByText(/This article has 1 claim anchored to its text/)).toBeInTheDocument();
    expect(screen.queryByLabelText("Article text")).toBeNull();
    expect(screen.getByRole("region", { name: "Article text (read-only)" })).toHaveTextContent(
      "Second paragraphe.",
    );
    expect(screen.queryByRole("option", { name: "Detect automatically" })).toBeNull();
    await userEvent.setup().click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    expect(action.mock.calls[0]?.[0]).not.toHaveProperty("body");
  });

  it("explains a conflict and keeps the changes in the form", async () => {
    const action = vi
      .fn<Action>()
      .mockResolvedValue({ ok: false, code: "conflict", message: "This article was changed meanwhile." });
    renderForm({ mode: "edit", action, article: ARTICLE });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Outlet"), " (édition du soir)");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone else saved this article while you were editing it.");
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText("Outlet")).toHaveValue("Le Courrier (édition du soir)");
    expect(push).not.toHaveBeenCalled();
  });
});

describe("ArticleForm, its body's classes", () => {
  it("are what cn() (tailwind-merge) gave, without it", () => {
    for (const dragging of [false, true]) {
      expect(bodyClass(dragging)).toBe(
        cn(
          inputClass,
          "min-h-64 resize-y font-serif text-[15px] leading-relaxed",
          dragging && "border-accent ring-accent/30 ring-2",
        ),
      );
    }
  });
});
