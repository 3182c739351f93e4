import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a delivery's `webhook-timestamp` may be from our clock (Standard Webhooks: 5 minutes), against replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The HMAC key: a `whsec_` secret is base64 after its prefix (Standard Webhooks); any other token is its bytes. */
const keyOf = (token: string) =>
  token.startsWith('whsec_') ? Buffer.from(token.slice(6), 'base64') : Buffer.from(token, 'utf8');

/** The `v1,<base64>` signature GitLab sends for a body (also used by tests to sign deliveries). */
export const signGitlabDelivery = (token: string, id: string, timestamp: string, body: Buffer | string) =>
  `v1,${createHmac('sha256', keyOf(token)).update(`${id}.${timestamp}.`).update(body).digest('base64')}`;

/**
 * Checks GitLab's signed webhooks (a webhook with a signing token, following the Standard Webhooks scheme):
 * `webhook-signature` holds one or more space-separated `v1,<base64>` HMAC-SHA256 values of
 * `<webhook-id>.<webhook-timestamp>.<raw body>`; one must match, compared in constant time, and the timestamp must be
 * within the tolerance. Returns why it fails, or null.
 */
export const verifyGitlabSignature = (
  token: string,
  headers: Headers,
  body: Buffer,
  now = Date.now(),
): string | null => {
  const id = headers.get('webhook-id');
  const timestamp = headers.get('webhook-timestamp');
  const signatures = headers.get('webhook-signature');
  if (!id || !timestamp || !signatures)
    return 'webhook-id, webhook-timestamp and webhook-signature are required (the webhook has a signing token)';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS)
    return 'webhook-timestamp is not within 5 minutes of now';
  const expected = Buffer.from(signGitlabDelivery(token, id, timestamp, body), 'utf8');
  const match = signatures.split(' ').some((candidate) => {
    const received = Buffer.from(candidate, 'utf8');
    return received.length === expected.length && timingSafeEqual(received, expected);
  });
  return match ? null : 'webhook-signature does not match the body and the configured signing token';
};
