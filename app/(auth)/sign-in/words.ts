import type { FormWordsSpec } from "@/lib/i18n/form-words";

/** The sign-in form's words (components/sign-in-form.tsx): its own, and the field errors' catalog. */
export const SIGN_IN_WORDS: FormWordsSpec = { text: ["signIn"], messages: ["errors"] };
