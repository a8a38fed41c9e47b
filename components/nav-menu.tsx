"use client";
// The main navigation on phones: behind a "Menu" button (aria-expanded) that opens it under the
// header, and closes it on Escape, on a second press, and when a link in it is followed. From the
// sm breakpoint up the navigation is always shown as a row and the button is hidden (CSS only).
// The links themselves stay server-rendered (children).
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { joinClasses } from "./ui/classes";

export function NavMenu({
  label,
  badge,
  children,
}: {
  label: string;
  /** Shown on the button, after its label: what waits behind it (components/live/live-counts.tsx). */
  badge?: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useId();

  // A navigation (a link, back, a redirect) closes the menu.
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((value) => !value)}
        className="text-ink border-line inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border bg-white px-2.5 text-sm font-medium hover:bg-slate-100 max-sm:order-1 sm:hidden"
      >
        {open ? <X aria-hidden className="size-4" /> : <Menu aria-hidden className="size-4" />}
        {label}
        {badge ? <> {badge}</> : null}
      </button>
      <div
        id={panel}
        // A followed link closes the menu, even one to the page already shown.
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className={joinClasses(
          "w-full max-sm:order-3",
          open ? "max-sm:border-line max-sm:border-t max-sm:pt-2" : "max-sm:hidden",
        )}
      >
        {children}
      </div>
    </>
  );
}
