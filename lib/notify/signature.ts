// Webhook signatures: HMAC-SHA256 over `${timestamp}.${body}` with the webhook's secret, hex,
// sent as `X-Desk-Signature: sha256=<hex>` with `X-Desk-Timestamp: <unix seconds>`.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Desk-Signature";
export const TIMESTAMP_HEADER = "X-Desk-Timestamp";
export const EVENT_HEADER = "X-Desk-Event";
export const DELIVERY_HEADER = "X-Desk-Delivery";

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The receiver's check: the signature matches and the timestamp is within `toleranceS` of now. */
export function verifySignature(
  secret: string,
  headers: { signature: string | null | undefined; timestamp: string | null | undefined },
  body: string,
  options: { now?: number; toleranceS?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceS ?? 300)) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
