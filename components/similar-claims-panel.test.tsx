// @vitest-environment jsdom
// A failed look-up of similar claims is never silent and never final: the panel says so where the
// editor is writing, in her language, and "Try again" asks the same text again.
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { SimilarClaimsPanel } from "./similar-claims-panel";

const find = vi.hoisted(() => vi.fn());
vi.mock("@/app/actions/search", () => ({ findSimilarClaimsAction: find }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("similar claims panel", () => {
  it("offers to try again after a failed look-up, and shows what the second one finds", async () => {
    find.mockRejectedValueOnce(new Error("network down")).mockResolvedValueOnce({ ok: true, data: [] });
    render(
      <NextIntlClientProvider locale="fr" messages={loadMessages("fr")} timeZone="Europe/Paris">
        <SimilarClaimsPanel text="Moscou dit contrôler les deux tiers du Donetsk" />
      </NextIntlClientProvider>,
    );
    const alert = await screen.findByRole("alert", {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent("Les affirmations semblables n’ont pas pu être chargées");
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "Réessayer" }));
    expect(
      await screen.findByText("Aucune affirmation semblable n’a encore été relue.", {}, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(find).toHaveBeenCalledTimes(2);
    expect(find.mock.calls[1]![0]).toEqual(find.mock.calls[0]![0]);
  });
});
