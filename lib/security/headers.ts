// The security headers of every response. Pages, route handlers and redirects get them from
// proxy.ts (with a fresh nonce per request); static files, which the proxy does not see, from
// next.config.ts. Pure functions: no Next, no process.env.

/**
 * The policy of pages: scripts only with this request's nonce, and the scripts they load
 * ('strict-dynamic'); no plugins, no framing, forms and base URLs on this origin only. Style
 * attributes stay allowed (style-src-attr): React writes widths and positions into them, and they
 * cannot run code. 'unsafe-eval' only in development, where React's tooling needs it.
 */
export function contentSecurityPolicy({
  nonce,
  development = false,
  https = false,
}: {
  nonce: string;
  development?: boolean;
  https?: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  // Only behind https: on plain http it would send the browser to https addresses that do not answer.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * For static files. A JavaScript file served here can become a web worker, which runs under the
 * policy of its own response: it may load further scripts from this origin, nothing else; no
 * plugins, no framing.
 */
export const STATIC_CONTENT_SECURITY_POLICY =
  "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers every response carries besides its Content-Security-Policy. */
export function securityHeaders({ https = false }: { https?: boolean } = {}): Record<string, string> {
  return {
    // Unpublished work and article ids stay inside: other sites learn nothing from a click.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    // Older browsers that ignore frame-ancestors.
    "X-Frame-Options": "DENY",
    "Permissions-Policy":
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** The policy of the API's JSON answers: they load nothing and are never framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Whether the browser reached the app over https: directly, through a proxy that says so, or by AUTH_URL. */
export function isHttpsRequest(
  url: URL,
  headers: { get(name: string): string | null },
  authUrl: string | undefined,
): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || url.protocol === "https:" || (authUrl?.startsWith("https:") ?? false);
}

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
