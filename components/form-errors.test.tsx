// @vitest-environment jsdom
// Every form turns a field's error key (zod's, or the server's fieldErrors) into words the same way,
// through describeFieldError and the catalogs: a French form never shows an English sentence, nor a
// bare key like "passwordTooShort".
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/errors";
import { SIGN_IN_WORDS } from "@/app/(auth)/sign-in/words";
import { formWordsOf } from "@/lib/i18n/form-words";
import { loadMessages } from "@/lib/i18n/messages";
import { AccountSettings } from "./account-settings";
import { SignInForm } from "./sign-in-form";
import { TokenCreateForm } from "./token-create-form";

const actions = vi.hoisted(() => ({
  createToken: vi.fn<(raw: unknown) => Promise<ActionResult<{ token: string; name: string }>>>(),
  changePassword: vi.fn<(raw: unknown) => Promise<ActionResult<null>>>(),
  signIn: vi.fn(),
  setLocale: vi.fn<(locale: string) => Promise<ActionResult<null>>>(),
}));
vi.mock("next/navigation", async (importOriginal) => ({
  // callAction's unstable_rethrow is Next's own.
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }),
}));
vi.mock("@/app/(app)/settings/tokens/actions", () => ({ createTokenAction: actions.createToken }));
vi.mock("@/app/(app)/settings/account/actions", () => ({ changeOwnPasswordAction: actions.changePassword }));
vi.mock("@/app/actions/locale", () => ({ setLocaleAction: actions.setLocale }));
vi.mock("@/app/(auth)/sign-in/actions", () => ({ signInAction: actions.signIn }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const fr = loadMessages("fr") as { errors: Record<string, string> };
const en = loadMessages("en") as { errors: Record<string, string> };

function inFrench(node: ReactNode) {
  return render(
    <NextIntlClientProvider locale="fr" messages={loadMessages("fr")} timeZone="Europe/Paris">
      {node}
    </NextIntlClientProvider>,
  );
}

/** A sentence as Testing Library reads the page: its spaces (French no-break ones too) collapsed. */
const shown = (sentence: string) => sentence.replace(/\s+/g, " ");

/** No English sentence of the errors catalog, and no bare key, anywhere in what is shown. */
function expectNoEnglish(container: HTMLElement) {
  const text = container.textContent ?? "";
  for (const [key, sentence] of Object.entries(en.errors)) {
    if (sentence !== fr.errors[key]) expect(text, `English errors.${key}`).not.toContain(sentence);
  }
  expect(text).not.toMatch(/\b(passwordTooShort|passwordsDiffer|invalidEmail|tooManyTokens|required)\b/);
}

// The schemas arrive lazily (components/ui/lazy-resolver.ts): the first check waits for zod.
describe("form field errors in French", { timeout: 30_000 }, () => {
  it("the password form says what is wrong in French, with the length the schema asks for", async () => {
    const { container } = inFrench(
      <AccountSettings locale="fr" passwordMinLength={10} passwordChanged={false} />,
    );
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText("Mot de passe actuel"), "ancien-mot-de-passe");
    await user.type(screen.getByLabelText("Nouveau mot de passe"), "court");
    await user.type(screen.getByLabelText("Nouveau mot de passe, à nouveau"), "autre");
    await user.click(screen.getByRole("button", { name: "Changer le mot de passe" }));
    expect(
      await screen.findByText(shown("Utilisez au moins 10 caractères."), {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(shown(fr.errors.passwordsDiffer!))).toBeInTheDocument();
    expect(actions.changePassword).not.toHaveBeenCalled();
    expectNoEnglish(container);
  });

  it("the password form puts the server's field refusal into French", async () => {
    actions.changePassword.mockResolvedValue({
      ok: false,
      code: "invalid_input",
      message: "The current password is incorrect.",
      fieldErrors: { currentPassword: ["currentPasswordWrong"] },
    });
    const { container } = inFrench(
      <AccountSettings locale="fr" passwordMinLength={10} passwordChanged={false} />,
    );
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText("Mot de passe actuel"), "pas-le-bon-mot");
    await user.type(screen.getByLabelText("Nouveau mot de passe"), "un-mot-de-passe-long");
    await user.type(screen.getByLabelText("Nouveau mot de passe, à nouveau"), "un-mot-de-passe-long");
    await user.click(screen.getByRole("button", { name: "Changer le mot de passe" }));
    expect(
      await screen.findByText(shown(fr.errors.currentPasswordWrong!), {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expectNoEnglish(container);
  });

  it("the token form: an empty name, then the server's “too many tokens”, both in French", async () => {
    actions.createToken.mockResolvedValue({
      ok: false,
      code: "invalid_input",
      message: "An account can hold at most 20 active tokens.",
      fieldErrors: { name: ["tooManyTokens"] },
    });
    const { container } = inFrench(<TokenCreateForm />);
    const user = userEvent.setup({ delay: null });
    const create = screen.getByRole("button", { name: /Créer/ });
    await user.click(create);
    expect(await screen.findByText(shown(fr.errors.required!), {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(actions.createToken).not.toHaveBeenCalled();
    await user.type(screen.getByRole("textbox"), "Robot du soir");
    await user.click(create);
    expect(
      await screen.findByText(shown(fr.errors.tooManyTokens!), {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expectNoEnglish(container);
  });

  it("the sign-in form: a wrong address and no password, in French", async () => {
    // Its words as the page gives them: no next-intl provider above it.
    const words = formWordsOf(
      { locale: "fr", catalog: loadMessages("fr"), timeZone: "Europe/Paris" },
      SIGN_IN_WORDS,
    );
    const { container } = render(<SignInForm callbackUrl="/articles" words={words} />);
    const user = userEvent.setup({ delay: null });
    const form = container.querySelector("form")!;
    await user.type(within(form).getByLabelText("Adresse e-mail"), "pas-une-adresse");
    await user.click(within(form).getByRole("button", { name: "Se connecter" }));
    await waitFor(() => expect(screen.getByText(shown(fr.errors.invalidEmail!))).toBeInTheDocument(), {
      timeout: 15_000,
    });
    expect(screen.getByText(shown(fr.errors.passwordRequired!))).toBeInTheDocument();
    expect(actions.signIn).not.toHaveBeenCalled();
    expectNoEnglish(container);
  });

  it("the language form says, in French, that the desk did not answer, and offers to try again", async () => {
    // The network drops: the action's promise rejects, as a server action's does.
    actions.setLocale.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    actions.setLocale.mockResolvedValueOnce({ ok: true, data: null });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { container } = inFrench(
      <AccountSettings locale="en" passwordMinLength={10} passwordChanged={false} />,
    );
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole("radio", { name: "Français" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer la langue" }));
    const alert = await screen.findByRole("alert", {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent(/^Le desk n’a pas répondu/);
    expectNoEnglish(container);
    await user.click(within(alert).getByRole("button", { name: "Réessayer" }));
    expect(await screen.findByRole("status", {}, { timeout: 15_000 })).toHaveTextContent(
      /Langue enregistrée/,
    );
    expect(actions.setLocale).toHaveBeenCalledTimes(2);
  });
});
