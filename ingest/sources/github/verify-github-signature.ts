import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=[0-9a-f]{64}$/;

/**
 * Checks `X-Hub-Signature-256`: the HMAC-SHA256 of the raw body keyed with the webhook secret, as `sha256=<hex>`.
 * Compared in constant time, over the exact bytes received (never a re-serialized body). Anything else, including
 * the legacy SHA-1 `sha1=` form and upper-case hex (GitHub always sends lower case), is refused.
 */
export const verifyGithubSignature = (secret: string, body: Buffer | string, header: string | null | undefined): boolean => {
  if (!header || !SIGNATURE.test(header)) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`, 'utf8');
  const received = Buffer.from(header, 'utf8');
  return expected.length === received.length && timingSafeEqual(expected, received);
};
