import { useId, type ReactNode } from "react";

// The similar-claims panel's frame: its heading, its busy line and its status for screen readers.
// A plain module (no "use client", no next-intl): the panel (./similar-claims-panel.tsx) fills it
// with next-intl's words, and the search page's checker (./similar-claims-checker.tsx) shows it
// with words from the server until the panel has loaded.

export function SimilarClaimsFrame({
  title,
  busy = false,
  busyText,
  status = "",
  children,
}: {
  title: string;
  busy?: boolean;
  busyText?: string;
  /** Said by screen readers when it changes. */
  status?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      aria-busy={busy}
      className="border-line rounded-lg border bg-white"
      data-testid="similar-claims"
    >
      <div className="border-line flex items-center justify-between gap-3 border-b px-4 py-2.5">
        <h2 id={headingId} className="text-sm font-semibold">
          {title}
        </h2>
        {busy ? <span className="text-muted text-xs">{busyText}</span> : null}
      </div>
      <p className="sr-only" role="status">
        {status}
      </p>
      {children}
    </section>
  );
}

/** A line in place of the list: the hint before there is enough text, "none", "loading". */
export function SimilarClaimsNote({ children }: { children: ReactNode }) {
  return <p className="text-muted px-4 py-4 text-sm">{children}</p>;
}
