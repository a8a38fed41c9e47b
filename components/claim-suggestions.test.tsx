// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Suggestion, suggestClaims } from "@/lib/claims";
import { loadMessages } from "@/lib/i18n/messages";
import { ClaimSuggestions } from "./claim-suggestions";

vi.mock("@/app/(app)/articles/[id]/actions", () => ({ createClaimAction: vi.fn() }));

afterEach(cleanup);

const BODY = `Le ministre de la Santé Roman Prymula a affirmé que 1 200 lits avaient été ouverts en une semaine.

Il a remercié les soignants pour leur travail.

Nous remercions nos lecteurs.`;

/** The panel as the workspace drives it: hidden suggestions are left out until asked for. */
function Panel({ items }: { items: Suggestion[] }) {
  const [showHidden, setShowHidden] = useState(false);
  const visible = showHidden ? items : items.filter((s) => !s.hidden);
  return (
    <ClaimSuggestions
      articleId={1}
      state={{ status: "ready", items: visible }}
      focusedKey={null}
      hiddenCount={items.filter((s) => s.hidden).length}
      showHidden={showHidden}
      onToggleHidden={() => setShowHidden((v) => !v)}
      onFocus={() => {}}
      onEdit={() => {}}
      onDismiss={() => {}}
      onAccepted={() => {}}
      onClose={() => {}}
      onRetry={() => {}}
    />
  );
}

function renderPanel(locale: "en" | "fr") {
  const items = suggestClaims(BODY, "fr");
  render(
    <NextIntlClientProvider locale={locale} messages={loadMessages(locale)} timeZone="Europe/Paris">
      <Panel items={items} />
    </NextIntlClientProvider>,
  );
  return items;
}

describe("ClaimSuggestions", () => {
  it("hides the suggestions below the threshold until the editor asks for them", async () => {
    const items = renderPanel("en");
    const hidden = items.filter((s) => s.hidden);
    expect(hidden.length).toBe(2);
    expect(document.querySelectorAll("[data-suggestion]")).toHaveLength(items.length - hidden.length);
    expect(screen.getByText("Roman Prymula (ministre de la Santé)")).toBeInTheDocument();
    expect(screen.queryByText(/remercié les soignants/)).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Show 2 more below the threshold" }));
    expect(document.querySelectorAll("[data-suggestion]")).toHaveLength(items.length);
    expect(screen.getByText(/remercié les soignants/)).toBeInTheDocument();
    expect(screen.getAllByText("Below the threshold: unlikely to be a claim.")).toHaveLength(2);

    await userEvent.click(screen.getByRole("button", { name: "Hide the 2 below the threshold" }));
    expect(document.querySelectorAll("[data-suggestion]")).toHaveLength(items.length - hidden.length);
  });

  it("says it in French", () => {
    renderPanel("fr");
    expect(screen.getByRole("button", { name: "Afficher 2 autres sous le seuil" })).toBeInTheDocument();
  });
});
