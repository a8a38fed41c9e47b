/**
 * A text field's classes, in a module of its own: client components that need only these (the
 * search page's similar-claims checker) do not bring ./field.tsx's cn() and tailwind-merge along.
 */
export const inputClass =
  "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm text-ink shadow-xs placeholder:text-slate-400 focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30 aria-[invalid=true]:border-disputed";
