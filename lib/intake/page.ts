// Whether HTML is a whole web page (worth the server's article extraction) or a fragment, such as
// a selection copied from a page (converted as it is, where the cursor is). Runs in the browser.

export function looksLikeWholePage(html: string): boolean {
  return (
    /<title[\s>]/i.test(html) ||
    /<meta\s[^>]*(property|name)\s*=\s*["']?(og:|article:|twitter:)/i.test(html) ||
    /<script[^>]+application\/ld\+json/i.test(html) ||
    /^\s*(<!--[\s\S]*?-->\s*)*<!doctype html/i.test(html)
  );
}

/** Plain text that is HTML source (tags and all), as when a page's source is copied. */
export function looksLikeHtmlSource(text: string): boolean {
  return /<(p|div|br|span|h[1-6]|article|section|html|body|li|blockquote|head|meta)[\s>/]/i.test(text);
}
