"use client";
// What a page shows when rendering it fails unexpectedly (Next's error boundary under the root
// layout): a localised explanation, the reference of the server's log entry, and a retry that
// renders the page again on the server.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("appErrors");
  const router = useRouter();
  const [retrying, startRetry] = useTransition();

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-muted mt-2">{t("text")}</p>
      {error.digest ? (
        <p className="text-muted mt-2 text-xs">{t("reference", { digest: error.digest })}</p>
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
          {retrying ? t("retrying") : t("retry")}
        </button>
        <Link href="/articles" className={buttonClass("secondary")}>
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
