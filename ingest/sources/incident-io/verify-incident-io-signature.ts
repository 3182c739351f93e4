import { Webhook } from 'standardwebhooks';

export type IncidentIoSignatureHeaders = { id: string; timestamp: string; signature: string };

/**
 * Checks a delivery as incident.io signs it (Svix, the Standard Webhooks scheme): `webhook-signature` holds one or
 * more space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` keyed with the
 * endpoint's `whsec_` secret, several while a secret is rotated. The maintained `standardwebhooks` library does the
 * comparison (constant time) and refuses a timestamp more than 5 minutes from now, which stops replays. Authentic
 * when any configured secret verifies it, so Waymark can hold the old and the new secret during a rotation.
 */
export const verifyIncidentIoSignature = (
  secrets: readonly string[],
  body: Buffer | string,
  headers: IncidentIoSignatureHeaders,
): boolean => {
  const payload = typeof body === 'string' ? body : new Uint8Array(body);
  const signed = {
    'webhook-id': headers.id,
    'webhook-timestamp': headers.timestamp,
    'webhook-signature': headers.signature,
  };
  return secrets.some((secret) => {
    try {
      new Webhook(secret).verify(payload, signed);
      return true;
    } catch {
      // A mismatch, a stale timestamp or a secret that is not base64: this secret does not vouch for the delivery.
      return false;
    }
  });
};
