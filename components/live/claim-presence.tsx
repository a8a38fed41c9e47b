"use client";
// "Ana Martin is editing this claim": who else has this claim's form open, kept in the database
// (lib/data/live.ts presence) so that it holds across server processes. The form says it is here
// when it opens and every PRESENCE_BEAT_MS, gone when it closes (or the tab does; else the row
// expires); the others learn of arrivals and departures through the live channel.
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { presenceAction } from "@/app/actions/presence";
import type { PresentPerson } from "@/lib/data/live";
import { bidiSafe } from "@/lib/text/bidi";
import { callAction } from "../ui/action";
import { useLive } from "./use-live";

const BEAT_MS = 15_000;

export function ClaimPresence({ claimId }: { claimId: number }) {
  const t = useTranslations("live");
  const format = useFormatter();
  const [others, setOthers] = useState<PresentPerson[]>([]);

  useEffect(() => {
    let live = true;
    const mark = async (state: "here" | "gone" | "look") => {
      const result = await callAction(() => presenceAction({ claimId, state }));
      if (live && result.ok) setOthers(result.data);
    };
    void mark("here");
    const beat = setInterval(() => void mark("here"), BEAT_MS);
    const leave = () => void presenceAction({ claimId, state: "gone" }).catch(() => undefined);
    window.addEventListener("pagehide", leave);
    return () => {
      live = false;
      clearInterval(beat);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [claimId]);

  useLive((message) => {
    if (message.kind === "presence.changed" && message.claimId === claimId) {
      void callAction(() => presenceAction({ claimId, state: "look" })).then((result) => {
        if (result.ok) setOthers(result.data);
      });
    }
  });

  if (others.length === 0) return null;
  return (
    <p
      aria-live="polite"
      className="flex items-center gap-2 rounded-md bg-sky-50 px-3 py-1.5 text-sm text-sky-900"
      data-testid="claim-presence"
    >
      <span aria-hidden className="size-2 shrink-0 rounded-full bg-sky-500" />
      {t("editing", {
        count: others.length,
        names: format.list(
          others.map((p) => bidiSafe(p.name)),
          { type: "conjunction" },
        ),
      })}
    </p>
  );
}
