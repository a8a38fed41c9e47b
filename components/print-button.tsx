"use client";

import { Printer } from "lucide-react";
import { buttonClass } from "./ui/button";

/** Opens the browser's print dialog, from which "Save as PDF" gives the document as a file. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("primary", "sm")}>
      <Printer aria-hidden className="size-4" />
      {label}
    </button>
  );
}
