/**
 * A URL from stored data made safe to render as a link: http and https only (never `javascript:`, `data:`,
 * `vbscript:`, `file:`), parsed the way a browser parses an href (WHATWG URL: leading spaces and control characters
 * trimmed, tabs and newlines removed), and written back in its normal form. Anything else is null: shown as text.
 * Defence in depth: the validation boundary refuses such URLs, but rows stored before it or by another path exist.
 */
export const toSafeHref = (url: string | null | undefined): string | null => {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
};
