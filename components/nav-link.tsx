"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { joinClasses } from "./ui/classes";

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || (pathname.startsWith(`${href}/`) && href !== "/articles/new");
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={joinClasses(
        "inline-flex items-center rounded-md px-3 py-1.5 font-medium",
        active ? "text-ink bg-slate-100" : "text-muted hover:text-ink",
      )}
    >
      {children}
    </Link>
  );
}
