import { useTranslations } from "next-intl";
import { joinClasses } from "./classes";

/** `retry`: the failed call again, offered when trying again can help (see callAction). */
export type Notice = { kind: "done" | "error"; text: string; retry?: () => void };

/** The outcome of a form: a status line when it worked, an alert when it did not. */
export function NoticeLine({ notice }: { notice: Notice | null }) {
  const t = useTranslations("common");
  if (!notice) return null;
  return (
    <p
      role={notice.kind === "error" ? "alert" : "status"}
      className={joinClasses(
        "rounded-md border px-3 py-2 text-sm",
        notice.kind === "error"
          ? "border-disputed/30 bg-disputed-bg text-disputed"
          : "border-confirmed/30 bg-confirmed-bg text-confirmed",
      )}
    >
      {notice.text}
      {notice.retry ? (
        <>
          {" "}
          <button type="button" onClick={notice.retry} className="font-medium underline underline-offset-2">
            {t("tryAgain")}
          </button>
        </>
      ) : null}
    </p>
  );
}
