// The bytes of a web page or an uploaded .html file as text, in the charset the page declares:
// a byte-order mark, then the HTTP Content-Type, then <meta charset> (or http-equiv) in the first
// 1024 bytes, as browsers do; with nothing declared, UTF-8 when the bytes are valid UTF-8, else
// Windows-1252. Runs in the browser and on the server (TextDecoder knows the WHATWG labels, and
// maps ISO-8859-1 to Windows-1252 as browsers do).

function charsetFromContentType(value: string | null | undefined): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(value ?? "");
  return match ? match[1]!.toLowerCase() : null;
}

/** The charset a page's <meta> declares, from its first 1024 bytes (read as ASCII). */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = "";
  const end = Math.min(bytes.length, 1024);
  for (let i = 0; i < end; i += 1) head += String.fromCharCode(bytes[i]!);
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (direct) return direct[1]!.toLowerCase();
  const equiv = /<meta[^>]+http-equiv\s*=\s*["']?content-type["']?[^>]*>/i.exec(head);
  if (equiv) return charsetFromContentType(/content\s*=\s*["']([^"']*)["']/i.exec(equiv[0])?.[1]);
  return null;
}

// Bytes 0x80-0x9F of Windows-1252 (undefined ones stay as they are). Written out because some
// Node versions decode "windows-1252" as ISO-8859-1, turning ’ into a control character.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}

type Decoder = { decode: (bytes: Uint8Array) => string };
const WINDOWS_1252: Decoder = { decode: decodeWindows1252 };

function decoderFor(label: string | null): Decoder | null {
  if (!label) return null;
  // A page "in UTF-16" that reached us through a meta tag is ASCII-compatible: UTF-8, per the spec.
  const name = /^utf-?16/i.test(label) ? "utf-8" : label;
  try {
    const decoder = new TextDecoder(name);
    return decoder.encoding === "windows-1252" ? WINDOWS_1252 : decoder;
  } catch {
    return null;
  }
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  const declared = decoderFor(charsetFromContentType(contentType)) ?? decoderFor(declaredCharset(bytes));
  if (declared) return declared.decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
