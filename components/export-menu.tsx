"use client";

import { ChevronDown, Download } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import {
  CSV_SEPARATORS,
  defaultCsvSeparator,
  exportHref,
  FORMATS,
  type CsvSeparatorName,
} from "@/lib/export/format-names";
import { buttonClass } from "./ui/button-class";
import { joinClasses } from "./ui/classes";

const itemClass = "block rounded-md px-2.5 py-2 hover:bg-slate-50 focus-visible:bg-slate-50";

/**
 * "Export ▾": a disclosure with one download link per format (approved claims only), the CSV
 * separator to use (semicolon first when the interface or the article is French) and ClaimReview
 * with the silences as an extra link. Closes on Escape, on a click outside, and after a choice.
 */
export function ExportMenu({
  articleId,
  articleLanguage,
  className,
}: {
  articleId: number;
  articleLanguage?: string;
  className?: string;
}) {
  const t = useTranslations("exportMenu");
  const o = useTranslations("exportOptions");
  const locale = useLocale();
  const [separator, setSeparator] = useState<CsvSeparatorName>(() =>
    defaultCsvSeparator(locale, articleLanguage),
  );
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className={joinClasses("relative", className)}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className={buttonClass("secondary", "sm")}
      >
        <Download aria-hidden className="size-4" />
        {t("export")}
        <ChevronDown
          aria-hidden
          className={joinClasses("size-4 transition-transform", open && "rotate-180")}
        />
      </button>
      <div
        id={panelId}
        hidden={!open}
        // On a phone the menu is a sheet along the bottom of the screen, never cut off at its edge.
        className="border-line absolute right-0 z-20 mt-1 w-80 rounded-lg border bg-white p-1.5 shadow-lg max-sm:fixed max-sm:inset-x-3 max-sm:top-auto max-sm:bottom-3 max-sm:w-auto"
      >
        <p className="text-muted px-2.5 pt-1.5 pb-1 text-xs font-medium">{t("approvedOnly")}</p>
        <ul aria-label={t("menuLabel")}>
          {FORMATS.map((format) => (
            <li key={format}>
              <a
                href={exportHref(articleId, format, { separator })}
                download
                onClick={() => setOpen(false)}
                className={itemClass}
              >
                <span className="text-ink block text-sm font-medium">{t(`formats.${format}`)}</span>
                <span className="text-muted block text-xs">{t(`hints.${format}`)}</span>
              </a>
              {format === "csv" ? (
                <fieldset className="px-2.5 pb-2">
                  <legend className="text-muted text-xs">{o("separatorLegend")}</legend>
                  <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                    {CSV_SEPARATORS.map((name) => (
                      <label key={name} className="text-ink flex items-center gap-1.5 text-xs">
                        <input
                          type="radio"
                          name={`${panelId}-separator`}
                          value={name}
                          checked={separator === name}
                          onChange={() => setSeparator(name)}
                          className="accent-accent"
                        />
                        {o(`separators.${name}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : null}
              {format === "claimreview" ? (
                <a
                  href={exportHref(articleId, format, { includeUncommented: true })}
                  download
                  onClick={() => setOpen(false)}
                  className={itemClass}
                >
                  <span className="text-ink block text-sm font-medium">{o("claimReviewUncommented")}</span>
                  <span className="text-muted block text-xs">{o("claimReviewUncommentedHint")}</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
