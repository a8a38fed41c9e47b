// Facts about the incoming request that authentication needs, read from its headers.
import "server-only";

type HeaderSource = { get(name: string): string | null };

function firstValue(header: string | null): string | null {
  const first = header?.split(",")[0]?.trim();
  return first ? first : null;
}

/**
 * The client's address: the first entry of X-Forwarded-For, else X-Real-IP. Behind a reverse proxy
 * that sets these headers this is the real client; Next sets X-Forwarded-For from the socket when
 * no proxy did. Used only to throttle sign-in, so a forged value can only move the caller to
 * another per-address bucket: the per-account limit still holds.
 */
export function clientAddress(headers: HeaderSource): string {
  const address = firstValue(headers.get("x-forwarded-for")) ?? firstValue(headers.get("x-real-ip"));
  return address ? address.slice(0, 100) : "unknown";
}

/**
 * Whether session cookies must be Secure (and carry the __Secure- prefix): when the public URL is
 * https (AUTH_URL), or the request came over https directly or through a proxy saying so.
 */
export function wantsSecureCookies({
  authUrl,
  headers,
  url,
}: {
  authUrl?: string;
  headers?: HeaderSource;
  url?: string;
}): boolean {
  if (authUrl) return authUrl.startsWith("https:");
  if (firstValue(headers?.get("x-forwarded-proto") ?? null)?.toLowerCase() === "https") return true;
  return url?.startsWith("https:") ?? false;
}
