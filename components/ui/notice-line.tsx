import { cn } from "./cn";

export type Notice = { kind: "done" | "error"; text: string };

/** The outcome of a form: a status line when it worked, an alert when it did not. */
export function NoticeLine({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <p
      role={notice.kind === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        notice.kind === "error"
          ? "border-disputed/30 bg-disputed-bg text-disputed"
          : "border-confirmed/30 bg-confirmed-bg text-confirmed",
      )}
    >
      {notice.text}
    </p>
  );
}
