"use client";
// The words of the client components every page loads first (the header's search box and language
// switch, the error page), formatted on the server by the root layout. A plain context, not
// next-intl's client provider: with it, next-intl's client runtime and its ICU message parser
// (about 12 kB gzipped) left every page's first load; the pages whose own client components
// translate still load it, with their own provider (components/client-messages.tsx).
import { createContext, useContext, type ReactNode } from "react";
import type { ShellText } from "./shell-text-words";

const ShellTextContext = createContext<ShellText | null>(null);

export function ShellTextProvider({ text, children }: { text: ShellText; children: ReactNode }) {
  return <ShellTextContext.Provider value={text}>{children}</ShellTextContext.Provider>;
}

export function useShellText(): ShellText {
  const text = useContext(ShellTextContext);
  if (!text) throw new Error("ShellTextProvider (app/layout.tsx) is missing above this component.");
  return text;
}
