import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^v1=[0-9a-f]{64}$/;

/**
 * Checks `X-PagerDuty-Signature` (developer.pagerduty.com, "Verifying Signatures"): comma-separated signatures, each
 * `v1=` and the hex HMAC-SHA256 of the raw body keyed with one signing secret. PagerDuty sends one per secret while
 * a secret is rotated, and Waymark may hold the old and the new one: the delivery is authentic when any signature
 * matches any secret. Every pair is compared in constant time; other versions are skipped, as the docs say.
 */
export const verifyPagerdutySignature = (
  secrets: readonly string[],
  body: Buffer | string,
  header: string | null | undefined,
): boolean => {
  if (!header) return false;
  const received = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => SIGNATURE.test(part))
    .map((part) => Buffer.from(part, 'utf8'));
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(body).digest('hex')}`, 'utf8');
    for (const signature of received) if (timingSafeEqual(expected, signature)) matched = true;
  }
  return matched;
};
