import { Webhooks } from '@octokit/webhooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyGithubSignature } from '../../../ingest/sources/github/verify-github-signature';
import { sign } from './webhook-test-setup';

// GitHub's documented test vector ("Validating webhook deliveries").
const DOC_SECRET = "It's a Secret to Everybody";
const DOC_PAYLOAD = 'Hello, World!';
const DOC_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('verifyGithubSignature', () => {
  it("passes GitHub's documented test vector", () => {
    expect(verifyGithubSignature(DOC_SECRET, DOC_PAYLOAD, DOC_SIGNATURE)).toBe(true);
    expect(verifyGithubSignature(DOC_SECRET, Buffer.from(DOC_PAYLOAD), DOC_SIGNATURE)).toBe(true);
  });

  it.each([
    ['a tampered body', DOC_SECRET, 'Hello, World?', DOC_SIGNATURE],
    ['a wrong secret', 'not the secret', DOC_PAYLOAD, DOC_SIGNATURE],
    ['the legacy sha1= form', DOC_SECRET, DOC_PAYLOAD, 'sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59'],
    ['upper-case hex', DOC_SECRET, DOC_PAYLOAD, DOC_SIGNATURE.toUpperCase().replace('SHA256', 'sha256')],
    ['a truncated signature', DOC_SECRET, DOC_PAYLOAD, DOC_SIGNATURE.slice(0, -2)],
    ['no signature', DOC_SECRET, DOC_PAYLOAD, null],
    ['garbage', DOC_SECRET, DOC_PAYLOAD, 'sha256=zz'],
  ])('refuses %s', (_title, secret, payload, signature) => {
    expect(verifyGithubSignature(secret, payload, signature)).toBe(false);
  });

  // The reference implementation refuses empty bodies outright, so bodies here have at least one character.
  it('agrees with @octokit/webhooks on arbitrary bodies, secrets and signatures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.boolean(), fc.string(), async (secret, body, genuine, forged) => {
        const signature = genuine ? sign(body, secret) : `sha256=${Buffer.from(forged).toString('hex').padEnd(64, '0').slice(0, 64)}`;
        const reference = await new Webhooks({ secret }).verify(body, signature);
        expect(verifyGithubSignature(secret, body, signature)).toBe(reference);
      }),
      { numRuns: 200 },
    );
  });
});
