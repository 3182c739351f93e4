import { randomBytes } from 'node:crypto';

/**
 * The Content-Security-Policy of one answer, with a new nonce: only scripts carrying it run, and what they load
 * ('strict-dynamic'), so injected markup's inline handlers and scripts do not. Next reads the nonce from the
 * request's `content-security-policy` header and puts it on its own scripts (pages render per request). Styles stay
 * open to inline `style` attributes, which the charts set. No framing (clickjacking), no plugins, no <base> hijack.
 */
export const buildContentSecurityPolicy = () => {
  const nonce = randomBytes(16).toString('base64');
  const header = [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
  ].join('; ');
  return { header, nonce };
};
