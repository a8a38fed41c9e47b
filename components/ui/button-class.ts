import { joinClasses } from "./classes";

const VARIANTS = {
  primary: "bg-accent text-white hover:bg-accent-strong disabled:bg-accent/50",
  secondary: "border border-line bg-white text-ink hover:bg-slate-50 disabled:text-muted",
  ghost: "text-ink hover:bg-slate-100 disabled:text-muted",
  danger: "bg-disputed text-white hover:bg-red-800 disabled:bg-disputed/50",
} as const;

const SIZES = { sm: "h-8 px-3 text-sm", md: "h-10 px-4 text-sm" } as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/**
 * A button's classes (also for links that look like buttons). The base, the variant and the size
 * never set the same property, so they are joined without tailwind-merge (button-class.test.ts
 * checks that the result is what cn() gives), which keeps it out of the first load of pages whose
 * client components need only this.
 */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return joinClasses(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed",
    VARIANTS[variant],
    SIZES[size],
  );
}

export const BUTTON_VARIANTS = Object.keys(VARIANTS) as ButtonVariant[];
export const BUTTON_SIZES = Object.keys(SIZES) as ButtonSize[];
