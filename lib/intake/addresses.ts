// Which network addresses the fetcher may connect to: public unicast only. Private, loopback,
// link-local, carrier-grade NAT, multicast, documentation and other special ranges are refused,
// in IPv4 and IPv6 (including IPv4 carried inside IPv6: mapped, NAT64 and 6to4 addresses).
import { isIP } from "node:net";

type V4Range = [base: number, bits: number];

const V4_BLOCKED: V4Range[] = (
  [
    ["0.0.0.0", 8], // "this network"
    ["10.0.0.0", 8], // private
    ["100.64.0.0", 10], // carrier-grade NAT
    ["127.0.0.0", 8], // loopback
    ["169.254.0.0", 16], // link-local (cloud metadata lives here)
    ["172.16.0.0", 12], // private
    ["192.0.0.0", 24], // IETF protocol assignments
    ["192.0.2.0", 24], // documentation
    ["192.88.99.0", 24], // 6to4 relay anycast
    ["192.168.0.0", 16], // private
    ["198.18.0.0", 15], // benchmarking
    ["198.51.100.0", 24], // documentation
    ["203.0.113.0", 24], // documentation
    ["224.0.0.0", 4], // multicast
    ["240.0.0.0", 4], // reserved, broadcast
  ] as const
).map(([address, bits]) => [v4ToNumber(address)!, bits]);

function v4ToNumber(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

function inV4Range(value: number, [base, bits]: V4Range): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(value / size) === Math.floor(base / size);
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function v6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = v4ToNumber(dotted[1]!);
    if (v4 === null) return null;
    text = text.slice(0, -dotted[1]!.length) + `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}

function v4Blocked(value: number): boolean {
  return V4_BLOCKED.some((range) => inV4Range(value, range));
}

function v6Blocked(groups: number[]): boolean {
  const [a, b] = groups as [number, number, ...number[]];
  const embedded = (high: number, low: number) => v4Blocked(high * 65536 + low);
  if (groups.slice(0, 7).every((g) => g === 0)) return true; // :: and ::1
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return embedded(groups[6]!, groups[7]!); // ::ffff:a.b.c.d
  if (groups.slice(0, 6).every((g) => g === 0)) return true; // deprecated IPv4-compatible
  if (a === 0x64 && b === 0xff9b) return embedded(groups[6]!, groups[7]!); // NAT64
  if (a === 0x2002) return embedded(b, groups[2]!); // 6to4
  if ((a & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((a & 0xffc0) === 0xfec0) return true; // site-local (deprecated)
  if ((a & 0xff00) === 0xff00) return true; // multicast
  if (a === 0x2001 && b === 0x0db8) return true; // documentation
  if (a === 0x2001 && b === 0) return true; // Teredo (carries other addresses)
  if (a === 0x0100 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0) return true; // discard
  return false;
}

/** True when the address is not a public unicast address (or is not an address at all). */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return v4Blocked(v4ToNumber(address)!);
  if (family === 6) {
    const groups = v6Groups(address);
    return groups === null || v6Blocked(groups);
  }
  return true;
}

/** An allow-list entry: a host name, an address, or an IPv4 range in CIDR notation ("10.1.0.0/16"). */
export function matchesAllowList(
  host: string,
  address: string | null,
  allowList: readonly string[],
): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  for (const raw of allowList) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === name) return true;
    if (!address) continue;
    if (entry === address.toLowerCase()) return true;
    const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(entry);
    const value = isIP(address) === 4 ? v4ToNumber(address) : null;
    const base = cidr ? v4ToNumber(cidr[1]!) : null;
    if (
      cidr &&
      value !== null &&
      base !== null &&
      Number(cidr[2]) <= 32 &&
      inV4Range(value, [base, Number(cidr[2])])
    )
      return true;
  }
  return false;
}
