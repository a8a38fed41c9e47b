// The words of the shell's client components (components/shell-text.tsx), in a module of its own:
// a constant exported by a "use client" module is, on the server, a client reference, not its value.

/** Stands for the error's reference in `appErrors.reference`, replaced on the client. */
export const DIGEST_SLOT = "\u0000digest\u0000";

export type ShellText = {
  /** nav.language */
  language: string;
  /** searchNav.label, searchNav.placeholder, searchNav.shortcut */
  searchLabel: string;
  searchPlaceholder: string;
  searchShortcut: string;
  /** appErrors.* (reference with DIGEST_SLOT where the digest goes) */
  errorTitle: string;
  errorText: string;
  errorReference: string;
  errorRetry: string;
  errorRetrying: string;
  errorHome: string;
  languageFailed: string;
};
