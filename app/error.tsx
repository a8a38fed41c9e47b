"use client";
// What a page shows when rendering it fails unexpectedly (Next's error boundary under the root
// layout): a localised explanation, the reference of the server's log entry, and a retry that
// renders the page again on the server.
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { useShellText } from "@/components/shell-text";
import { DIGEST_SLOT } from "@/components/shell-text-words";

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  // Formatted by the root layout: no next-intl in every page's first load (components/shell-text.tsx).
  const text = useShellText();
  const router = useRouter();
  const [retrying, startRetry] = useTransition();

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">{text.errorTitle}</h1>
      <p className="text-muted mt-2">{text.errorText}</p>
      {error.digest ? (
        <p className="text-muted mt-2 text-xs">{text.errorReference.replace(DIGEST_SLOT, error.digest)}</p>
      ) : null}
      <div className="mt-6 flex justify-center gap-3">
        {/* buttonClass, not <Button>: the error page is in every page's first load, and Button's
            cn() would bring tailwind-merge with it. */}
        <button
          type="button"
          className={buttonClass()}
          disabled={retrying}
          onClick={() =>
            startRetry(() => {
              router.refresh();
              reset();
            })
          }
        >
          {retrying ? text.errorRetrying : text.errorRetry}
        </button>
        {/* A plain link, a full load: it leaves whatever state broke the page behind, and keeps
            next/link's client code out of every page's first load (see app/not-found.tsx). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- deliberate, see above */}
        <a href="/articles" className={buttonClass("secondary")}>
          {text.errorHome}
        </a>
      </div>
    </div>
  );
}
