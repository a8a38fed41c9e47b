/**
 * Class names joined, without tailwind-merge: for the client components of every page's first load
 * (the header's, the error page's), where cn() would bring tailwind-merge's 8 kB (gzipped) into
 * the JavaScript of every page. Use it only where the joined classes never set the same property
 * twice; anywhere else, cn() (./cn.ts) resolves the conflict.
 */
export function joinClasses(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
