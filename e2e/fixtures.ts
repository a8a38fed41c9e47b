// The `test` every spec imports: Playwright's, plus a watch on the Content-Security-Policy. Any
// violation the page reports (an inline script, an eval, a blocked style or source) fails the test.
// And a wait for hydration after each full page load (below).
import { test as base, expect, type Page } from "@playwright/test";

/**
 * Resolves once React has hydrated every control of a Next.js page: until then the server's HTML
 * shows but a click finds no handler and a filled value goes back to its state on hydration. Pages
 * hydrate after their scripts have loaded, later than the `load` event that `goto` waits for, and a
 * test acting at once raced them (an Edit button clicked before it answered, a date reset). Pages
 * that are not the desk's (JSON, a file) are not waited for.
 */
export async function untilHydrated(page: Page) {
  await page.waitForFunction(() => {
    if (document.querySelector('script[src*="/_next/"]') === null) return true;
    const controls = document.querySelectorAll("button, input:not([type=hidden]), select, textarea");
    return Array.from(controls).every((control) =>
      Object.keys(control).some((key) => key.startsWith("__reactProps")),
    );
  });
}

type Navigate = (this: Page, ...args: unknown[]) => ReturnType<Page["goto"]>;
const hydrating = Symbol("waits for hydration");

/**
 * Makes `goto` and `reload` of every page in this worker (the test's own and those a test opens in
 * other contexts) wait for hydration too, so that no spec has to remember it.
 */
function waitForHydrationOnLoad(page: Page) {
  const prototype = Object.getPrototypeOf(page) as Record<string | symbol, unknown>;
  if (prototype[hydrating]) return;
  prototype[hydrating] = true;
  for (const name of ["goto", "reload"] as const) {
    const navigate = prototype[name] as Navigate;
    prototype[name] = async function (this: Page, ...args: unknown[]) {
      const response = await navigate.apply(this, args);
      await untilHydrated(this);
      return response;
    };
  }
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      waitForHydrationOnLoad(page);
      const violations: string[] = [];
      await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const report = (window as unknown as { __reportCspViolation: (text: string) => void })
            .__reportCspViolation;
          void report(
            `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`,
          );
        });
      });
      page.on("console", (message) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
