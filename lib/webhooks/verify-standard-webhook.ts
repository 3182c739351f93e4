import { Webhook } from 'standardwebhooks';

/** A Standard Webhooks key: a `whsec_` secret is base64 after its prefix; any other token is its own bytes (GitLab). */
const createWebhook = (secret: string) =>
  secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' });

/** The `v1,<base64>` signature of a delivery (our notification webhooks, and tests signing a source's deliveries). */
export const signStandardWebhook = (secret: string, id: string, sentAt: Date, body: Buffer | string) =>
  createWebhook(secret).sign(id, sentAt, typeof body === 'string' ? body : new Uint8Array(body));

/**
 * Checks a delivery signed the Standard Webhooks way (GitLab's signed webhooks, incident.io through Svix) with the
 * maintained `standardwebhooks` library: `webhook-signature` holds one or more `v1,<base64>` HMAC-SHA256 values of
 * `<webhook-id>.<webhook-timestamp>.<body>`, compared in constant time, and the timestamp must be within 5 minutes of
 * now (replays). Authentic when any of `secrets` verifies it (the old and the new one during a rotation). Returns
 * why it is not, in words, or null.
 */
export const verifyStandardWebhook = (secrets: readonly string[], headers: Headers, body: Buffer | string) => {
  const signed = {
    'webhook-id': headers.get('webhook-id') ?? '',
    'webhook-timestamp': headers.get('webhook-timestamp') ?? '',
    'webhook-signature': headers.get('webhook-signature') ?? '',
  };
  if (Object.values(signed).some((value) => value === '')) {
    return 'webhook-id, webhook-timestamp and webhook-signature are required';
  }
  const payload = typeof body === 'string' ? body : new Uint8Array(body);
  let problem = 'webhook-signature does not match the body and a configured secret';
  for (const secret of secrets) {
    try {
      createWebhook(secret).verify(payload, signed);
      return null;
    } catch (error) {
      // A stale or future timestamp fails every secret alike; a secret that is not base64 vouches for nothing.
      if (/timestamp/i.test((error as Error).message)) problem = 'webhook-timestamp is not within 5 minutes of now';
    }
  }
  return problem;
};
