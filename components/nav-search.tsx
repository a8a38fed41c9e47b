"use client";

import Form from "next/form";
import { usePathname, useRouter } from "next/navigation";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Search } from "lucide-react";
import { joinClasses } from "./ui/classes";
import { useShellText } from "./shell-text";

/** The search page marks its own box with this attribute; "/" focuses that one there. */
const PAGE_SEARCH_SELECTOR = "[data-page-search]";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The search box of the navigation. "/" focuses it from anywhere, except while typing in a field. */
export function NavSearch({ className }: { className?: string }) {
  const text = useShellText();
  const input = useRef<HTMLInputElement>(null);
  const pathname = usePathname();
  const router = useRouter();
  const onSearchPage = pathname === "/search";

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey)
        return;
      if (isTyping(event.target)) return;
      const target = document.querySelector<HTMLInputElement>(PAGE_SEARCH_SELECTOR) ?? input.current;
      event.preventDefault();
      // On narrow screens the box is hidden behind a link: go to the search page instead.
      if (!target || target.offsetParent === null) router.push("/search");
      else {
        target.focus();
        target.select();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router]);

  // On the search page its own, larger box is the one to use.
  if (onSearchPage) return null;

  return (
    <div
      className={joinClasses(
        "flex justify-end",
        // The caller's minimum width, else none (what cn() resolved, without tailwind-merge).
        /(^|\s)min-w-/.test(className ?? "") ? null : "min-w-0",
        className,
      )}
    >
      <Link
        href="/search"
        aria-label={text.searchLabel}
        className="text-muted hover:text-ink grid size-8 place-items-center rounded-md hover:bg-slate-100 md:hidden"
      >
        <Search aria-hidden className="size-4" />
      </Link>
      <Form
        action="/search"
        role="search"
        aria-label={text.searchLabel}
        className="relative w-full max-md:hidden"
      >
        <label htmlFor="nav-search" className="sr-only">
          {text.searchLabel}
        </label>
        <Search
          aria-hidden
          className="text-muted pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2"
        />
        <input
          ref={input}
          id="nav-search"
          name="q"
          type="search"
          autoComplete="off"
          placeholder={text.searchPlaceholder}
          aria-keyshortcuts="/"
          title={text.searchShortcut}
          maxLength={200}
          className="border-line text-ink focus:border-accent focus:ring-accent/30 h-8 w-full rounded-md border bg-slate-50 pr-8 pl-8 text-sm placeholder:text-slate-500 focus:bg-white focus:ring-2 focus:outline-none"
        />
        <kbd
          aria-hidden
          className="border-line text-muted pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border bg-white px-1.5 font-sans text-[11px] leading-4"
        >
          /
        </kbd>
      </Form>
    </div>
  );
}
