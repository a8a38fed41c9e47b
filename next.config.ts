import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders, STATIC_CONTENT_SECURITY_POLICY } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Pages, route handlers and redirects get their headers (and a per-request nonce) from proxy.ts;
// these paths are the ones it does not see.
const STATIC_PATHS = ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/icon.svg", "/robots.txt"];

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  experimental: {
    // An imported page (a pasted page or an uploaded .html file, up to 2 MB) goes to the
    // article-preview action whole: its metadata is what the extraction reads.
    serverActions: { bodySizeLimit: "6mb" },
    // The proxy buffers a request's body up to this size: a document (up to 20 MB, in its
    // multipart envelope) reaches POST /articles/:id/documents whole; beyond it the route answers 413.
    proxyClientMaxBodySize: "21mb",
  },
  typedRoutes: false,
  async headers() {
    const headers = Object.entries({
      ...securityHeaders(),
      "Content-Security-Policy": STATIC_CONTENT_SECURITY_POLICY,
    }).map(([key, value]) => ({ key, value }));
    return STATIC_PATHS.map((source) => ({ source, headers }));
  },
};

export default withNextIntl(nextConfig);
